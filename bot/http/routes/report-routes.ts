import type { Request, Server } from 'restify';
import { z } from 'zod';
import { MAX_TITLE } from '../../domain/agenda/markdown.js';
import { languageOf } from '../../i18n/index.js';
import type { Logger } from '../../log/logger.js';
import { reportTexts } from '../../i18n/reports.js';
import { halfYearDocx } from '../../documents/half-year-docx.js';
import { halfYearDocumentTexts } from '../../i18n/half-year-document.js';
import { halfYearDocumentData } from '../../use-cases/reports/half-year-document.js';
import { resolveAccess } from '../../use-cases/access.js';
import { MAX_QUESTIONS, openCampaign, unreachedLines } from '../../use-cases/reports/campaigns.js';
import {
  campaignProgress,
  closeCampaign,
  moveDeadline,
  previewCampaign,
  remindNow,
} from '../../use-cases/reports/campaign-admin.js';
import { scheduleCampaignJobs, scheduleCampaignOpening } from '../../use-cases/reports/report-schedule.js';
import type { DueJobs } from '../../use-cases/due-jobs.js';
import { overviewCsv, reportOverview, unitHistory } from '../../use-cases/reports/overview.js';
import { campaignCsv } from '../../use-cases/reports/campaign-csv.js';
import { NotFoundError } from '../../domain/errors.js';
import type { ReportDeps } from '../../use-cases/reports/report-deps.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said } from '../respond.js';
import { cardText, id, isoDate } from '../schemas.js';
import { parseRequest } from '../validate.js';

/** A question's text, shown on the request card above its answer. */
const MAX_QUESTION = 300;

/**
 * A campaign to open: a half year (`2026-H2`) or a request by a short name, with real dates. The
 * title and questions are card text, under the card's markdown rule. Whether the dates make sense
 * together (the order, the years) is the use case's to say.
 */
const campaignBody = z.object({
  id,
  title: cardText(MAX_TITLE).optional(),
  opens: isoDate.optional(),
  deadline: isoDate.optional(),
  questions: z
    .array(
      z.object({ text: cardText(MAX_QUESTION).pipe(z.string().min(1)), required: z.boolean().optional() }),
    )
    .max(MAX_QUESTIONS)
    .optional(),
});
const unitParams = z.object({ campaignId: id, unitId: id });
const campaignParams = z.object({ campaignId: id });
/** Nothing to say: the press itself is the request (a body, if any, must be empty). */
const noBody = z.object({}).strict();
const deadlineBody = z.object({ deadline: isoDate });
/**
 * Without a campaign, every campaign for machines (comma-separated, stored codes, UTC instants,
 * as before); with one, that campaign's file for a person in Excel (see campaignCsv).
 */
