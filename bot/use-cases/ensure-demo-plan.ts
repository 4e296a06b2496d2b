import type { Clock } from '../domain/clock.js';
import { localDate } from '../domain/calendar/local-date.js';
import { schoolYearOf } from '../domain/calendar/school-year.js';
import type { Logger } from '../log/logger.js';
import { importPlan } from './import-plan.js';
import type { PlanRepository } from './plan-repository.js';

export interface EnsureDemoPlanDeps {
  plans: PlanRepository;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  readDemoPlan: () => Promise<string>;
}

/**
 * On a first start with empty storage, imports the demo plan rolled forward to the current
 * school year, so the calendar and reminders have a future to work on.
 */
export async function ensureDemoPlan(deps: EnsureDemoPlanDeps): Promise<void> {
  if ((await deps.plans.list()).length > 0) return;
  const target = schoolYearOf(localDate(deps.clock.now(), deps.timeZone));
  const result = await importPlan(deps, await deps.readDemoPlan(), { schoolYear: target });
  deps.logger.info('imported the demo plan into empty storage', {
    plan: result.info.key,
    rolledFrom: result.info.rolledFrom,
    events: result.plan.calendar.length,
  });
}
