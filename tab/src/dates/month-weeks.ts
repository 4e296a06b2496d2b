import { addDays, weekday } from './plain-date';
import { isoWeek } from './iso-week';

export interface CalendarWeek {
  readonly isoWeek: number;
  /** Seven dates, Monday to Sunday, some outside the month. */
  readonly days: readonly string[];
}

/** The Monday-first weeks that cover a month (`YYYY-MM`). */
export function monthWeeks(month: string): CalendarWeek[] {
  const first = `${month}-01`;
  const weeks: CalendarWeek[] = [];
  let monday = addDays(first, 1 - weekday(first));
  while (monday.slice(0, 7) <= month) {
    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    weeks.push({ isoWeek: isoWeek(monday), days });
    monday = addDays(monday, 7);
  }
  return weeks;
}
