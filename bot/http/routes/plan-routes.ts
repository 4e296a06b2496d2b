import type { Request, Server } from 'restify';
import { BadRequestError, NotFoundError } from '../../domain/errors.js';
import { eventForParticipants, planForParticipants } from '../../domain/plan/participant-view.js';
import { isIsoDate } from '../../domain/calendar/iso-date.js';
import type { Logger } from '../../log/logger.js';
import { resolveAccess, type AccessDeps } from '../../use-cases/access.js';
import { currentPlan, listEvents, type ReadPlanDeps } from '../../use-cases/read-plan.js';
import type { Authenticator } from '../auth/authenticator.js';
import { route, textFor } from '../respond.js';

export interface PlanRouteDeps extends ReadPlanDeps {
  logger: Logger;
  authenticate: Authenticator;
  access: AccessDeps;
}

/**
 * Read-only plan API for the tab: events, units, the plan itself. The notes on how events were
 * transcribed from the source go to administrators only.
 */
export function planRoutes(server: Server, deps: PlanRouteDeps): void {
  const isAdmin = async (req: Request) => {
    const principal = await deps.authenticate(req);
    return principal !== undefined && (await resolveAccess(deps.access, principal)).roles.has('admin');
  };
  server.get(
    '/api/events',
    route(deps.logger, async (req, res) => {
      const from = dateParam(req, 'from');
      const to = dateParam(req, 'to');
      if (from && to && from > to) throw new BadRequestError(textFor(req).errors.badRange);
      const events = await listEvents(deps, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
      res.json(200, { events: (await isAdmin(req)) ? events : events.map(eventForParticipants) });
    }),
  );

  server.get(
    '/api/units',
    route(deps.logger, async (req, res) => {
      const stored = await requirePlan(deps, req);
      res.json(200, { planKey: stored.info.key, units: stored.plan.units });
    }),
  );

  server.get(
    '/api/plan',
    route(deps.logger, async (req, res) => {
      const stored = await requirePlan(deps, req);
      const { info, plan } = stored;
      res.json(200, {
        key: info.key,
        revision: info.revision,
        importedAt: info.importedAt,
        rolledFrom: info.rolledFrom ?? null,
        plan: (await isAdmin(req)) ? plan : planForParticipants(plan),
      });
    }),
  );
}

async function requirePlan(deps: ReadPlanDeps, req: Request) {
  const stored = await currentPlan(deps);
  if (!stored) throw new NotFoundError(textFor(req).errors.notFound);
  return stored;
}

function dateParam(req: Request, name: 'from' | 'to'): string | undefined {
  const value: unknown = (req.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined || value === '') return undefined;
  // A real calendar date: `2026-02-30` passes Date.parse (it rolls over to March), not this.
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new BadRequestError(textFor(req).errors.badDate(name, String(value).slice(0, 40)));
  }
  return value;
}
