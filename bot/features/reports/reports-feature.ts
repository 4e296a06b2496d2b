import { localPlanRoutes } from '../../http/routes/local-plan-routes.js';
import { reportFormRoutes } from '../../http/routes/report-form-routes.js';
import { reportRoutes } from '../../http/routes/report-routes.js';
import { reportTexts } from '../../i18n/reports.js';
import { createTableReportCampaigns } from '../../store/table-report-campaigns.js';
import { createTableReportEdits } from '../../store/table-report-edits.js';
import { createTableUnitPlans } from '../../store/table-reports.js';
import { reportRenderer } from '../../teams/reports/report-cards.js';
import { reportActions, reportChoiceAction, reportCommand } from '../../teams/reports/report-handlers.js';
import { campaignCache } from '../../use-cases/reports/campaign-cache.js';
import { sendOpenRequestsTo } from '../../use-cases/reports/campaigns.js';
import { when } from '../../use-cases/reports/report-rules.js';
import type { ReportDeps } from '../../use-cases/reports/report-deps.js';
import { halfYearOpening, reportJobHandlers } from '../../use-cases/reports/report-schedule.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/**
 * Half-year reports and other requests to unit leaders: campaigns opened each half year (or by
 * the kommunalsjef), the report card and `rapport`, reminders and escalation, local plans.
 */
export function reportsFeature(core: Core): Feature<'reports', ReportDeps> {
  const { read, jobs } = core;
  const unitPlans = createTableUnitPlans(core.tables);
  const english = reportRenderer(reportTexts('en'), (iso) => when({ read }, iso, 'en'));
  const reports: ReportDeps = {
    read,
    access: core.access,
    reports: unitPlans.reports,
    localPlans: unitPlans.localPlans,
    campaigns: createTableReportCampaigns(core.tables),
    outbox: core.outbox,
    links: core.links,
    registry: core.registry,
    defaults: core.config.reports,
    // What is posted in a shared channel stays Norwegian; a person's own chat and answers follow her language.
    render: reportRenderer(reportTexts('nb'), (iso) => when({ read }, iso)),
    renderFor: (language) => (language === 'en' ? english : reports.render),
    languages: core.languages,
    jobs,
    teamsUsers: core.teamsUsers,
    edits: createTableReportEdits(core.tables),
    choices: core.notifications,
  };
  reports.cache = campaignCache(reports);
  const { logger, authenticate } = core;
  return {
    name: 'reports',
    api: reports,
    commands: [reportCommand(reports)],
    cardActions: [...reportActions(reports), reportChoiceAction(reports)],
    jobs: reportJobHandlers(reports),
    recurring: [halfYearOpening(reports, jobs)],
    // The requests of campaigns already open for the units she leads.
    onInstall: (aadObjectId) => sendOpenRequestsTo(reports, aadObjectId),
    routes(server) {
      reportRoutes(server, { logger, authenticate, reports, jobs });
      localPlanRoutes(server, { logger, authenticate, reports });
      reportFormRoutes(server, { logger, authenticate, reports });
    },
  };
}
