import type { Server } from 'restify';
import { z } from 'zod';
import { NOTIFICATION_CHOICES } from '../../domain/people/notification-choice.js';
import type { Logger } from '../../log/logger.js';
import { notificationChoiceFor, type NotificationChoices } from '../../use-cases/notification-choices.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said } from '../respond.js';
import { parseRequest } from '../validate.js';

const choiceBody = z.object({ notifications: z.enum(NOTIFICATION_CHOICES) });

export interface NotificationRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  choices: NotificationChoices;
}

/**
 * `GET /api/me/notifications`: what Planpuls sends the person in her chat (`all`, `digest`,
 * `needed`); `PUT` saves her choice, the same one `varsler` sets in chat.
 */
export function notificationRoutes(server: Server, deps: NotificationRouteDeps): void {
  server.get(
    '/api/me/notifications',
    route(deps.logger, async (req, res) => {
      const principal = await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED'));
      res.header('cache-control', 'no-store');
      res.json(200, { notifications: await notificationChoiceFor(deps.choices, principal.aadObjectId) });
    }),
  );
  server.put(
    '/api/me/notifications',
    route(deps.logger, async (req, res) => {
      const principal = await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED'));
      const { body } = parseRequest(req, { body: choiceBody });
      await deps.choices.set(principal.aadObjectId, body.notifications);
      res.header('cache-control', 'no-store');
      res.json(200, { notifications: body.notifications });
    }),
  );
}
