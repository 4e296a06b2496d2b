import { addDays, dateOfIsoWeek, daysBetween, isoWeekOf } from '../calendar/iso-week.js';
import type { SchoolYear } from '../calendar/school-year.js';
import { parseSchoolYear } from '../calendar/school-year.js';
import type { CalendarEvent, Milestone, PlanFile } from './plan-schema.js';

/**
 * The source school year in a text, written as the text writes it («2020–2021», «2020-2021»,
 * «2020/2021», «2020/21»), replaced by the target's, so the plan's title (the tab header, the
 * calendar name) and its events' texts match the dates. Other years (a project's «2018–2022»)
 * are kept as they are.
 */
export function rollSchoolYearIn(title: string, source: SchoolYear, target: SchoolYear): string {
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
 * Week 53 lands on week 52 in years that have no week 53. A milestone dated only by its month
 * stays in that month («november 2020» becomes «november 2026»): it has no weekday to keep.
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
    title: rollSchoolYearIn(plan.title, source, target),
    schoolYear: target.label,
    periodTasks: plan.periodTasks.map((task) => {
      const [from, to] = moveRange(task.from, task.to);
      return { ...task, from, to, text: rollSchoolYearIn(task.text, source, target) };
    }),
    calendar: plan.calendar.map((original) => {
      const event = rollTexts(original, (text) => rollSchoolYearIn(text, source, target));
      if (!event.endDate) return { ...event, date: move(event.date) };
      const [date, endDate] = moveRange(event.date, event.endDate);
      return { ...event, date, endDate };
    }),
    // «Utviklingsplan Utdanning/Oppvekst 2020–2021» as the goals' source follows the plan's title.
    goals: (plan.goals ?? []).map((goal) => ({
      ...goal,
      source: rollSchoolYearIn(goal.source, source, target),
    })),
    milestones: (plan.milestones ?? []).map((milestone) =>
      rollMilestone(milestone, years, move, (text) => rollSchoolYearIn(text, source, target)),
    ),
  };
}

/** A milestone moved `years` on: a day as the calendar's days move, a month to the same month. */
function rollMilestone(
  milestone: Milestone,
  years: number,
  move: (date: string) => string,
  roll: (text: string) => string,
): Milestone {
  return {
    ...milestone,
    title: roll(milestone.title),
    ...(milestone.description ? { description: roll(milestone.description) } : {}),
    ...(milestone.date ? { date: move(milestone.date) } : {}),
    ...(milestone.month ? { month: moveMonth(milestone.month, years) } : {}),
  };
}

/** `2020-11` moved 6 years on is `2026-11`. */
export function moveMonth(month: string, years: number): string {
  return `${String(Number(month.slice(0, 4)) + years).padStart(4, '0')}${month.slice(4)}`;
}

/** The event with its school year rolled in the texts people read: title, description, reading. */
function rollTexts(event: CalendarEvent, roll: (text: string) => string): CalendarEvent {
  return {
    ...event,
    title: roll(event.title),
    ...(event.description ? { description: roll(event.description) } : {}),
    ...(event.reading ? { reading: roll(event.reading) } : {}),
  };
}
