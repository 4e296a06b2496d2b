import type { AccessDeps } from '../access.js';
import type { InstallationRegistry } from '../installation-registry.js';
import type { LinkRepository } from '../link-repository.js';
import type { ReadPlanDeps } from '../read-plan.js';
import type { LocalPlanRepository } from '../reports/local-plan-repository.js';
import type { CampaignRepository, ReportRepository } from '../reports/report-repository.js';

/**
 * What the units' status reads, each source once per request: the plan, people (through
 * `access`), installations, links, every local plan, campaigns and two campaigns' reports.
 */
export interface StatusDeps {
  read: ReadPlanDeps;
  access: AccessDeps;
  registry: Pick<InstallationRegistry, 'list'>;
  links: Pick<LinkRepository, 'all'>;
  localPlans: Pick<LocalPlanRepository, 'all'>;
  reports: Pick<ReportRepository, 'list'>;
  campaigns: Pick<CampaignRepository, 'list'>;
}
