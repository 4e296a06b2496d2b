import type { LocalPlanSummary, ReportSummary } from '../../domain/status/unit-summaries.js';

/** Every unit's local-plan summary, and every unit's report summary in each campaign asked for. */
export interface UnitSummaries {
  readonly localPlans: readonly LocalPlanSummary[];
  readonly reports: ReadonlyMap<string, readonly ReportSummary[]>;
}

/** Storage port for the units' summaries the status overview reads, in one read for all units. */
export interface UnitSummaryRepository {
  units(campaignIds: readonly string[]): Promise<UnitSummaries>;
}
