import type { Campaign } from '../../domain/reports/campaign.js';
import type { Report } from '../../domain/reports/report.js';
import type { LocalPlan } from '../../domain/reports/local-plan.js';
import type { LocalPlanChange } from './local-plan-repository.js';

/**
 * Storage port for reports: one current report per campaign and unit, and every version kept.
 * `save` writes version `report.version` only if the stored one is `report.version - 1`;
 * otherwise it throws ConflictError and writes nothing.
 */
export interface ReportRepository {
  get(campaignId: string, unitId: string): Promise<Report | undefined>;
  /**
   * The report and the unit's local plan, as `get` of both would return them (either can be
   * saved on), read in one storage call where the store keeps them together. Like two reads,
   * not a snapshot: a save between them may show in one and not the other.
   */
  getWithPlan(
    campaignId: string,
    unitId: string,
  ): Promise<{ report: Report | undefined; localPlan: LocalPlan | undefined }>;
  /**
   * `previous`: the report as `get` returned it, so the store need not read it again. With
   * `plan`, the unit's local plan is written in the same transaction: both or neither (a stale
   * plan version is a ConflictError too).
   */
  save(report: Report, previous?: Report, plan?: LocalPlanChange): Promise<void>;
  list(campaignId: string): Promise<Report[]>;
  /** Every version of a unit's report, oldest first. */
  history(campaignId: string, unitId: string): Promise<Report[]>;
}

/** Storage port for campaigns. */
export interface CampaignRepository {
  get(id: string): Promise<Campaign | undefined>;
  save(campaign: Campaign): Promise<void>;
  list(): Promise<Campaign[]>;
}
