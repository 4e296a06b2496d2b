import type { Request, Server } from 'restify';
import { languageOf } from '../../i18n/index.js';
import { adminTexts } from '../../i18n/admin.js';
import type { Logger } from '../../log/logger.js';
import { resolveAccess } from '../../use-cases/access.js';
import { goalProgress } from '../../use-cases/status/goal-progress.js';
import { signMatrix } from '../../use-cases/status/sign-matrix.js';
import type { StatusDeps } from '../../use-cases/status/status-deps.js';
import { unitStatusOverview } from '../../use-cases/status/unit-status-overview.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route } from '../respond.js';

export interface StatusRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  status: StatusDeps;
}

/**
 * Every unit's status at a glance (`GET /api/status`: the kommunalsjef, coordinators for their
 * networks' units, leaders for their own) and the sign matrix's answers by half-year period
 * (`GET /api/status/signs?period=2026-H2`: everyone signed in).
 */
export function statusRoutes(server: Server, deps: StatusRouteDeps): void {
  const who = async (req: Request) =>
    resolveAccess(
      deps.status.access,
      await requirePrincipal(
        deps.authenticate,
        req,
        adminTexts(languageOf(req.header('accept-language'))).signIn,
      ),
    );

  server.get(
    '/api/status',
    route(deps.logger, async (req, res) => {
      res.json(200, await unitStatusOverview(deps.status, await who(req)));
    }),
  );

  // Per goal of the plan, the units' actions serving it (the «Mål» view), for those who see status.
  server.get(
    '/api/status/goals',
    route(deps.logger, async (req, res) => {
      res.json(200, await goalProgress(deps.status, await who(req)));
    }),
  );

  server.get(
    '/api/status/signs',
    route(deps.logger, async (req, res) => {
      await who(req);
      const period = typeof req.query?.period === 'string' && req.query.period ? req.query.period : undefined;
      res.json(200, await signMatrix(deps.status, period));
    }),
  );
}
