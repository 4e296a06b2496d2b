import { agendaRoutes } from '../../http/routes/agenda-routes.js';
import { agendaTexts } from '../../i18n/agenda.js';
import { createTableAgenda } from '../../store/table-agenda.js';
import { cardActivity, renderAgendaCard } from '../../teams/agenda/agenda-cards.js';
import { agendaItemActions, sakCommand } from '../../teams/agenda/agenda-handlers.js';
import type { AgendaDeps } from '../../use-cases/agenda/agenda-deps.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/** Agenda items for meetings (`sak`, the card and the tab) and the published agenda. */
export function agendaFeature(core: Core): Feature<'agenda', AgendaDeps> {
  const agenda: AgendaDeps = {
    read: core.read,
    access: core.access,
    agenda: createTableAgenda(core.tables),
    outbox: core.outbox,
    links: core.links,
    registry: core.registry,
    // Posted where the network meets: Norwegian, like every shared card.
    renderAgenda: (view) => cardActivity(renderAgendaCard(agendaTexts('nb'), view)),
    renderNotice: (notice) => ({ type: 'message', text: agendaTexts('nb').notice(notice) }),
  };
  return {
    name: 'agenda',
    api: agenda,
    commands: [sakCommand(agenda)],
    cardActions: agendaItemActions(agenda),
    routes: (server) =>
      agendaRoutes(server, { logger: core.logger, authenticate: core.authenticate, agenda }),
  };
}
