import { itemDeadline, takesAgendaItems } from '../agenda/deadlines.js';
import { addDays } from '../calendar/iso-week.js';
import { zonedTimeToInstant } from '../calendar/zoned-time.js';
import { milestoneDay } from '../plan/milestone-entries.js';
import type { CalendarEvent, Milestone, PlanFile, Programme } from '../plan/plan-schema.js';

export type ReminderKind = 'meeting-reminder' | 'reading-assignment' | 'agenda-call' | 'milestone-reminder';

/** A reminder the plan calls for: when, and for which event. */
export interface PlannedReminder {
  /** Stable across imports and moves: the outbox uses it as the message id too. */
  readonly id: string;
  readonly kind: ReminderKind;
  readonly planKey: string;
  readonly eventId: string;
  readonly dueAt: Date;
  /**
   * The last local date (`YYYY-MM-DD`) on which it is still worth sending: the meeting's last day,
   * or for a call for agenda items, the item deadline. Later it is dropped, not sent.
   */
  readonly lastDay: string;
}

export const REMINDER_TIME = '08:00';
export const DEFAULT_READING_LEAD_DAYS = 7;
/** The call for agenda items goes out this many days before the item deadline. */
export const DEFAULT_AGENDA_CALL_LEAD_DAYS = 7;
/** A reminder sent later than this after its time says so on the card. */
export const LATE_AFTER_MS = 3 * 3_600_000;

/** The id prefix of each kind; a job's and its outbox message's id is `<prefix>:<planKey>:<eventId>`. */
export const REMINDER_ID_PREFIX: Readonly<Record<ReminderKind, string>> = {
  'meeting-reminder': 'reminder',
  'reading-assignment': 'reading',
  'agenda-call': 'agenda-call',
  'milestone-reminder': 'milestone',
};

export function reminderId(kind: ReminderKind, planKey: string, eventId: string): string {
  return `${REMINDER_ID_PREFIX[kind]}:${planKey}:${eventId}`;
}

/**
 * Days before the item deadline the meeting's call for agenda items goes out, or `undefined` when
 * it gets none: the meeting takes no items, or the event (else its programme) says `false`.
 */
export function agendaCallLeadDays(
  event: Pick<CalendarEvent, 'date' | 'rules' | 'reminders'>,
  programme: Pick<Programme, 'defaults'> | undefined,
): number | undefined {
  if (!takesAgendaItems(event, programme)) return undefined;
  const days =
    event.reminders?.agendaCallLeadDays ??
    programme?.defaults?.agendaCallLeadDays ??
    DEFAULT_AGENDA_CALL_LEAD_DAYS;
  return days === false ? undefined : days;
}

/**
 * The reminders of a plan: the meeting reminder the day before at 08:00; for events with a
 * reading assignment, the assignment N days before at 08:00 (N default 7); and for meetings that
 * take agenda items, the call for items M days before the item deadline at 08:00 (M default 7),
 * in the plan's time zone, so they stay at 08:00 across the clock changes. The programme's
 * defaults and then the event's own `reminders` override the time, N and M.
 */
export function plannedReminders(planKey: string, plan: PlanFile, timeZone: string): PlannedReminder[] {
  const programmes = new Map(plan.programmes.map((p) => [p.id, p]));
  const out: PlannedReminder[] = [];
  for (const event of plan.calendar) {
    const programme = programmes.get(event.programme);
    const defaults = programme?.defaults;
    const time = event.reminders?.reminderTime ?? defaults?.reminderTime ?? REMINDER_TIME;
    const days = event.reminders?.readingLeadDays ?? defaults?.readingLeadDays ?? DEFAULT_READING_LEAD_DAYS;
    const at = (kind: ReminderKind, date: string, lastDay: string): PlannedReminder => ({
      id: reminderId(kind, planKey, event.id),
      kind,
      planKey,
      eventId: event.id,
      dueAt: zonedTimeToInstant(date, time, timeZone),
      lastDay,
    });
    const meetingEnds = event.endDate ?? event.date;
    out.push(at('meeting-reminder', addDays(event.date, -1), meetingEnds));
    if (event.reading) out.push(at('reading-assignment', addDays(event.date, -days), meetingEnds));
    const callDays = agendaCallLeadDays(event, programme);
    if (callDays !== undefined) {
      const deadline = itemDeadline(event, programme);
      out.push(at('agenda-call', addDays(deadline, -callDays), deadline));
    }
  }
  for (const milestone of plan.milestones ?? []) {
    const reminder = plannedMilestoneReminder(planKey, milestone, timeZone);
    if (reminder) out.push(reminder);
  }
  return out;
}

