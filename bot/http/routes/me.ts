import type { Server } from 'restify';
import type { Logger } from '../../log/logger.js';
import { resolveAccess, type AccessDeps } from '../../use-cases/access.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { languageOf } from '../../i18n/index.js';
import { route } from '../respond.js';

/** The 401 text; the bot's message catalogue belongs to the bot, so the tab API keeps its own. */
const SIGN_IN = { nb: 'Du må være logget inn.', en: 'You must be signed in.' } as const;

export interface MeRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  access: AccessDeps;
}

/**
 * `GET /api/me`: who the tab is talking to and what they may do. The tab shows or hides views by
 * these roles; the API still checks every call itself.
 */
export function meRoutes(server: Server, deps: MeRouteDeps): void {
  server.get(
    '/api/me',
    route(deps.logger, async (req, res) => {
      const principal = await requirePrincipal(
        deps.authenticate,
        req,
        SIGN_IN[languageOf(req.header('accept-language'))],
      );
      const access = await resolveAccess(deps.access, principal);
      res.header('cache-control', 'no-store');
      res.json(200, {
        id: principal.aadObjectId,
        name: access.person?.name ?? principal.name ?? null,
        roles: [...access.roles].sort(),
        leads: access.person?.leads ?? [],
        networks: access.person?.networks ?? [],
      });
    }),
  );
}
