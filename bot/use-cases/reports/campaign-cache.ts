import type { PlanFile } from '../../domain/plan/plan-schema.js';
import type { Campaign } from '../../domain/reports/campaign.js';
import type { ReadPlanDeps } from '../read-plan.js';
import type { CampaignRepository } from './report-repository.js';
import { BoundedCache } from '../../platform/bounded-cache.js';

/** How long a campaign and its plan are reused between card actions (campaigns change rarely). */
const FRESH_MS = 10_000;
/** Two campaigns a year are open at most at once; a few more cost a read each. */
const CAMPAIGNS_CACHED = 32;

interface Entry {
  at: number;
  value: Promise<{ campaign: Campaign; plan: PlanFile } | undefined>;
}

/**
 * The two stores the cache reads through. Named here rather than picked from ReportDeps, which
 * itself names CampaignCache: picking from it made the two modules import each other.
 */
export interface CampaignCacheDeps {
  campaigns: Pick<CampaignRepository, 'get'>;
  read: { plans: Pick<ReadPlanDeps['plans'], 'load'> };
}

/**
 * Campaign and plan for a card action, read from storage at most every 10 s per process. Every
 * card action needs both; reading them each time doubled the storage calls of a submit. A
 * campaign changes when it is opened again, its deadline moved or it is closed (this process
 * forgets it then); another instance may act on the old one for up to FRESH_MS, which at worst
 * takes one more report in around the moment of closing.
 */
export function campaignCache(deps: CampaignCacheDeps) {
  // Bounded: a campaign id comes from a card's data, so any id may be asked for.
  const entries = new BoundedCache<string, Entry>(CAMPAIGNS_CACHED);
  return {
    get(id: string): Promise<{ campaign: Campaign; plan: PlanFile } | undefined> {
      const hit = entries.get(id);
      if (hit && performance.now() - hit.at < FRESH_MS) return hit.value;
      const value = (async () => {
        const campaign = await deps.campaigns.get(id);
        const plan = campaign && (await deps.read.plans.load(campaign.planKey))?.plan;
        return campaign && plan ? { campaign, plan } : undefined;
      })();
      entries.set(id, { at: performance.now(), value });
      value.catch(() => entries.delete(id));
      return value;
    },
    forget(id: string): void {
      entries.delete(id);
    },
  };
}

export type CampaignCache = ReturnType<typeof campaignCache>;
