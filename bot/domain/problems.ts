/**
 * Why the domain refuses input, as stable codes with parameters. The domain says what is wrong;
 * the edge (Teams handlers, HTTP replies) says it in the person's language (bot/i18n/problems.ts).
 */

/** A field a problem is about; the edge labels it as the person's form does. */
export type ProblemField =
  | { readonly kind: 'kartlegging' | 'analyse' | 'mal' | 'tidsressurser' | 'fritekst' }
  | {
      readonly kind: 'action' | 'action-responsible' | 'action-deadline' | 'action-status' | 'action-serves';
      /** 1-based, as the form numbers actions. */
      readonly n: number;
    }
  /** A question in a request; its text is the label. */
  | { readonly kind: 'question'; readonly text: string }
  /** The comment to a sign of good practice. */
  | { readonly kind: 'sign-comment'; readonly sign: string }
  /**
   * A field of a request to the API, by its name there (`title`, `audiences`, `from`); `index`
   * is the 0-based place in a list. The edge labels the names people know from the tab.
   */
  | { readonly kind: 'input'; readonly name: string; readonly index?: number };

/** An audience a sender may not reach, as the refusal names it. */
export type AudienceName =
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'conversation' }
  /** A network or unit by the name people know it by, else its key. */
  | { readonly kind: 'named'; readonly name: string };

/** Someone a broadcast does not reach and why (bot/use-cases/broadcasts/unreached.ts). */
export interface UnreachedParam {
  readonly reason: string;
  readonly name?: string;
  readonly place?: {
    readonly kind: string;
    readonly name?: string;
    readonly team?: string;
    readonly channel?: string;
  };
}

