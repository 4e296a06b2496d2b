/** Calendar arithmetic on plain `YYYY-MM-DD` dates, independent of any time zone. */

const DAY_MS = 86_400_000;

export interface IsoWeek {
  /** The ISO week-numbering year, which differs from the calendar year around New Year. */
  readonly year: number;
  readonly week: number;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ISO 8601 week, week year and weekday of a date. */
export function isoWeekOf(date: string): IsoWeek {
  const day = toUtc(date);
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  // The Thursday of this week decides the week year.
  const thursday = new Date(day.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstJan = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - firstJan) / DAY_MS / 7) + 1;
  return { year, week, weekday };
}

/** Number of ISO weeks (52 or 53) in an ISO week year. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

/** The date of a weekday in an ISO week; week 53 falls back to week 52 in 52-week years. */
export function dateOfIsoWeek(year: number, week: number, weekday: number): string {
  const clampedWeek = Math.min(week, isoWeeksInYear(year));
  const jan4 = toUtc(`${year}-01-04`);
  const jan4Weekday = jan4.getUTCDay() === 0 ? 7 : jan4.getUTCDay();
  const mondayOfWeek1 = jan4.getTime() - (jan4Weekday - 1) * DAY_MS;
  return fromUtc(new Date(mondayOfWeek1 + ((clampedWeek - 1) * 7 + (weekday - 1)) * DAY_MS));
}

export function addDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

export function isWeekend(date: string): boolean {
  return isoWeekOf(date).weekday >= 6;
}
