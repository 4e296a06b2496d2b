import type { Request, Server } from 'restify';
import { z } from 'zod';
import { languageOf } from '../../i18n/index.js';
import { problemText, problemsText } from '../../i18n/problems.js';
import { reportTexts } from '../../i18n/reports.js';
import type { Logger } from '../../log/logger.js';
import { resolveAccess } from '../../use-cases/access.js';
import { myRequestList, readReportForm, saveReportForm } from '../../use-cases/reports/report-form.js';
import type { ReportDeps } from '../../use-cases/reports/report-deps.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said, sendError } from '../respond.js';
import { id } from '../schemas.js';
import { parseRequest } from '../validate.js';

const formParams = z.object({ campaignId: id, unitId: id });
/**
 * Texts bounded for storage only: the domain's limits (2000 characters, 500 in a comment, ten
 * actions) say what is too long in the words the form uses (bot/domain/reports/validate-report.ts).
 */
const loose = z.string().max(20_000).optional();
const short = z.string().max(200).optional();
const version = z.number().int().min(0);
const fewKeys = (max: number) => (record: Record<string, unknown>) => Object.keys(record).length <= max;
const formBody = z.object({
  /** `draft` keeps a draft; `submit` submits (or submits changes). */
  action: z.enum(['draft', 'submit']),
  /** The report version the form showed (0: none yet), and the local plan's. */
  version,
  planVersion: version.optional(),
  kartlegging: loose,
  analyse: loose,
  mal: loose,
  actions: z
    .array(
      z.object({
        id: short,
        text: loose,
        deadline: short,
        status: short,
        responsible: loose,
        serves: short,
      }),
    )
    .max(100)
    .optional(),
  signs: z
    .record(id, z.object({ answer: short, comment: loose }))
    .refine(fewKeys(500))
    .optional(),
  tidsressurser: loose,
  fritekst: loose,
  answers: z.record(id, z.string().max(20_000)).refine(fewKeys(100)).optional(),
});

export interface ReportFormRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  reports: ReportDeps;
}

/**
 * The report form in the tab: a leader's open requests, one unit's form, and its save (a draft or
 * a submit) through the same use case as the card's. A stale save is 409 naming who saved when;
 * invalid input is 400 naming each field, in the person's language.
 */
export function reportFormRoutes(server: Server, deps: ReportFormRouteDeps): void {
  const language = (req: Request) => languageOf(req.header('accept-language'));
  const who = async (req: Request) =>
    resolveAccess(
      deps.reports.access,
      await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED')),
    );

  server.get(
    '/api/reports/mine',
    route(deps.logger, async (req, res) => {
      res.json(200, { requests: await myRequestList(deps.reports, await who(req)) });
    }),
  );

  server.get(
    '/api/reports/:campaignId/units/:unitId/form',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params } = parseRequest(req, { params: formParams });
      const text = reportTexts(language(req));
      res.json(200, await readReportForm(deps.reports, access, params.campaignId, params.unitId, text));
    }),
  );

  server.put(
    '/api/reports/:campaignId/units/:unitId/form',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params, body } = parseRequest(req, { params: formParams, body: formBody });
      const text = reportTexts(language(req));
      const { action, version: seen, planVersion, ...content } = body;
      const saved = await saveReportForm(
        deps.reports,
        access,
        params.campaignId,
        params.unitId,
        { final: action === 'submit', version: seen, planVersion, body: content },
        text,
      );
      if (saved.kind === 'saved') {
        res.json(200, saved.form);
        return;
      }
      // Every problem named with its field, so the form can put each message under its field.
      const problems = saved.problems.map((p) => p.problem);
      sendError(res, 400, {
        error: {
          code: 'BAD_REQUEST',
          message: text.invalid(problemsText(problems, text.language)),
          details: saved.problems.map((p) => ({
            ...p.problem,
            field: p.field,
            message: problemText(p.problem, text.language),
          })),
        },
      });
    }),
  );
}
