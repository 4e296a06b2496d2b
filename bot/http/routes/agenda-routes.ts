import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { resolveAccess } from '../../use-cases/access.js';
import type { AgendaDeps } from '../../use-cases/agenda/agenda-deps.js';
import { editItem, withdrawItem } from '../../use-cases/agenda/change-item.js';
import { publishAgenda } from '../../use-cases/agenda/publish-agenda.js';
import { readAgenda } from '../../use-cases/agenda/read-agenda.js';
import { decideItem, reorderItems } from '../../use-cases/agenda/review-agenda.js';
import { submitItem } from '../../use-cases/agenda/submit-item.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said } from '../respond.js';
import { id, text } from '../schemas.js';
import { parseRequest } from '../validate.js';

/**
 * What the edge checks of an agenda change. The item's own rules (a title, its length, the
 * minutes) are the domain's, shared with the cards (bot/domain/agenda/agenda-item.ts); here the
 * ids, the types and bounds storage can hold, and what the domain does not limit (the presenter).
 */
const meeting = z.object({ eventId: id });
const meetingItem = z.object({ eventId: id, itemId: id });
/** The version the caller saw: the use case says when it is missing. */
const version = z.union([z.int().min(1), z.string().regex(/^\d{1,9}$/)]).optional();
/** Bounded for storage only: the domain's shorter limits say what is too long, in words. */
const loose = z.string().max(20_000).optional();
const itemBody = z.object({
  title: loose,
  description: loose,
  presenter: text(200).optional(),
  minutes: z.union([z.number(), z.string().max(10)]).optional(),
  acceptLate: z.boolean().optional(),
  version,
});
const decisionBody = z.object({ status: z.enum(['accepted', 'declined']), version });
const orderBody = z.object({ ids: z.array(id).max(500), version });
const publishBody = z.object({ now: z.boolean().optional(), version });
/** DELETE bodies are dropped or sent empty by some clients: anything but an object reads as none. */
const withdrawBody = z.preprocess((v) => (v && typeof v === 'object' ? v : {}), z.object({ version }));
const withdrawQuery = z.object({
  version: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional(),
});

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
      await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED')),
    );
  const eventId = (req: Request) => parseRequest(req, { params: meeting }).params.eventId;

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
      const { params, body } = parseRequest(req, { params: meeting, body: itemBody });
      const { item } = await submitItem(deps.agenda, access, params.eventId, body, {
        acceptLate: body.acceptLate === true,
      });
      res.json(201, { item });
    }),
  );

  server.put(
    '/api/meetings/:eventId/agenda/items/:itemId',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params, body } = parseRequest(req, { params: meetingItem, body: itemBody });
      const { item } = await editItem(deps.agenda, access, params.eventId, params.itemId, body, body.version);
      res.json(200, { item });
    }),
  );

  server.del(
    '/api/meetings/:eventId/agenda/items/:itemId',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      // DELETE bodies are dropped by some clients, so the version may come in the query too.
      const { params, query, body } = parseRequest(req, {
        params: meetingItem,
        query: withdrawQuery,
        body: withdrawBody,
      });
      const { item } = await withdrawItem(
        deps.agenda,
        access,
        params.eventId,
        params.itemId,
        query.version ?? body.version,
      );
      res.json(200, { item });
    }),
  );

  server.post(
    '/api/meetings/:eventId/agenda/items/:itemId/decision',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params, body } = parseRequest(req, { params: meetingItem, body: decisionBody });
      await decideItem(deps.agenda, access, params.eventId, params.itemId, body.status, body.version);
      res.json(200, { ok: true });
    }),
  );

  server.put(
    '/api/meetings/:eventId/agenda/order',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params, body } = parseRequest(req, { params: meeting, body: orderBody });
      await reorderItems(deps.agenda, access, params.eventId, body.ids, body.version);
      res.json(200, { ok: true });
    }),
  );

  server.post(
    '/api/meetings/:eventId/agenda/publish',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params, body } = parseRequest(req, { params: meeting, body: publishBody });
      const publication = await publishAgenda(deps.agenda, access, params.eventId, {
        now: body.now === true,
        version: body.version,
      });
      res.json(200, { publication });
    }),
  );
}
