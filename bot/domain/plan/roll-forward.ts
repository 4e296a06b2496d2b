import { addDays, dateOfIsoWeek, daysBetween, isoWeekOf } from '../calendar/iso-week.js';
import type { SchoolYear } from '../calendar/school-year.js';
import { parseSchoolYear } from '../calendar/school-year.js';
import type { PlanFile } from './plan-schema.js';

/**
 * The title's school year, written as the source writes it («2020–2021», «2020-2021»,
 * «2020/2021», «2020/21»), replaced by the target's, so the header and calendar name match the
 * dates. A title without the source year is kept as it is.
 */
export function rollTitle(title: string, source: SchoolYear, target: SchoolYear): string {
  const from = source.startYear;
  const short = String(from + 1).slice(2);
  const pattern = new RegExp(`\\b${from}(\\s*[–—/-]\\s*)(${from + 1}|${short})\\b`, 'g');
  return title.replace(pattern, (_match, separator: string, end: string) => {
    const next = end.length === 2 ? String(target.startYear + 1).slice(2) : String(target.startYear + 1);
    return `${target.startYear}${separator}${next}`;
  });
}

/**
 * Moves a plan to another school year, keeping every date's ISO week and weekday, so a
 * Thursday meeting in week 37 stays a Thursday meeting in week 37. Ranges keep their length.
 * Week 53 lands on week 52 in years that have no week 53.
 */
export function rollPlanForward(plan: PlanFile, target: SchoolYear): PlanFile {
  const source = parseSchoolYear(plan.schoolYear);
  if (!source) throw new RangeError(`plan has no valid school year: ${plan.schoolYear}`);
  const years = target.startYear - source.startYear;
  if (years === 0) return plan;

  const move = (date: string): string => {
    const week = isoWeekOf(date);
    return dateOfIsoWeek(week.year + years, week.week, week.weekday);
  };
  const moveRange = (from: string, to: string): [string, string] => {
    const moved = move(from);
    return [moved, addDays(moved, daysBetween(from, to))];
  };

  return {
    ...plan,
    title: rollTitle(plan.title, source, target),
    schoolYear: target.label,
    periodTasks: plan.periodTasks.map((task) => {
      const [from, to] = moveRange(task.from, task.to);
      return { ...task, from, to };
    }),
    calendar: plan.calendar.map((event) => {
      if (!event.endDate) return { ...event, date: move(event.date) };
      const [date, endDate] = moveRange(event.date, event.endDate);
      return { ...event, date, endDate };
    }),
  };
}
