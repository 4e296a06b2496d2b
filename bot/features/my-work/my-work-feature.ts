import { myWorkRoutes } from '../../http/routes/my-work-routes.js';
import { createTableAcknowledgements } from '../../store/table-acknowledgements.js';
import { createTableReportCampaigns } from '../../store/table-report-campaigns.js';
import { createTableUnitPlans } from '../../store/table-reports.js';
import type { MyWorkDeps } from '../../use-cases/my-work/my-work-deps.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/**
 * «Mine møter», «Mine nettverk» and «Mine oppgaver»: each person's meetings through her roles,
 * units and networks, the networks themselves, and what is hers to do (reading, reports, local-plan actions). It reads what the reminders and
 * reports features write, through its own store clients on the same tables.
 */
export function myWorkFeature(core: Core): Feature<'myWork', MyWorkDeps> {
  const unitPlans = createTableUnitPlans(core.tables);
  const work: MyWorkDeps = {
    read: core.read,
    outbox: core.outbox,
    acks: createTableAcknowledgements(core.tables),
    localPlans: unitPlans.localPlans,
    reports: unitPlans.reports,
    campaigns: createTableReportCampaigns(core.tables),
    people: core.people,
  };
  const { logger, authenticate, access } = core;
  return {
    name: 'myWork',
    api: work,
    routes: (server) => myWorkRoutes(server, { logger, authenticate, access, work }),
  };
}
