import { addDays } from '../calendar/iso-week.js';
import { zonedTimeToInstant } from '../calendar/zoned-time.js';
import type { CalendarEvent, PlanFile } from '../plan/plan-schema.js';

export type ReminderKind = 'meeting-reminder' | 'reading-assignment';

/** A reminder the plan calls for: when, and for which event. */
export interface PlannedReminder {
  /** Stable across imports and moves: the outbox uses it as the message id too. */
  readonly id: string;
  readonly kind: ReminderKind;
  readonly planKey: string;
  readonly eventId: string;
  readonly dueAt: Date;
}

export const REMINDER_TIME = '08:00';
export const DEFAULT_READING_LEAD_DAYS = 7;
/** A reminder sent later than this after its time says so on the card. */
export const LATE_AFTER_MS = 3 * 3_600_000;

export function reminderId(kind: ReminderKind, planKey: string, eventId: string): string {
  return `${kind === 'meeting-reminder' ? 'reminder' : 'reading'}:${planKey}:${eventId}`;
}

/**
 * The reminders of a plan: the meeting reminder the day before at 08:00, and, for events with a
 * reading assignment, the assignment N days before at 08:00 (N default 7), in the plan's time
 * zone, so they stay at 08:00 across the clock changes. The programme's defaults and then the
 * event's own `reminders` override the time and N.
 */
export function plannedReminders(planKey: string, plan: PlanFile, timeZone: string): PlannedReminder[] {
  const defaults = new Map(plan.programmes.map((p) => [p.id, p.defaults]));
  const out: PlannedReminder[] = [];
  for (const event of plan.calendar) {
    const programme = defaults.get(event.programme);
    const time = event.reminders?.reminderTime ?? programme?.reminderTime ?? REMINDER_TIME;
    const days = event.reminders?.readingLeadDays ?? programme?.readingLeadDays ?? DEFAULT_READING_LEAD_DAYS;
    out.push({
      id: reminderId('meeting-reminder', planKey, event.id),
      kind: 'meeting-reminder',
      planKey,
      eventId: event.id,
      dueAt: zonedTimeToInstant(addDays(event.date, -1), time, timeZone),
    });
    if (event.reading) {
      out.push({
        id: reminderId('reading-assignment', planKey, event.id),
        kind: 'reading-assignment',
        planKey,
        eventId: event.id,
        dueAt: zonedTimeToInstant(addDays(event.date, -days), time, timeZone),
      });
    }
  }
  return out;
}

/** Whether the meeting is over (its last day has passed) at a local date. */
export function meetingPassed(event: Pick<CalendarEvent, 'date' | 'endDate'>, localToday: string): boolean {
  return (event.endDate ?? event.date) < localToday;
}

/** Plan participant roles as the app's roles: who gets a reminder in their personal chat. */
const ROLE_MATCH: Record<string, readonly string[]> = {
  admin: ['kommunalsjef'],
  koordinator: ['pedstab', 'utviklingsveiledere'],
  enhetsleder: ['enhetsledere', 'rektorer', 'styrere', 'ledergrupper'],
};

export function personConcerned(
  person: { roles: readonly string[]; networks: readonly string[] },
  event: Pick<CalendarEvent, 'programme' | 'alsoFor' | 'participants'>,
): boolean {
  if ([event.programme, ...event.alsoFor].some((p) => person.networks.includes(p))) return true;
  return person.roles.some((role) => (ROLE_MATCH[role] ?? []).some((r) => event.participants.includes(r)));
}
