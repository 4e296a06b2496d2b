import { zonedInstant } from '../agenda/zoned-time.js';
import { addDays, dateOfIsoWeek, isoWeekOf } from '../calendar/iso-week.js';
import { localDate } from '../calendar/local-date.js';

/** When the weekly digest goes out: a weekday (1 = Monday … 7 = Sunday) and a local time `HH:MM`. */
export interface DigestSchedule {
  readonly weekday: number;
  readonly time: string;
}

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { weekday: 1, time: '07:30' };

/** One week's digest: its ISO week, the local dates it covers, and when it is due. */
export interface DigestWeek {
  /** `2026-W49`: also the key of its due job and of its outbox messages. */
  readonly key: string;
  /** Monday of the week (local date). */
  readonly monday: string;
  /** The day it goes out (local date). */
  readonly sendDay: string;
  /** The instant it goes out, in the plan's time zone (so 06:30Z in winter, 05:30Z in summer). */
  readonly dueAt: Date;
}

/** The digest week whose Monday is `monday`. */
export function digestWeekOf(monday: string, schedule: DigestSchedule, timeZone: string): DigestWeek {
  const { year, week } = isoWeekOf(monday);
  const sendDay = addDays(monday, schedule.weekday - 1);
  return {
    key: `${year}-W${String(week).padStart(2, '0')}`,
    monday,
    sendDay,
    dueAt: zonedInstant(sendDay, schedule.time, timeZone),
  };
}

/** The Monday (local date) of the week a local date is in. */
export function mondayOf(date: string): string {
  const { year, week } = isoWeekOf(date);
  return dateOfIsoWeek(year, week, 1);
}

/**
 * The first digest due strictly after `now`. Wall-clock time in the zone, so a week across a
 * change to or from summer time still goes out at 07:30 local time.
 */
export function nextDigestWeek(now: Date, schedule: DigestSchedule, timeZone: string): DigestWeek {
  const thisWeek = digestWeekOf(mondayOf(localDate(now, timeZone)), schedule, timeZone);
  return thisWeek.dueAt > now ? thisWeek : digestWeekOf(addDays(thisWeek.monday, 7), schedule, timeZone);
}

/** The two weeks a digest shows: this week (from its Monday) and next (to its Sunday). */
export function digestWindow(week: Pick<DigestWeek, 'monday'>): {
  from: string;
  to: string;
  nextMonday: string;
} {
  return { from: week.monday, to: addDays(week.monday, 13), nextMonday: addDays(week.monday, 7) };
}
