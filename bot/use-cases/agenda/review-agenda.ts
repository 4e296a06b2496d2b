import { reorder } from '../../domain/agenda/agenda-item.js';
import { norwegianDate } from '../../domain/agenda/deadlines.js';
import { BadRequestError, NotFoundError } from '../../domain/errors.js';
import type { Access } from '../access.js';
import { personalChats, type AgendaDeps } from './agenda-deps.js';
import { findMeeting, requireAgendaRunner } from './meeting.js';
import { refreshPublishedAgenda } from './publish-agenda.js';

/** Accepts or declines an item; the submitter is told in their personal chat. */
export async function decideItem(
  deps: AgendaDeps,
  access: Access,
  eventId: string,
  itemId: string,
  status: unknown,
): Promise<void> {
  if (status !== 'accepted' && status !== 'declined')
    throw new BadRequestError('Status må være «accepted» eller «declined».');
  const meeting = await findMeeting(deps.read, eventId);
  requireAgendaRunner(access, meeting);
  const item = (await deps.agenda.items(meeting.planKey, eventId)).find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('Fant ikke saken.');
  if (item.status === status) return;
  await deps.agenda.saveItem({ ...item, status });
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

/** Puts the listed items first, in that order. */
export async function reorderItems(
  deps: AgendaDeps,
  access: Access,
  eventId: string,
  ids: unknown,
): Promise<void> {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    throw new BadRequestError('Send «ids» som en liste med sak-id-er.');
  const meeting = await findMeeting(deps.read, eventId);
  requireAgendaRunner(access, meeting);
  const items = await deps.agenda.items(meeting.planKey, eventId);
  const orders = reorder(items, ids as string[]);
  for (const item of items) {
    const order = orders.get(item.id)!;
    if (order !== item.order) await deps.agenda.saveItem({ ...item, order });
  }
  await refreshPublishedAgenda(deps, meeting);
}