/**
 * A milestone's reminder by its own rule: `daysBefore` its date (for a month, its first day) at
 * its time (default 08:00), worth sending until the date, or the month's last day. None without
 * a rule or a date.
 */
export function plannedMilestoneReminder(
  planKey: string,
  milestone: Milestone,
  timeZone: string,
): PlannedReminder | undefined {
  const day = milestoneDay(milestone);
  if (!milestone.reminder || !day) return undefined;
  return {
    id: reminderId('milestone-reminder', planKey, milestone.id),
    kind: 'milestone-reminder',
    planKey,
    eventId: milestone.id,
    dueAt: zonedTimeToInstant(
      addDays(day, -milestone.reminder.daysBefore),
      milestone.reminder.time ?? REMINDER_TIME,
      timeZone,
    ),
    lastDay: milestoneLastDay(milestone) ?? day,
  };
}

/** The last day a milestone is still ahead: its date, or the last day of its month. */
export function milestoneLastDay(milestone: Pick<Milestone, 'date' | 'month'>): string | undefined {
  if (milestone.date) return milestone.date;
  if (!milestone.month) return undefined;
  const [year, month] = milestone.month.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** When a meeting's call for agenda items closes: its «Meld inn sak» is taken off posted cards. */
export interface PlannedCallClosing {
  readonly id: string;
  readonly planKey: string;
  readonly eventId: string;
  /** The start of the day after the item deadline, in the plan's time zone. */
  readonly dueAt: Date;
  /** The meeting's last day: until then a closing is still worth running. */
  readonly lastDay: string;
}

export const CALL_CLOSING_PREFIX = 'agenda-call-close';

export function callClosingId(planKey: string, eventId: string): string {
  return `${CALL_CLOSING_PREFIX}:${planKey}:${eventId}`;
}

/**
 * For every meeting that gets a call for agenda items, the moment the call closes: midnight after
 * the item deadline (the deadline day itself still takes items), local time.
 */
export function plannedCallClosings(planKey: string, plan: PlanFile, timeZone: string): PlannedCallClosing[] {
  const programmes = new Map(plan.programmes.map((p) => [p.id, p]));
  return plan.calendar.flatMap((event) => {
    const programme = programmes.get(event.programme);
    if (agendaCallLeadDays(event, programme) === undefined) return [];
    const deadline = itemDeadline(event, programme);
    return [
      {
        id: callClosingId(planKey, event.id),
        planKey,
        eventId: event.id,
        dueAt: zonedTimeToInstant(addDays(deadline, 1), '00:00', timeZone),
        lastDay: event.endDate ?? event.date,
      },
    ];
  });
}

/** Whether a reminder is past its last useful day at a local date (then it is dropped). */
export function reminderExpired(reminder: Pick<PlannedReminder, 'lastDay'>, localToday: string): boolean {
  return reminder.lastDay < localToday;
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

/** The plan's participant roles a person's app roles stand for (an admin is the kommunalsjef …). */
export function planRolesOf(roles: Iterable<string>): string[] {
  return [...roles].flatMap((role) => ROLE_MATCH[role] ?? []);
}

/** Whether a person holds one of the roles responsible for a milestone (its `participants`). */
export function personResponsible(
  person: { roles: readonly string[] },
  event: Pick<CalendarEvent, 'participants'>,
): boolean {
  return person.roles.some((role) => (ROLE_MATCH[role] ?? []).some((r) => event.participants.includes(r)));
}

export function personConcerned(
  person: { roles: readonly string[]; networks: readonly string[] },
  event: Pick<CalendarEvent, 'programme' | 'alsoFor' | 'participants'>,
): boolean {
  if ([event.programme, ...event.alsoFor].some((p) => person.networks.includes(p))) return true;
  return planRolesOf(person.roles).some((r) => event.participants.includes(r));
}
