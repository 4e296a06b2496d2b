import { peopleRoutes } from '../../http/routes/people-routes.js';
import { planAdminRoutes } from '../../http/routes/plan-admin-routes.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/** The kommunalsjef's administration in the tab: importing and editing the plan, people and roles. */
export function adminFeature(core: Core): Feature<'admin', undefined> {
  const { logger, authenticate, access } = core;
  return {
    name: 'admin',
    api: undefined,
    routes(server) {
      planAdminRoutes(server, { logger, authenticate, access, plans: core.planAdmin });
      peopleRoutes(server, { logger, authenticate, access, read: core.read, registry: core.registry });
    },
  };
}
