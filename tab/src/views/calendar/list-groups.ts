import type { EventView } from '../../api/types';

export interface WeekGroup {
  readonly key: string;
  readonly week: number;
  readonly events: EventView[];
}

export interface YearGroup {
  readonly year: string;
  readonly weeks: WeekGroup[];
}

/**
 * Events (in date order) by calendar year of their date, then by ISO week. Week 53 of 2026 that
 * ends on 3 January 2027 keeps each event under the year of its own date.
 */
export function groupByYearAndWeek(events: readonly EventView[]): YearGroup[] {
  const years: { year: string; weeks: WeekGroup[] }[] = [];
  for (const event of events) {
    const year = event.date.slice(0, 4);
    let group = years[years.length - 1];
    if (group?.year !== year) {
      group = { year, weeks: [] };
      years.push(group);
    }
    const key = `${year}-${event.isoWeek}`;
    const week = group.weeks[group.weeks.length - 1];
    if (week?.key === key) week.events.push(event);
    else group.weeks.push({ key, week: event.isoWeek, events: [event] });
  }
  return years;
}

/**
 * Whether a list needs its years named: when its events (the earlier ones too, shown or not) fall
 * in more than one year, or in a year other than today's. A list filtered to one network says
 * its years as the full list does.
 */
export function needsYearHeadings(events: readonly EventView[], today: string): boolean {
  const years = new Set(events.map((e) => e.date.slice(0, 4)));
  return years.size > 1 || (years.size === 1 && !years.has(today.slice(0, 4)));
}
