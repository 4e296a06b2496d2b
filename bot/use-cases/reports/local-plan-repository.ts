import type { LocalPlan } from '../../domain/reports/local-plan.js';

/**
 * Storage port for units' local plans: one current plan per unit, every version kept. `save`
 * writes version `plan.version` only if the stored one is `plan.version - 1` (compared by ETag);
 * otherwise it throws ConflictError and writes nothing.
 */
export interface LocalPlanRepository {
  get(unitId: string): Promise<LocalPlan | undefined>;
  /** `previous`: the plan as `get` returned it, so the store need not read it again. */
  save(plan: LocalPlan, previous?: LocalPlan): Promise<void>;
  /** Every version, oldest first. */
  history(unitId: string): Promise<LocalPlan[]>;
  /** The current plan of every unit that has one, in one query (an overview of all units). */
  all(): Promise<LocalPlan[]>;
}

/** A new version of the unit's local plan, written together with a report (both or neither). */
export interface LocalPlanChange {
  readonly next: LocalPlan;
  readonly previous: LocalPlan | undefined;
}
