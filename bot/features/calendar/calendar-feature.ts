import { icsRoutes } from '../../http/routes/ics-routes.js';
import { planRoutes } from '../../http/routes/plan-routes.js';
import { createTableCalendarFeeds } from '../../store/table-calendar-feeds.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/** The plan's calendar for the tab, and as `.ics` files and personal subscription feeds. */
export function calendarFeature(core: Core): Feature<'calendar', undefined> {
  const { logger, authenticate, access, read, config } = core;
  return {
    name: 'calendar',
    api: undefined,
    routes(server) {
      planRoutes(server, { ...read, logger, authenticate, access });
      icsRoutes(server, {
        ...read,
        logger,
        publicUrl: config.publicUrl,
        feeds: createTableCalendarFeeds(core.tables, core.clock),
        authenticate,
        access,
      });
    },
  };
}
