import { addDays } from '../calendar/iso-week.js';
import type { CalendarEvent, Programme } from '../plan/plan-schema.js';

/** The plan's fixed rules: items three weeks before, the agenda one week before. */
export const DEFAULT_ITEMS_DAYS_BEFORE = 21;
export const DEFAULT_PUBLISH_DAYS_BEFORE = 7;

type Rules = Pick<CalendarEvent, 'date' | 'rules'>;
type Defaults = Pick<Programme, 'defaults'> | undefined;

/** Last day (inclusive, local date) an item may be submitted: event rule, else programme, else 21. */
export function itemDeadline(event: Rules, programme: Defaults): string {
  const rule = event.rules.find((r) => r.kind === 'agenda-items-deadline');
  const days = rule?.daysBefore ?? programme?.defaults?.agendaItemsDaysBefore ?? DEFAULT_ITEMS_DAYS_BEFORE;
  return addDays(event.date, -days);
}

/**
 * Whether the plan says the meeting takes agenda items: the event has an `agenda-items-deadline`
 * rule, or its programme sets `agendaItemsDaysBefore`. Fagdager and other gatherings without
 * either get no call for items (the item form itself still works for any meeting).
 */
export function takesAgendaItems(event: Rules, programme: Defaults): boolean {
  return (
    event.rules.some((r) => r.kind === 'agenda-items-deadline') ||
    programme?.defaults?.agendaItemsDaysBefore !== undefined
  );
}

/** The day the agenda goes out: event rule, else programme, else 7 days before. */
export function publishDate(event: Rules, programme: Defaults): string {
  const rule = event.rules.find((r) => r.kind === 'agenda-publish');
  const days =
    rule?.daysBefore ?? programme?.defaults?.agendaPublishDaysBefore ?? DEFAULT_PUBLISH_DAYS_BEFORE;
  return addDays(event.date, -days);
}

export type SubmissionVerdict =
  | { readonly kind: 'on-time' }
  | { readonly kind: 'late-accepted' }
  | { readonly kind: 'late'; readonly deadline: string };

/**
 * Whether an item submitted on `today` (local date) is taken. Late items are refused unless a
 * coordinator (or admin) accepts them; the deadline itself is still on time.
 */
export function judgeSubmission(
  today: string,
  deadline: string,
  coordinatorAccepts: boolean,
): SubmissionVerdict {
  if (today <= deadline) return { kind: 'on-time' };
  return coordinatorAccepts ? { kind: 'late-accepted' } : { kind: 'late', deadline };
}

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

/** `2026-11-02` → `mandag 2. november 2026`, as people write dates in Norwegian: with the weekday. */
export function norwegianDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay()];
  return `${weekday} ${d}. ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
