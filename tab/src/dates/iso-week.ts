import { addDays, toUtc, weekday } from './plain-date';

/** ISO 8601 week number: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: string): number {
  const thursday = toUtc(addDays(date, 4 - weekday(date)));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}
