import type { PlanFile } from '../domain/plan/plan-schema.js';

/** What is known about a stored plan without loading it. */
export interface StoredPlanInfo {
  /** `<plan id>.<school year>`, e.g. `vestvagoy.2026-2027`. */
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly schoolYear: string;
  /** The school year of the file it was rolled forward from, if it was. */
  readonly rolledFrom: string | undefined;
  /** Content hash: equal revisions hold equal plans. */
  readonly revision: string;
  readonly importedAt: string;
  readonly etag: string;
}

export interface SavePlanResult {
  readonly changed: boolean;
  readonly info: StoredPlanInfo;
}

/** Storage port for plans. A save is all or nothing: readers see the old plan or the new one. */
export interface PlanRepository {
  list(): Promise<StoredPlanInfo[]>;
  load(key: string): Promise<{ info: StoredPlanInfo; plan: PlanFile } | undefined>;
  /**
   * Stores a plan. With `expectedEtag` the save fails with a ConflictError if the stored
   * pointer changed since it was read; without it, it fails if another save wins the race.
   */
  save(plan: PlanFile, meta: { rolledFrom?: string; importedAt: Date }): Promise<SavePlanResult>;
}

export function planKey(plan: Pick<PlanFile, 'id' | 'schoolYear'>): string {
  return `${plan.id}.${plan.schoolYear}`;
}
