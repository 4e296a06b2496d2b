import type { Clock } from '../domain/clock.js';
import { PlanInvalidError } from '../domain/errors.js';
import type { SchoolYear } from '../domain/calendar/school-year.js';
import { rollPlanForward } from '../domain/plan/roll-forward.js';
import type { PlanFile } from '../domain/plan/plan-schema.js';
import { parsePlan } from '../domain/plan/validate-plan.js';
import type { PlanRepository, SavePlanResult } from './plan-repository.js';

export interface ImportPlanDeps {
  plans: PlanRepository;
  clock: Clock;
}

export interface ImportPlanResult extends SavePlanResult {
  readonly plan: PlanFile;
}

/**
 * Validates a whole plan file before anything is written, optionally rolls it forward to another
 * school year, and stores it. A bad file throws PlanInvalidError and storage is untouched.
 */
export async function importPlan(
  deps: ImportPlanDeps,
  source: string,
  options: { schoolYear?: SchoolYear; rolledFrom?: string } = {},
): Promise<ImportPlanResult> {
  const validation = parsePlan(source);
  if (!validation.ok) throw new PlanInvalidError(validation.issues);
  const original = validation.plan;
  const plan = options.schoolYear ? rollPlanForward(original, options.schoolYear) : original;
  // A plan edited after a roll-forward (e.g. its reminder rules) still says where it came from.
  const rolledFrom = plan.schoolYear === original.schoolYear ? options.rolledFrom : original.schoolYear;
  const saved = await deps.plans.save(plan, {
    importedAt: deps.clock.now(),
    ...(rolledFrom ? { rolledFrom } : {}),
  });
  return { ...saved, plan };
}
