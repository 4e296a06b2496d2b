import { reorder } from '../../domain/agenda/agenda-item.js';
import { agendaVersion } from '../../domain/agenda/item-rights.js';
import { norwegianDate } from '../../domain/agenda/deadlines.js';
import { BadRequestError, NotFoundError } from '../../domain/errors.js';
import type { Access } from '../access.js';
import { personalChats, type AgendaDeps } from './agenda-deps.js';
import { findMeeting, requireAgendaRunner } from './meeting.js';
import { refreshPublishedAgenda } from './publish-agenda.js';
import {
  AGENDA_CHANGED,
  AGENDA_VERSION_MISSING,
  ITEM_CHANGED,
  ITEM_VERSION_MISSING,
  requireSeen,
} from './stale.js';

/**
 * Accepts or declines an item; the submitter is told in their personal chat. `version` (the item
 * version the coordinator saw) is required; an item changed since is refused.
 */
export async function decideItem(
  deps: AgendaDeps,
  access: Access,
  eventId: string,
  itemId: string,
  status: unknown,
  version: unknown,
): Promise<void> {
  if (status !== 'accepted' && status !== 'declined')
    throw new BadRequestError('Status må være «accepted» eller «declined».');
  const meeting = await findMeeting(deps.read, eventId);
  requireAgendaRunner(access, meeting);
  const item = (await deps.agenda.items(meeting.planKey, eventId)).find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('Fant ikke saken.');
  requireSeen(version, item.version, ITEM_CHANGED, ITEM_VERSION_MISSING);
  if (item.status === 'withdrawn') throw new BadRequestError('Saken er trukket tilbake.');
  if (item.status === status) return;
  await deps.agenda.updateItems([{ before: item, after: { ...item, status, version: item.version + 1 } }]);
  const name = `${meeting.event.title} ${norwegianDate(meeting.event.date)}`;
  const notice =
    status === 'accepted'
      ? `Saken din «${item.title}» er tatt inn på sakslisten til ${name}.`
      : `Saken din «${item.title}» er ikke tatt inn på sakslisten til ${name}.`;
  const chats = await personalChats(deps.registry, item.submittedBy);
  if (chats.length > 0)
    await deps.outbox.enqueue(
      {
        id: `agenda-decision-${item.id}-${status}`,
        activity: deps.renderNotice(notice),
        kind: 'agenda-decision',
      },
      chats,
    );
  await refreshPublishedAgenda(deps, meeting);
}

/**
 * Puts the listed items first, in that order, all or none. `version` (the agenda version the
 * coordinator saw) is required; an agenda changed since is refused.
 */
export async function reorderItems(
  deps: AgendaDeps,
  access: Access,
  eventId: string,
  ids: unknown,
  version: unknown,
): Promise<void> {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    throw new BadRequestError('Send «ids» som en liste med sak-id-er.');
  const meeting = await findMeeting(deps.read, eventId);
  requireAgendaRunner(access, meeting);
  const items = await deps.agenda.items(meeting.planKey, eventId);
  const published = (await deps.agenda.publication(meeting.planKey, eventId)) !== undefined;
  requireSeen(version, agendaVersion(items, published), AGENDA_CHANGED, AGENDA_VERSION_MISSING);
  const orders = reorder(items, ids as string[]);
  const changes = items
    .filter((item) => orders.get(item.id) !== item.order)
    .map((item) => ({
      before: item,
      after: { ...item, order: orders.get(item.id)!, version: item.version + 1 },
    }));
  await deps.agenda.updateItems(changes);
  await refreshPublishedAgenda(deps, meeting);
}
