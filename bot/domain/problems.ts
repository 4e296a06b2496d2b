/**
 * Why the domain refuses input, as stable codes with parameters. The domain says what is wrong;
 * the edge (Teams handlers, HTTP replies) says it in the person's language (bot/i18n/problems.ts).
 */

/** A field a problem is about; the edge labels it as the person's form does. */
export type ProblemField =
  | { readonly kind: 'kartlegging' | 'analyse' | 'mal' | 'tidsressurser' | 'fritekst' }
  | {
      readonly kind: 'action' | 'action-responsible' | 'action-deadline' | 'action-status';
      /** 1-based, as the form numbers actions. */
      readonly n: number;
    }
  /** A question in a request; its text is the label. */
  | { readonly kind: 'question'; readonly text: string }
  /** The comment to a sign of good practice. */
  | { readonly kind: 'sign-comment'; readonly sign: string };

/** Every problem code with its parameters. Dates are local ISO dates (`2026-12-15`). */
export interface ProblemParams {
  readonly MEETING_NOT_FOUND: Readonly<Record<string, never>>;
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
  readonly FIELD_NOT_DATE: { readonly field: ProblemField };
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
