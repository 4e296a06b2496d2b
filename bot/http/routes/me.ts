import type { Server } from 'restify';
import type { Logger } from '../../log/logger.js';
import { resolveAccess, type AccessDeps } from '../../use-cases/access.js';
import { languageFor, type LanguagePreferences } from '../../use-cases/language-preferences.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { languageOf, type Language } from '../../i18n/index.js';
import { invalidInput, refuse } from '../../use-cases/refusals.js';
import { route } from '../respond.js';

/** The route's texts; the bot's message catalogue belongs to the bot, so the tab API keeps its own. */
const TEXT = {
  nb: {
    signIn: 'Du må være logget inn.',
  },
  en: {
    signIn: 'You must be signed in.',
  },
} as const;

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
  const textOf = (header: string | undefined) => TEXT[languageOf(header)];
  server.get(
    '/api/me',
    route(deps.logger, async (req, res) => {
      const principal = await requirePrincipal(
        deps.authenticate,
        req,
        textOf(req.header('accept-language')).signIn,
      );
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
      const text = textOf(req.header('accept-language'));
      const principal = await requirePrincipal(deps.authenticate, req, text.signIn);
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const language = body.language;
      if (language !== 'nb' && language !== 'en') throw refuse(invalidInput, 'LANGUAGE_UNKNOWN');
      await deps.languages.set(principal.aadObjectId, language satisfies Language);
      res.header('cache-control', 'no-store');
      res.json(200, { language });
    }),
  );
}
