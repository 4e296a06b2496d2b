import type { AccessDeps } from '../access.js';
import type { InstallationRegistry } from '../installation-registry.js';
import type { LinkRepository } from '../link-repository.js';
import type { ReadPlanDeps } from '../read-plan.js';
import type { CampaignRepository } from '../reports/report-repository.js';
import type { UnitSummaryRepository } from './unit-summary-repository.js';

/**
 * What the units' status reads, each source once per request: the plan, people (through
 * `access`), installations, links, campaigns, and the summaries of every local plan and of two
 * campaigns' reports (an index, one partition read each; no unit's plan or report is read whole).
 */
export interface StatusDeps {
  read: ReadPlanDeps;
  access: AccessDeps;
  registry: Pick<InstallationRegistry, 'list'>;
  links: Pick<LinkRepository, 'all'>;
  summaries: UnitSummaryRepository;
  campaigns: Pick<CampaignRepository, 'list'>;
}
