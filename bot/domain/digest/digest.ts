/**
 * A weekly digest as plain data: this week's and next week's meetings with their reading
 * assignments, the deadlines in those two weeks, and what is new since the last digest. The
 * renderer words it; the use case decides what goes in.
 */
export interface DigestMeeting {
  readonly eventId: string;
  readonly planKey: string;
  readonly title: string;
  readonly programmeName: string;
  /** Local date `YYYY-MM-DD`. */
  readonly date: string;
  readonly endDate?: string;
  /** `13:00–15:00`, or undefined when the plan sets no time. */
  readonly time?: string;
  readonly location?: string;
  readonly reading?: string;
  /**
   * When the reading assignment is given out (local date): before that it cannot be marked read,
   * so a person's digest offers «Marker som lest» only from then on.
   */
  readonly readingOut?: string;
  /** Which of the two weeks. */
  readonly week: 'this' | 'next';
}

/**
 * One dated thing someone must have done by a day. `kind` names where it comes from; the
 * renderer has a word for each (a new kind needs its word in bot/i18n/digest.ts).
 */
export interface DigestDeadline {
  readonly kind: DeadlineKind;
  /** Local date `YYYY-MM-DD`. */
  readonly date: string;
  /** What is due, e.g. the meeting's title or the action's text. */
  readonly title: string;
  /** Whose it is, when the digest covers more than one: a unit's or a network's name. */
  readonly owner?: string;
}

/** Where a deadline comes from. Milestones of the plan's goals are expected to join as `milestone`. */
export type DeadlineKind = 'agenda-items' | 'report' | 'local-plan-action' | 'milestone';

export interface DigestNews {
  readonly kind: 'agenda-published' | 'broadcast';
  readonly title: string;
  /** When it came (ISO instant). */
  readonly at: string;
}

export interface Digest {
  /** `2026-W49`. */
  readonly week: string;
  /** The day it goes out (local date): readings given out later say from when they can be marked. */
  readonly firstDay: string;
  readonly weekNumber: number;
  readonly nextWeekNumber: number;
  readonly meetings: readonly DigestMeeting[];
  readonly deadlines: readonly DigestDeadline[];
  readonly news: readonly DigestNews[];
}

/** Nothing to say: no digest is sent for such a week. */
export function isEmptyDigest(digest: Digest): boolean {
  return digest.meetings.length === 0 && digest.deadlines.length === 0 && digest.news.length === 0;
}

/** Deadlines by day, then kind, then title: the order the card lists them in. */
export function byDate(a: DigestDeadline, b: DigestDeadline): number {
  return a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title, 'nb');
}
