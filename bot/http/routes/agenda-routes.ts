import type { Request, Server } from 'restify';
import type { Logger } from '../../log/logger.js';
import { resolveAccess } from '../../use-cases/access.js';
import type { AgendaDeps } from '../../use-cases/agenda/agenda-deps.js';
import { editItem, withdrawItem } from '../../use-cases/agenda/change-item.js';
import { publishAgenda } from '../../use-cases/agenda/publish-agenda.js';
import { readAgenda } from '../../use-cases/agenda/read-agenda.js';
import { decideItem, reorderItems } from '../../use-cases/agenda/review-agenda.js';
import { submitItem } from '../../use-cases/agenda/submit-item.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route } from '../respond.js';

export interface AgendaRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  agenda: AgendaDeps;
}

/**
 * Agenda items per meeting for the tab: submit (until the deadline), edit and withdraw one's own
 * (until the deadline), and for the meeting's coordinator or an admin: edit and withdraw any,
 * accept/decline, reorder, publish. Roles are checked on every call. Every change must carry the
 * `version` the caller saw (the item's, or the agenda's for order and publish): a missing one is
 * a 400, a stale one a 409, each with a Norwegian message and nothing stored.
 */
export function agendaRoutes(server: Server, deps: AgendaRouteDeps): void {
  const who = async (req: Request) =>
    resolveAccess(
      deps.agenda.access,
      await requirePrincipal(deps.authenticate, req, 'Du må være logget inn.'),
    );
  const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;
  const eventId = (req: Request) => String(req.params.eventId);

  server.get(
    '/api/meetings/:eventId/agenda',
    route(deps.logger, async (req, res) => {
      res.json(200, await readAgenda(deps.agenda, await who(req), eventId(req)));
    }),
  );

  server.post(
    '/api/meetings/:eventId/agenda/items',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const input = body(req);
      const { item } = await submitItem(deps.agenda, access, eventId(req), input, {
        acceptLate: input.acceptLate === true,
      });
      res.json(201, { item });
    }),
  );

  server.put(
    '/api/meetings/:eventId/agenda/items/:itemId',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const input = body(req);
      const { item } = await editItem(
        deps.agenda,
        access,
        eventId(req),
        String(req.params.itemId),
        input,
        input.version,
      );
      res.json(200, { item });
    }),
  );

  server.del(
    '/api/meetings/:eventId/agenda/items/:itemId',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      // DELETE bodies are dropped by some clients, so the version may come in the query too.
      const query = (req.query ?? {}) as Record<string, unknown>;
      const version = query.version ?? body(req).version;
      const { item } = await withdrawItem(
        deps.agenda,
        access,
        eventId(req),
        String(req.params.itemId),
        version,
      );
      res.json(200, { item });
    }),
  );

  server.post(
    '/api/meetings/:eventId/agenda/items/:itemId/decision',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { status, version } = body(req);
      await decideItem(deps.agenda, access, eventId(req), String(req.params.itemId), status, version);
      res.json(200, { ok: true });
    }),
  );

  server.put(
    '/api/meetings/:eventId/agenda/order',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      await reorderItems(deps.agenda, access, eventId(req), body(req).ids, body(req).version);
      res.json(200, { ok: true });
    }),
  );

  server.post(
    '/api/meetings/:eventId/agenda/publish',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const publication = await publishAgenda(deps.agenda, access, eventId(req), {
        now: body(req).now === true,
        version: body(req).version,
      });
      res.json(200, { publication });
    }),
  );
}
