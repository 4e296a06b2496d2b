import type { Outbox } from '../../delivery/ports.js';
import type { PeopleRepository } from '../people-repository.js';
import type { Acknowledgements } from '../reminders/acknowledgements.js';
import type { ReadPlanDeps } from '../read-plan.js';
import type { LocalPlanRepository } from '../reports/local-plan-repository.js';
import type { CampaignRepository, ReportRepository } from '../reports/report-repository.js';

/**
 * What «Mine møter» and «Mine oppgaver» read. Only point reads for the person's own things (her
 * units' local plans and reports, her reading receipts), never a scan of every unit: in a large
 * municipality that is 800 units for one person's page.
 */
export interface MyWorkDeps {
  read: ReadPlanDeps;
  /** Whether a reading card is out (posted, not withdrawn). */
  outbox: Pick<Outbox, 'message'>;
  acks: Pick<Acknowledgements, 'when'>;
  localPlans: Pick<LocalPlanRepository, 'get'>;
  reports: Pick<ReportRepository, 'get'>;
  campaigns: Pick<CampaignRepository, 'list'>;
  /** Who coordinates her networks, by name («Mine nettverk»). */
  people: Pick<PeopleRepository, 'list'>;
}
