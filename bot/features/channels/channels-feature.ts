import { linkRoutes } from '../../http/routes/link-routes.js';
import { linkAction, linkCommand } from '../../teams/links/link-handlers.js';
import type { LinkDeps } from '../../use-cases/link-conversations.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/** Which networks, programmes and units a channel or group chat is linked to: `koble` and the tab. */
export function channelsFeature(core: Core): Feature<'channels', undefined> {
  const link: LinkDeps = { links: core.links, registry: core.registry, clock: core.clock };
  const deps = {
    read: core.read,
    link,
    access: core.access,
    logger: core.logger.child({ component: 'bot' }),
  };
  return {
    name: 'channels',
    api: undefined,
    commands: [linkCommand(deps)],
    cardActions: [linkAction(deps)],
    routes(server) {
      linkRoutes(server, {
        logger: core.logger,
        authenticate: core.authenticate,
        access: core.access,
        read: core.read,
        link,
      });
    },
  };
}
