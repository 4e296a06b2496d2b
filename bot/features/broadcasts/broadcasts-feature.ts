import { broadcastRoutes } from '../../http/routes/broadcast-routes.js';
import { agendaTexts } from '../../i18n/agenda.js';
import { createTableAutomationKeys } from '../../store/table-automation-keys.js';
import { createTableBroadcasts } from '../../store/table-broadcasts.js';
import { cardActivity, renderBroadcastCard } from '../../teams/agenda/agenda-cards.js';
import { acknowledgeAction } from '../../teams/agenda/agenda-handlers.js';
import type { BroadcastDeps } from '../../use-cases/broadcasts/broadcast-deps.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/** The kommunalsjef's messages to networks and units, with «Lest» receipts; also sent by automations. */
export function broadcastsFeature(core: Core): Feature<'broadcasts', BroadcastDeps> {
  const broadcasts: BroadcastDeps = {
    clock: core.clock,
    access: core.access,
    broadcasts: createTableBroadcasts(core.tables),
    outbox: core.outbox,
    links: core.links,
    registry: core.registry,
    read: core.read,
    renderBroadcast: (broadcast, options) =>
      cardActivity(renderBroadcastCard(agendaTexts('nb'), broadcast, options)),
  };
  return {
    name: 'broadcasts',
    api: broadcasts,
    cardActions: [acknowledgeAction(broadcasts)],
    routes: (server) =>
      broadcastRoutes(server, {
        logger: core.logger,
        authenticate: core.authenticate,
        broadcasts,
        keys: createTableAutomationKeys(core.tables),
      }),
  };
}
