import { notificationRoutes } from '../../http/routes/notification-routes.js';
import { createTableAgenda } from '../../store/table-agenda.js';
import { createTableBroadcasts } from '../../store/table-broadcasts.js';
import { createTableReportCampaigns } from '../../store/table-report-campaigns.js';
import { createTableUnitPlans } from '../../store/table-reports.js';
import { digestRenderer } from '../../teams/digest/digest-renderer.js';
import { notificationAction, notificationCommand } from '../../teams/digest/notification-handlers.js';
import type { DigestDeps } from '../../use-cases/digest/digest-deps.js';
import { weeklyDigest } from '../../use-cases/digest/weekly-digest.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/**
 * The weekly digest (each Monday 07:30 by default: every linked channel, and everyone who chose
 * it in personal chat) and each person's choice of what reaches her: `varsler` in chat and on
 * cards, `GET/PUT /api/me/notifications` for the tab.
 */
export function digestFeature(core: Core): Feature<'digest', DigestDeps> {
  const unitPlans = createTableUnitPlans(core.tables);
  const digest: DigestDeps = {
    read: core.read,
    people: core.people,
    links: core.links,
    registry: core.registry,
    outbox: core.outbox,
    choices: core.notifications,
    campaigns: createTableReportCampaigns(core.tables),
    reports: unitPlans.reports,
    localPlans: unitPlans.localPlans,
    broadcasts: createTableBroadcasts(core.tables),
    agenda: createTableAgenda(core.tables),
    render: digestRenderer(),
    schedule: core.config.digest,
    publicUrl: core.config.publicUrl,
    logger: core.logger.child({ component: 'digest' }),
  };
  return {
    name: 'digest',
    api: digest,
    commands: [notificationCommand(core.notifications)],
    cardActions: [notificationAction(core.notifications)],
    recurring: [weeklyDigest(digest)],
    routes: (server) =>
      notificationRoutes(server, {
        logger: core.logger,
        authenticate: core.authenticate,
        choices: core.notifications,
      }),
  };
}
