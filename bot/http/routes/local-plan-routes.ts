import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { languageOf } from '../../i18n/index.js';
import { reportTexts } from '../../i18n/reports.js';
import { resolveAccess } from '../../use-cases/access.js';
import { localPlanHistory, readLocalPlan, saveLocalPlan } from '../../use-cases/reports/local-plans.js';
import type { ReportDeps } from '../../use-cases/reports/report-deps.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said } from '../respond.js';
import { id } from '../schemas.js';
import { parseRequest } from '../validate.js';

const unitParams = z.object({ unitId: id });
/**
 * A local plan's fields, bounded for storage only: the domain's limits (2000 characters, ten
 * actions) say what is too long in words the form uses (bot/domain/reports/local-plan.ts).
 */
const loose = z.string().max(20_000).optional();
const planBody = z.looseObject({
  kartlegging: loose,
  analyse: loose,
  mal: loose,
  tidsressurser: loose,
  fritekst: loose,
  actions: z.array(z.unknown()).max(100).optional(),
  version: z.unknown().optional(),
});

export interface LocalPlanRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  reports: Pick<ReportDeps, 'read' | 'access' | 'localPlans'>;
}

/** `"3"`, `W/"3"` or `3` → 3; anything else undefined. */
function versionFromIfMatch(header: string | undefined): number | undefined {
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * A unit's local plan for the tab: its leaders, admins and coordinators read it; its leaders and
 * admins save a new version with the version they saw (`If-Match` or `version`), else 409.
 */
export function localPlanRoutes(server: Server, deps: LocalPlanRouteDeps): void {
  // Refusals in the language the tab asks in (the person's).
  const text = (req: Request) => reportTexts(languageOf(req.header('accept-language')));
  const who = async (req: Request) =>
    resolveAccess(
      deps.reports.access,
      await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED')),
    );
  const unitId = (req: Request) => parseRequest(req, { params: unitParams }).params.unitId;

  server.get(
    '/api/units/:unitId/local-plan',
    route(deps.logger, async (req, res) => {
      const view = await readLocalPlan(deps.reports, await who(req), unitId(req), text(req));
      res.header('etag', `"${view.plan.version}"`);
      res.json(200, view);
    }),
  );

  server.put(
    '/api/units/:unitId/local-plan',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { body } = parseRequest(req, { body: planBody });
      const header = req.header('if-match');
      const version = header
        ? versionFromIfMatch(header)
        : typeof body.version === 'number'
          ? body.version
          : undefined;
      const plan = await saveLocalPlan(deps.reports, access, unitId(req), body, version, text(req));
      res.header('etag', `"${plan.version}"`);
      res.json(200, { plan, mayEdit: true });
    }),
  );

  server.get(
    '/api/units/:unitId/local-plan/history',
    route(deps.logger, async (req, res) => {
      res.json(200, {
        history: await localPlanHistory(deps.reports, await who(req), unitId(req), text(req)),
      });
    }),
  );
}
