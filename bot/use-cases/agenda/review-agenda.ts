import { reorder } from '../../domain/agenda/agenda-item.js';
import { agendaVersion } from '../../domain/agenda/item-rights.js';
import type { Access } from '../access.js';
import { personalChats, type AgendaDeps } from './agenda-deps.js';
import { findMeeting, requireAgendaRunner } from './meeting.js';
import { refreshPublishedAgenda } from './publish-agenda.js';
import { requireSeen } from './stale.js';
import { invalidInput, notFound, refuse } from '../refusals.js';

/**
 * Accepts or declines an item; the submitter is told in their personal chat. `version` (the item
 * version the coordinator saw) is required; an item changed since is refused.
 */
export async function decideItem(
  deps: AgendaDeps,
  access: Access,
  eventId: string,
  itemId: string,
  status: 'accepted' | 'declined',
  version: unknown,
): Promise<void> {
  // The edge reads it by schema; checked again for callers that did not.
  if (status !== 'accepted' && status !== 'declined') throw refuse(invalidInput, 'AGENDA_DECISION');
  const meeting = await findMeeting(deps.read, eventId);
  requireAgendaRunner(access, meeting);
  const item = (await deps.agenda.items(meeting.planKey, eventId)).find((i) => i.id === itemId);
  if (!item) throw refuse(notFound, 'ITEM_NOT_FOUND');
  requireSeen(version, item.version, 'item');
  if (item.status === 'withdrawn') throw refuse(invalidInput, 'ITEM_WITHDRAWN');
  if (item.status === status) return;
  await deps.agenda.updateItems([{ before: item, after: { ...item, status, version: item.version + 1 } }]);
  const notice = { what: status, item: item.title, meeting: meeting.event.title, date: meeting.event.date };
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
  ids: readonly string[],
  version: unknown,
): Promise<void> {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    throw refuse(invalidInput, 'AGENDA_ORDER_IDS');
  const meeting = await findMeeting(deps.read, eventId);
  requireAgendaRunner(access, meeting);
  const items = await deps.agenda.items(meeting.planKey, eventId);
  const published = (await deps.agenda.publication(meeting.planKey, eventId)) !== undefined;
  requireSeen(version, agendaVersion(items, published), 'agenda');
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
