import type { Request, Server } from 'restify';
import type { Logger } from '../../log/logger.js';
import { reportTexts } from '../../i18n/reports.js';
import { resolveAccess } from '../../use-cases/access.js';
import { openCampaign, unreachedLines } from '../../use-cases/reports/campaigns.js';
import { scheduleCampaignJobs } from '../../use-cases/reports/report-schedule.js';
import type { DueJobs } from '../../use-cases/due-jobs.js';
import { overviewCsv, reportOverview, unitHistory } from '../../use-cases/reports/overview.js';
import type { ReportDeps } from '../../use-cases/reports/report-deps.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route } from '../respond.js';

export interface ReportRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  reports: ReportDeps;
  /** Where the campaign's reminder and escalation jobs go. */
  jobs?: DueJobs;
}

/**
 * Report campaigns and the overview for the tab. Admins open campaigns; admins and coordinators
 * see every unit, a unit's leaders their own. Checked on every call.
 */
export function reportRoutes(server: Server, deps: ReportRouteDeps): void {
  const text = reportTexts('nb');
  const who = async (req: Request) =>
    resolveAccess(
      deps.reports.access,
      await requirePrincipal(deps.authenticate, req, 'Du må være logget inn.'),
    );

  server.post(
    '/api/reports/campaigns',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const result = await openCampaign(deps.reports, access, body, text.needAdmin);
      const { campaign, sent, reached, total } = result;
      if (deps.jobs) await scheduleCampaignJobs(deps.reports, deps.jobs, campaign);
      // Who the request did not reach, by unit name and why, in words the kommunalsjef can act on.
      const unreachable = unreachedLines(result.unreached, result.plan, text);
      const message = [
        text.openedSummary(reached, total, unreachable.length),
        ...unreachable.map((u) => `${u.name}: ${u.reason}.`),
      ].join('\n');
      res.json(201, { campaign, sent, reached, total, unreachable, message });
    }),
  );

  server.get(
    '/api/reports/overview',
    route(deps.logger, async (req, res) => {
      res.json(200, await reportOverview(deps.reports, await who(req), text.needOverview));
    }),
  );

  server.get(
    '/api/reports/export',
    route(deps.logger, async (req, res) => {
      const overview = await reportOverview(deps.reports, await who(req), text.needOverview);
      if (req.query?.format === 'json') {
        res.json(200, overview);
        return;
      }
      const csv = overviewCsv(overview);
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="rapporter.csv"',
        'content-length': Buffer.byteLength(csv),
      });
      res.end(csv);
    }),
  );

  server.get(
    '/api/reports/:campaignId/units/:unitId',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      res.json(
        200,
        await unitHistory(
          deps.reports,
          access,
          String(req.params.campaignId),
          String(req.params.unitId),
          text.notLeader,
        ),
      );
    }),
  );
}
