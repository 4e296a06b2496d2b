import { devSignInRoutes } from '../../http/routes/dev-sign-in.js';
import { meRoutes } from '../../http/routes/me.js';
import { languageAction, languageCommand } from '../../teams/language/language-handlers.js';
import { profileCommand } from '../../teams/profile/profile-handlers.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/**
 * Who the person is and the language she chose: `meg` (her roles and networks) and `språk` in
 * chat, `GET /api/me` and the tab's language switch; in local mode the demo sign-in.
 */
export function profileFeature(core: Core): Feature<'profile', undefined> {
  const { logger, authenticate, access, languages, config } = core;
  return {
    name: 'profile',
    api: undefined,
    commands: [profileCommand({ read: core.read, people: core.people, access }), languageCommand(languages)],
    cardActions: [languageAction(languages)],
    routes(server) {
      meRoutes(server, { logger, authenticate, access, languages });
      if (config.localMode)
        devSignInRoutes(server, { logger, people: core.people, configAdmins: config.adminAadObjectIds });
    },
  };
}
