import type { Server } from 'restify';
import type { Logger } from '../../log/logger.js';
import { resolveAccess, type AccessDeps } from '../../use-cases/access.js';
import { languageFor, type LanguagePreferences } from '../../use-cases/language-preferences.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import type { Language } from '../../i18n/index.js';
import { invalidInput, refuse } from '../../use-cases/refusals.js';
import { route, said } from '../respond.js';

export interface MeRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  access: AccessDeps;
  /** The language each person chose, shared with the bot. */
  languages: LanguagePreferences;
}

/**
 * `GET /api/me`: who the tab is talking to, what they may do and the one language Planpuls uses
 * with them (the tab starts in it). `PUT /api/me/language` saves that language, for the chat too.
 * The tab shows or hides views by the roles; the API still checks every call itself.
 */
export function meRoutes(server: Server, deps: MeRouteDeps): void {
  server.get(
    '/api/me',
    route(deps.logger, async (req, res) => {
      const principal = await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED'));
      const [access, language] = await Promise.all([
        resolveAccess(deps.access, principal),
        languageFor(deps.languages, principal.aadObjectId),
      ]);
      res.header('cache-control', 'no-store');
      res.json(200, {
        id: principal.aadObjectId,
        name: access.person?.name ?? principal.name ?? null,
        roles: [...access.roles].sort(),
        leads: access.person?.leads ?? [],
        networks: access.person?.networks ?? [],
        language,
      });
    }),
  );
  server.put(
    '/api/me/language',
    route(deps.logger, async (req, res) => {
      const principal = await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED'));
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const language = body.language;
      if (language !== 'nb' && language !== 'en') throw refuse(invalidInput, 'LANGUAGE_UNKNOWN');
      await deps.languages.set(principal.aadObjectId, language satisfies Language);
      res.header('cache-control', 'no-store');
      res.json(200, { language });
    }),
  );
}
