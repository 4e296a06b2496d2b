import { statusRoutes } from '../../http/routes/status-routes.js';
import { createTableReportCampaigns } from '../../store/table-report-campaigns.js';
import { createTableUnitPlans } from '../../store/table-reports.js';
import type { StatusDeps } from '../../use-cases/status/status-deps.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/**
 * Every unit's status at a glance for the kommunalsjef, coordinators and leaders (local plan,
 * actions, the current campaign, signs, reachability), and the sign matrix's answers. It reads
 * what the reports feature writes, through its own store clients on the same tables.
 */
export function statusFeature(core: Core): Feature<'status', StatusDeps> {
  const unitPlans = createTableUnitPlans(core.tables);
  const status: StatusDeps = {
    read: core.read,
    access: core.access,
    registry: core.registry,
    links: core.links,
    summaries: unitPlans.summaries,
    campaigns: createTableReportCampaigns(core.tables),
  };
  const { logger, authenticate } = core;
  return {
    name: 'status',
    api: status,
    routes: (server) => statusRoutes(server, { logger, authenticate, status }),
  };
}