const exportQuery = z.object({ format: z.enum(['csv', 'json']).optional(), campaign: id.optional() });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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
  const textFor = (req: Request) => reportTexts(languageOf(req.header('accept-language')));
  const who = async (req: Request) =>
    resolveAccess(
      deps.reports.access,
      await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED')),
    );

  server.post(
    '/api/reports/campaigns',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const text = textFor(req);
      const { body } = parseRequest(req, { body: campaignBody });
      const result = await openCampaign(deps.reports, access, body, text.needAdmin);
      const { campaign, sent, reached, total, scheduledFor } = result;
      if (deps.jobs) {
        if (scheduledFor) await scheduleCampaignOpening(deps.reports, deps.jobs, campaign);
        await scheduleCampaignJobs(deps.reports, deps.jobs, campaign);
      }
      if (scheduledFor) {
        res.json(201, {
          campaign,
          sent,
          reached,
          total,
          unreachable: [],
          scheduledFor,
          message: text.openedLater(scheduledFor),
        });
        return;
      }
      // Who the request did not reach, by unit name and why, in words the kommunalsjef can act on.
      const unreachable = unreachedLines(result.unreached, result.plan, text);
      const message = [
        text.openedSummary(reached, total, unreachable.length),
        ...unreachable.map((u) => `${u.name}: ${u.reason}.`),
      ].join('\n');
      res.json(201, { campaign, sent, reached, total, unreachable, message });
    }),
  );

  // The kommunalsjef running a campaign from the tab (see campaign-admin): admin-only in the use
  // cases; each answer is safe to repeat (a double press sends or changes nothing twice).
  server.post(
    '/api/reports/campaigns/preview',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { body } = parseRequest(req, { body: campaignBody });
      res.json(200, await previewCampaign(deps.reports, access, body, textFor(req)));
    }),
  );

  server.get(
    '/api/reports/campaigns/:campaignId',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params } = parseRequest(req, { params: campaignParams });
      res.json(200, await campaignProgress(deps.reports, access, params.campaignId, textFor(req)));
    }),
  );

  server.post(
    '/api/reports/campaigns/:campaignId/reminders',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params } = parseRequest(req, { params: campaignParams, body: noBody });
      const { reminded, already, unreachable } = await remindNow(deps.reports, access, params.campaignId);
      res.json(200, { reminded, already, unreachable });
    }),
  );

  server.put(
    '/api/reports/campaigns/:campaignId/deadline',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params, body } = parseRequest(req, { params: campaignParams, body: deadlineBody });
      const { campaign, changed } = await moveDeadline(
        deps.reports,
        access,
        params.campaignId,
        body.deadline,
      );
      res.json(200, { deadline: campaign.deadline, changed });
    }),
  );

  server.post(
    '/api/reports/campaigns/:campaignId/close',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params } = parseRequest(req, { params: campaignParams, body: noBody });
      const { campaign, changed } = await closeCampaign(deps.reports, access, params.campaignId);
      res.json(200, { closedAt: campaign.closedAt, closedBy: campaign.closedBy, changed });
    }),
  );

  server.get(
    '/api/reports/overview',
    route(deps.logger, async (req, res) => {
      res.json(200, await reportOverview(deps.reports, await who(req), textFor(req).needOverview));
    }),
  );

  server.get(
    '/api/reports/export',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { query } = parseRequest(req, { query: exportQuery });
      const text = textFor(req);
      const overview = await reportOverview(deps.reports, access, text.needOverview);
      const campaign = query.campaign && overview.campaigns.find((c) => c.id === query.campaign);
      if (query.campaign && !campaign) throw new NotFoundError(text.campaignCsv.unknownCampaign);
      if (query.format === 'json') {
        res.json(200, campaign ? { campaigns: [campaign] } : overview);
        return;
      }
      const csv = campaign
        ? campaignCsv(campaign, text, deps.reports.read.timeZone)
        : overviewCsv(overview, text.csv);
      const filename = campaign ? text.campaignCsv.filename(campaign.id) : 'rapporter.csv';
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'content-length': Buffer.byteLength(csv),
        'cache-control': 'no-store',
      });
      res.end(csv);
    }),
  );

  // The half-year report as a Word document for the political level; the kommunalsjef's alone.
  server.get(
    '/api/reports/:campaignId/docx',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params } = parseRequest(req, { params: campaignParams });
      const text = halfYearDocumentTexts(languageOf(req.header('accept-language')));
      const { summary, today } = await halfYearDocumentData(deps.reports, access, params.campaignId, text);
      const file = await halfYearDocx(summary, text, today);
      res.writeHead(200, {
        'content-type': DOCX,
        // A plain ASCII name for any client, and the Norwegian one (RFC 6266) for those that read it.
        'content-disposition': `attachment; filename="${text.asciiFilename(summary.campaign.id)}"; filename*=UTF-8''${encodeURIComponent(text.filename(summary.campaign.id))}`,
        'content-length': file.length,
        'cache-control': 'no-store',
      });
      res.end(file);
    }),
  );

  server.get(
    '/api/reports/:campaignId/units/:unitId',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params } = parseRequest(req, { params: unitParams });
      res.json(
        200,
        await unitHistory(deps.reports, access, params.campaignId, params.unitId, textFor(req).notLeader),
      );
    }),
  );
}
