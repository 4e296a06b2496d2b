import type { Request, Server } from 'restify';
import type { Logger } from '../../log/logger.js';
import { resolveAccess } from '../../use-cases/access.js';
import type { AgendaDeps } from '../../use-cases/agenda/agenda-deps.js';
import { findMeeting, mayRunAgenda } from '../../use-cases/agenda/meeting.js';
import { publishAgenda } from '../../use-cases/agenda/publish-agenda.js';
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
 * Agenda items per meeting for the tab: submit (until the deadline), and for the meeting's
 * coordinator or an admin: accept/decline, reorder, publish. Roles are checked on every call.
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
      const access = await who(req);
      const meeting = await findMeeting(deps.agenda.read, eventId(req));
      const all = await deps.agenda.agenda.items(meeting.planKey, meeting.event.id);
      const runner = mayRunAgenda(access, meeting);
      const publication = await deps.agenda.agenda.publication(meeting.planKey, meeting.event.id);
      res.json(200, {
        eventId: meeting.event.id,
        deadline: meeting.deadline,
        publishDate: meeting.publishDate,
        mayManage: runner,
        // Others see the agenda and their own items, not everyone's undecided ones.
        items: runner
          ? all
          : all.filter((i) => i.status === 'accepted' || i.submittedBy === access.principal.aadObjectId),
        publication: publication ?? null,
      });
    }),
  );

  server.post(
    '/api/meetings/:eventId/agenda/items',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const input = body(req);
      const item = await submitItem(deps.agenda, access, eventId(req), input, {
        acceptLate: input.acceptLate === true,
      });
      res.json(201, { item });
    }),
  );

  server.post(
    '/api/meetings/:eventId/agenda/items/:itemId/decision',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      await decideItem(deps.agenda, access, eventId(req), String(req.params.itemId), body(req).status);
      res.json(200, { ok: true });
    }),
  );

  server.put(
    '/api/meetings/:eventId/agenda/order',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      await reorderItems(deps.agenda, access, eventId(req), body(req).ids);
      res.json(200, { ok: true });
    }),
  );

  server.post(
    '/api/meetings/:eventId/agenda/publish',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const publication = await publishAgenda(deps.agenda, access, eventId(req), {
        now: body(req).now === true,
      });
      res.json(200, { publication });
    }),
  );
}
