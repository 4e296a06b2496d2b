import type { Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { languageOf } from '../../i18n/index.js';
import { resolveAccess, type AccessDeps } from '../../use-cases/access.js';
import { eventReads, type EventReadsDeps } from '../../use-cases/reminders/event-reads.js';
import { markReadingRead } from '../../use-cases/reminders/mark-read.js';
import type { ReminderDeps } from '../../use-cases/reminders/reminder-deps.js';
import { conflict, notFound, refuse } from '../../use-cases/refusals.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said } from '../respond.js';
import { id } from '../schemas.js';
import { parseRequest } from '../validate.js';

const eventParams = z.object({ eventId: id });
const readingBody = z.object({ planKey: id, eventId: id });

const TEXT = {
  nb: {
    refused: 'Bare deltakerne, koordinatorer og kommunalsjefen ser hvem som har lest.',
  },
  en: {
    refused: 'Only the participants, coordinators and the admin see who has read it.',
  },
} as const;

export interface ReadRouteDeps extends EventReadsDeps {
  logger: Logger;
  authenticate: Authenticator;
  access: AccessDeps;
  /** The reading card's own path, for «Marker som lest» in the tab. */
  reminders: ReminderDeps;
}

/** `GET /api/events/:eventId/reads`: read receipts of an event's reading assignment, for the tab. */
export function readRoutes(server: Server, deps: ReadRouteDeps): void {
  server.get(
    '/api/events/:eventId/reads',
    route(deps.logger, async (req, res) => {
      const text = TEXT[languageOf(req.header('accept-language'))];
      const principal = await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED'));
      const access = await resolveAccess(deps.access, principal);
      const { params } = parseRequest(req, { params: eventParams });
      res.header('cache-control', 'no-store');
      res.json(200, await eventReads(deps, access, params.eventId, text.refused));
    }),
  );
  /**
   * `POST /api/me/readings/read` `{planKey, eventId}`: «Marker som lest» in the tab's reading
   * list, for the signed-in person, through the reading card's own acknowledgement (once however
   * often; the shared card's count follows). 404 without such a reading, 409 before it is out.
   */
  server.post(
    '/api/me/readings/read',
    route(deps.logger, async (req, res) => {
      const principal = await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED'));
      const { body } = parseRequest(req, { body: readingBody });
      const result = await markReadingRead(deps.reminders, principal, body.planKey, body.eventId);
      if (!result.ok && result.reason === 'not-out')
        throw refuse(conflict, 'READING_NOT_OUT', { sendsOn: result.sendsOn });
      if (!result.ok) throw refuse(notFound, 'READING_NOT_FOUND');
      res.header('cache-control', 'no-store');
      res.json(200, { planKey: body.planKey, eventId: body.eventId, readOn: result.readOn });
    }),
  );
}
