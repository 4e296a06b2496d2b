import type { Clock } from '../domain/clock.js';
import { isoWeekOf } from '../domain/calendar/iso-week.js';
import { localDate } from '../domain/calendar/local-date.js';
import { schoolYearOf } from '../domain/calendar/school-year.js';
import { calendarEntries } from '../domain/plan/milestone-entries.js';
import type { CalendarEvent, PlanFile } from '../domain/plan/plan-schema.js';
import type { PlanRepository, StoredPlanInfo } from './plan-repository.js';

export interface ReadPlanDeps {
  plans: PlanRepository;
  clock: Clock;
  timeZone: string;
}

/**
 * A calendar event as the API and cards show it. A milestone (not a meeting) has
 * `kind: 'milestone'`, its `responsible` roles, and `month` when only its month is known.
 */
export interface EventView extends CalendarEvent {
  readonly kind?: 'milestone';
  readonly month?: string;
  readonly responsible?: readonly string[];
  readonly planKey: string;
  readonly programmeName: string;
  readonly isoWeek: number;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

/**
 * Events of every stored plan that overlap `[from, to]` (inclusive dates), in date order.
 * Either bound may be left open.
 */
export async function listEvents(
  deps: ReadPlanDeps,
  range: { from?: string; to?: string },
): Promise<EventView[]> {
  const views: EventView[] = [];
  for (const info of await deps.plans.list()) {
    const stored = await deps.plans.load(info.key);
    if (!stored) continue;
    const names = new Map(stored.plan.programmes.map((p) => [p.id, p.name]));
    for (const event of calendarEntries(stored.plan)) {
      const end = event.endDate ?? event.date;
      if (range.from && end < range.from) continue;
      if (range.to && event.date > range.to) continue;
      const week = isoWeekOf(event.date);
      views.push({
        ...event,
        planKey: info.key,
        programmeName: names.get(event.programme) ?? event.programme,
        isoWeek: week.week,
        weekday: week.weekday,
      });
    }
  }
  return views.sort((a, b) => a.date.localeCompare(b.date) || firstStart(a).localeCompare(firstStart(b)));
}

function firstStart(event: CalendarEvent): string {
  return event.slots[0]?.start ?? '';
}

/**
 * The plan people work with now: the one for the current school year, else the one imported
 * last. Undefined only while storage holds no plan.
 */
export async function currentPlan(
  deps: ReadPlanDeps,
): Promise<{ info: StoredPlanInfo; plan: PlanFile } | undefined> {
  const plans = await deps.plans.list();
  const year = schoolYearOf(localDate(deps.clock.now(), deps.timeZone)).label;
  const chosen =
    plans.find((p) => p.schoolYear === year) ??
    [...plans].sort((a, b) => b.importedAt.localeCompare(a.importedAt))[0];
  return chosen ? deps.plans.load(chosen.key) : undefined;
}