/** Every problem code with its parameters. Dates are local ISO dates (`2026-12-15`). */
export interface ProblemParams {
  readonly MEETING_NOT_FOUND: Readonly<Record<string, never>>;
  /** An event of the plan's calendar (not only a meeting) the request names is not there. */
  readonly EVENT_NOT_FOUND: Readonly<Record<string, never>>;
  /** A unit the request names is not in the plan; nothing was saved. */
  readonly UNIT_NOT_FOUND: Readonly<Record<string, never>>;
  readonly ITEM_NOT_FOUND: Readonly<Record<string, never>>;
  /** Someone who neither submitted the item nor runs the meeting's agenda tried to change it. */
  readonly ITEM_NOT_YOURS: Readonly<Record<string, never>>;
  readonly ITEM_WITHDRAWN: Readonly<Record<string, never>>;
  readonly ITEM_TITLE_MISSING: Readonly<Record<string, never>>;
  readonly ITEM_TITLE_TOO_LONG: { readonly max: number };
  readonly ITEM_DESCRIPTION_TOO_LONG: { readonly max: number };
  readonly ITEM_MINUTES: { readonly min: number; readonly max: number };
  /** An item submitted after the meeting's deadline. */
  readonly ITEM_LATE: { readonly deadline: string };
  /** An item changed or withdrawn by its submitter after the meeting's deadline. */
  readonly ITEM_CHANGE_LATE: { readonly deadline: string };
  readonly FIELD_REQUIRED: { readonly field: ProblemField };
  readonly FIELD_TOO_LONG: { readonly field: ProblemField; readonly length: number; readonly max: number };
  /** `value`, when given, is what was sent instead (a query parameter the person typed). */
  readonly FIELD_NOT_DATE: { readonly field: ProblemField; readonly value?: string };
  /** A field that is not what it should be (a malformed id, a wrong type). */
  readonly FIELD_INVALID: { readonly field: ProblemField };
  readonly FIELD_NOT_ONE_OF: { readonly field: ProblemField; readonly options: readonly string[] };
  readonly FIELD_TOO_MANY: { readonly field: ProblemField; readonly count: number; readonly max: number };
  readonly FIELD_OUT_OF_RANGE: { readonly field: ProblemField; readonly min: string; readonly max: string };
  /** Text with lone UTF-16 surrogates: not text at all, and storage or URIs cannot take it. */
  readonly FIELD_NOT_TEXT: { readonly field: ProblemField };
  readonly FIELD_NOT_HTTPS: { readonly field: ProblemField };
  readonly FIELD_NOT_TIME: { readonly field: ProblemField };
  /** `first` came after `second` (a range backwards, a deadline before the opening). */
  readonly FIELD_ORDER: { readonly first: ProblemField; readonly second: ProblemField };
  /** Text that becomes card markdown (bot/domain/agenda/markdown.ts); `field` unless it is the body. */
  readonly MARKDOWN_HTML: { readonly field?: ProblemField };
  readonly MARKDOWN_IMAGE: { readonly field?: ProblemField };
  readonly MARKDOWN_HEADING: { readonly field?: ProblemField };
  readonly MARKDOWN_LINK: { readonly field?: ProblemField; readonly link: string };
  readonly MARKDOWN_BOLD_OPEN: { readonly field?: ProblemField };
  readonly BROADCAST_TITLE_MISSING: Readonly<Record<string, never>>;
  readonly BROADCAST_TEXT_MISSING: Readonly<Record<string, never>>;
  readonly BROADCAST_NOT_FOUND: Readonly<Record<string, never>>;
  readonly BROADCAST_NOT_YOURS: Readonly<Record<string, never>>;
  readonly BROADCAST_NOT_DRAFT: Readonly<Record<string, never>>;
  readonly BROADCAST_ALREADY_SENT: Readonly<Record<string, never>>;
  readonly BROADCAST_NOT_SENT: Readonly<Record<string, never>>;
  /** The meeting has no reading assignment (or it was called off): nothing to mark read. */
  readonly READING_NOT_FOUND: Readonly<Record<string, never>>;
  /** The reading assignment is not given out yet: it can be marked read from `sendsOn`. */
  readonly READING_NOT_OUT: { readonly sendsOn: string };
  readonly BROADCAST_CANCELLED: Readonly<Record<string, never>>;
  readonly BROADCAST_NOTHING_TO_CANCEL: Readonly<Record<string, never>>;
  readonly BROADCAST_SENDERS_ONLY: Readonly<Record<string, never>>;
  readonly NO_PERSONAL_CHAT: Readonly<Record<string, never>>;
  readonly AUDIENCE_NONE: Readonly<Record<string, never>>;
  readonly AUDIENCE_UNKNOWN: { readonly audience: string };
  readonly AUDIENCE_NO_PLACE: Readonly<Record<string, never>>;
  readonly SIGN_IN_REQUIRED: Readonly<Record<string, never>>;
  readonly AUTOMATION_KEYS_ADMIN_ONLY: Readonly<Record<string, never>>;
  readonly AUTOMATION_KEY_NOT_FOUND: Readonly<Record<string, never>>;
  readonly AUTOMATION_KEY_INVALID: Readonly<Record<string, never>>;
  readonly NOT_FOUND: Readonly<Record<string, never>>;
  /** Storage refused a value as too large; `field` when the entity tells which. */
  readonly STORED_VALUE_TOO_LARGE: { readonly field?: ProblemField };
  /** Storage refused what was sent (too large as a whole, too many fields, a character it cannot hold). */
  readonly STORAGE_REFUSED: Readonly<Record<string, never>>;
  readonly PLAN_NOT_IMPORTED: Readonly<Record<string, never>>;
  readonly CAMPAIGN_ID_INVALID: Readonly<Record<string, never>>;
  readonly CAMPAIGN_YEAR: { readonly year: number; readonly min: number; readonly max: number };
  readonly CAMPAIGN_QUESTIONS: { readonly min: number; readonly max: number };
  readonly LINK_TARGET_UNKNOWN: { readonly key: string };
  readonly NOT_INSTALLED_IN: { readonly conversationId: string };
  readonly LANGUAGE_UNKNOWN: Readonly<Record<string, never>>;
  readonly ITEM_CHANGED: Readonly<Record<string, never>>;
  readonly AGENDA_CHANGED: Readonly<Record<string, never>>;
  readonly ITEM_VERSION_MISSING: Readonly<Record<string, never>>;
  readonly AGENDA_VERSION_MISSING: Readonly<Record<string, never>>;
  readonly VERSION_NOT_WHOLE: Readonly<Record<string, never>>;
  readonly AGENDA_RUNNERS_ONLY: Readonly<Record<string, never>>;
  readonly AGENDA_DECISION: Readonly<Record<string, never>>;
  readonly AGENDA_ORDER_IDS: Readonly<Record<string, never>>;
  readonly FEED_PROGRAMME_UNKNOWN: Readonly<Record<string, never>>;
  readonly DEV_CLOCK_INPUT: Readonly<Record<string, never>>;
  readonly FEEDS_MANAGERS_ONLY: Readonly<Record<string, never>>;
  /** A coordinator sending outside the networks she coordinates. */
  readonly BROADCAST_OUTSIDE_NETWORKS: { readonly audiences: readonly AudienceName[] };
  /** A send that reaches nobody, with who is left out and why. */
  readonly BROADCAST_REACHES_NOBODY: { readonly unreached: readonly UnreachedParam[] };
  readonly TEXT_TOO_LONG: { readonly field?: ProblemField; readonly max: number };
  readonly ACTION_STATUS_UNKNOWN: { readonly field: ProblemField };
  readonly ACTION_STATUS_MISSING: { readonly field: ProblemField };
  readonly PLAN_NO_ACTIONS: Readonly<Record<string, never>>;
  readonly PLAN_TOO_MANY_ACTIONS: { readonly max: number; readonly count: number };
  readonly SIGN_ANSWER_UNKNOWN: { readonly sign: string };
  readonly SIGN_UNANSWERED: { readonly sign: string };
  /** The units' status is for the kommunalsjef, coordinators and unit leaders. */
  readonly STATUS_FORBIDDEN: Readonly<Record<string, never>>;
  /** No half-year campaign has this period (e.g. `2026-H2`). */
  readonly PERIOD_UNKNOWN: { readonly period: string };
  /** Running a campaign (preview, remind, move the deadline, close) is the kommunalsjef's. */
  readonly CAMPAIGN_ADMIN_ONLY: Readonly<Record<string, never>>;
  readonly CAMPAIGN_UNKNOWN: { readonly id: string };
  /** A new campaign's short name is taken (the tab's «Ny innhenting»). */
  readonly CAMPAIGN_EXISTS: { readonly id: string; readonly title: string };
  /** Closed by the kommunalsjef: nothing more is sent, reminded or moved. */
  readonly CAMPAIGN_CLOSED: Readonly<Record<string, never>>;
  /** A deadline moved to before today (a local date). */
  readonly CAMPAIGN_DEADLINE_PAST: { readonly today: string };
}

export type ProblemCode = keyof ProblemParams;

/** One problem: a stable code and what the message needs. */
export type Problem = {
  [C in ProblemCode]: { readonly code: C; readonly params: ProblemParams[C] };
}[ProblemCode];

/** A problem, typed by its code. */
export function problem<C extends ProblemCode>(code: C, params: ProblemParams[C]): Problem {
  return { code, params } as Problem;
}
