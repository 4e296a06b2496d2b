import { itemProblems, type AgendaItem, type AgendaItemInput } from '../../domain/agenda/agenda-item.js';
import { judgeItemChange, type ItemChangeVerdict } from '../../domain/agenda/item-rights.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { problem } from '../../domain/problems.js';
import type { Access } from '../access.js';
import { forbidden, invalidInput, notFound } from '../refusals.js';
import { personalChats, type AgendaDeps } from './agenda-deps.js';
import { findMeeting, mayRunAgenda, type Meeting, type MeetingItem } from './meeting.js';
import { refreshPublishedAgenda } from './publish-agenda.js';
import { requireSeen } from './stale.js';

/** Whether the actor may change the item today (its submitter until the deadline, its runner always). */
export function itemChangeVerdict(
  deps: Pick<AgendaDeps, 'read'>,
  access: Access,
  meeting: Meeting,
  item: AgendaItem,
): ItemChangeVerdict {
  return judgeItemChange(
    item,
    { aadObjectId: access.principal.aadObjectId, runsAgenda: mayRunAgenda(access, meeting) },
    localDate(deps.read.clock.now(), deps.read.timeZone),
    meeting.deadline,
  );
}

/**
 * The item as the actor may change it: theirs until the deadline, or any while they run the
 * meeting's agenda, and still at the version they saw. Refusals are Norwegian, for the person.
 */
export async function itemToChange(
  deps: AgendaDeps,
  access: Access,
  eventId: string,
  itemId: string,
  version: unknown,
): Promise<MeetingItem> {
  const meeting = await findMeeting(deps.read, eventId);
  const item = (await deps.agenda.items(meeting.planKey, eventId)).find((i) => i.id === itemId);
  if (!item) throw notFound([problem('ITEM_NOT_FOUND', {})]);
  const verdict = itemChangeVerdict(deps, access, meeting, item);
  if (verdict.kind === 'not-yours') throw forbidden([problem('ITEM_NOT_YOURS', {})]);
  if (verdict.kind === 'too-late')
    throw forbidden([problem('ITEM_CHANGE_LATE', { deadline: verdict.deadline })]);
  if (verdict.kind === 'withdrawn') throw invalidInput([problem('ITEM_WITHDRAWN', {})]);
  requireSeen(version, item.version, 'item');
  return { meeting, item };
}

/** Changes an item's title, description, presenter and minutes; its status and place stay. */
export async function editItem(
  deps: AgendaDeps,
  access: Access,
  eventId: string,
  itemId: string,
  input: Partial<Record<keyof AgendaItemInput, unknown>>,
  version: unknown,
): Promise<MeetingItem> {
  const problems = itemProblems(input);
  if (problems.length > 0) throw invalidInput(problems);
  const { meeting, item } = await itemToChange(deps, access, eventId, itemId, version);
  const edited: AgendaItem = {
    ...item,
    title: String(input.title).trim(),
    description: typeof input.description === 'string' ? input.description.trim() : '',
    presenter: typeof input.presenter === 'string' ? input.presenter.trim() : item.presenter,
    minutes: Number(input.minutes),
    version: item.version + 1,
  };
  await deps.agenda.updateItems([{ before: item, after: edited }]);
  if (edited.status === 'accepted') await refreshPublishedAgenda(deps, meeting);
  await tellSubmitter(deps, access, meeting, edited, 'edited');
  return { meeting, item: edited };
}

/** When someone else (the coordinator) changed or withdrew an item, its submitter is told. */
async function tellSubmitter(
  deps: AgendaDeps,
  access: Access,
  meeting: Meeting,
  item: AgendaItem,
  what: 'edited' | 'withdrawn',
): Promise<void> {
  if (item.submittedBy.toLowerCase() === access.principal.aadObjectId.toLowerCase()) return;
  const chats = await personalChats(deps.registry, item.submittedBy);
  if (chats.length === 0) return;
  const notice = { what, item: item.title, meeting: meeting.event.title, date: meeting.event.date };
  await deps.outbox.enqueue(
    {
      id: `agenda-${what}-${item.id}-${item.version}`,
      activity: deps.renderNotice(notice),
      kind: 'agenda-decision',
    },
    chats,
  );
}

/** Takes an item back: it leaves the agenda, and a published agenda is updated. */
export async function withdrawItem(
  deps: AgendaDeps,
  access: Access,
  eventId: string,
  itemId: string,
  version: unknown,
): Promise<MeetingItem> {
  const { meeting, item } = await itemToChange(deps, access, eventId, itemId, version);
  const withdrawn: AgendaItem = { ...item, status: 'withdrawn', version: item.version + 1 };
  await deps.agenda.updateItems([{ before: item, after: withdrawn }]);
  if (item.status === 'accepted') await refreshPublishedAgenda(deps, meeting);
  await tellSubmitter(deps, access, meeting, withdrawn, 'withdrawn');
  return { meeting, item: withdrawn };
}
