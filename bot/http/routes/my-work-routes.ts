import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { resolveAccess, type AccessDeps } from '../../use-cases/access.js';
import { myMeetings } from '../../use-cases/my-work/my-meetings.js';
import { myNetworks } from '../../use-cases/my-work/my-networks.js';
import { myTasks } from '../../use-cases/my-work/my-tasks.js';
import type { MyWorkDeps } from '../../use-cases/my-work/my-work-deps.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said } from '../respond.js';
import { parseRequest } from '../validate.js';

/** How many weeks ahead: meetings default to 8, tasks to 6 (the local plan's «next weeks»). */
const weeksQuery = (fallback: number) =>
  z.object({ weeks: z.coerce.number().int().min(1).max(52).default(fallback) });
const meetingsQuery = weeksQuery(8);
const tasksQuery = weeksQuery(6);
/** «Mine nettverk» takes no options. */
const networksQuery = z.object({});

export interface MyWorkRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  access: AccessDeps;
  work: MyWorkDeps;
}

/**
 * The signed-in person's own page: `GET /api/me/meetings?weeks=8` (her meetings, why each is
 * hers, and its reading assignment) and `GET /api/me/tasks?weeks=6` (unread reading assignments,
 * reports her units owe, local-plan actions due) and `GET /api/me/networks` (the networks she is
 * in, why, who coordinates them and their next meeting). Everyone signed in; each sees only her own.
 */
export function myWorkRoutes(server: Server, deps: MyWorkRouteDeps): void {
  const who = async (req: Request) =>
    resolveAccess(deps.access, await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED')));

  server.get(
    '/api/me/meetings',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { query } = parseRequest(req, { query: meetingsQuery });
      res.header('cache-control', 'no-store');
      res.json(200, await myMeetings(deps.work, access, query.weeks * 7));
    }),
  );

  server.get(
    '/api/me/networks',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      parseRequest(req, { query: networksQuery });
      res.header('cache-control', 'no-store');
      res.json(200, await myNetworks(deps.work, access));
    }),
  );

  server.get(
    '/api/me/tasks',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { query } = parseRequest(req, { query: tasksQuery });
      res.header('cache-control', 'no-store');
      res.json(200, await myTasks(deps.work, access, query.weeks * 7));
    }),
  );
}
