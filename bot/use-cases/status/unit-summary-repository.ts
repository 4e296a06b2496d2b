import type { LocalPlanSummary, ReportSummary } from '../../domain/status/unit-summaries.js';

/**
 * Storage port for the units' summaries the status overview reads: every unit's local-plan
 * summary, and every unit's report summary in one campaign, each in one partition read.
 */
export interface UnitSummaryRepository {
  localPlans(): Promise<LocalPlanSummary[]>;
  reports(campaignId: string): Promise<ReportSummary[]>;
}
