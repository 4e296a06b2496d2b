import { randomUUID } from 'node:crypto';
import { itemProblems, type AgendaItem, type AgendaItemInput } from '../../domain/agenda/agenda-item.js';
import { judgeSubmission } from '../../domain/agenda/deadlines.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { problem } from '../../domain/problems.js';
import type { Access } from '../access.js';
import { invalidInput } from '../refusals.js';
import type { AgendaDeps } from './agenda-deps.js';
import { findMeeting, mayRunAgenda, type MeetingItem } from './meeting.js';
import { refreshPublishedAgenda } from './publish-agenda.js';

/**
 * Submits an item for a meeting. Until the deadline anyone may; after it the item is refused
 * with the deadline named, unless the submitter runs the meeting's agenda and accepts it late.
 */
export async function submitItem(
  deps: Pick<AgendaDeps, 'read' | 'agenda'> & Partial<AgendaDeps>,
  access: Access,
  eventId: string,
  input: Partial<Record<keyof AgendaItemInput, unknown>>,
  options: { acceptLate?: boolean } = {},
): Promise<MeetingItem> {
  const problems = itemProblems(input);
  if (problems.length > 0) throw invalidInput(problems);
  const meeting = await findMeeting(deps.read, eventId);
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const runner = mayRunAgenda(access, meeting);
  const verdict = judgeSubmission(today, meeting.deadline, runner && options.acceptLate === true);
  if (verdict.kind === 'late') throw invalidInput([problem('ITEM_LATE', { deadline: verdict.deadline })]);
  const existing = await deps.agenda.items(meeting.planKey, eventId);
  // The stored person's name over what the sign-in says (local mode's dev sign-in has no name).
  const submitterName = access.person?.name ?? access.principal.name;
  const item: AgendaItem = {
    id: randomUUID(),
    planKey: meeting.planKey,
    eventId,
    title: String(input.title).trim(),
    description: typeof input.description === 'string' ? input.description.trim() : '',
    presenter:
      typeof input.presenter === 'string' && input.presenter.trim()
        ? input.presenter.trim()
        : (submitterName ?? ''),
    minutes: Number(input.minutes),
    submittedBy: access.principal.aadObjectId,
    ...(submitterName ? { submitterName } : {}),
    submittedAt: deps.read.clock.now().toISOString(),
    // A late item the coordinator takes in is on the agenda at once.
    status: verdict.kind === 'late-accepted' ? 'accepted' : 'submitted',
    late: verdict.kind === 'late-accepted',
    order: existing.reduce((max, i) => Math.max(max, i.order), 0) + 1,
    version: 1,
  };
  await deps.agenda.addItem(item);
  if (item.status === 'accepted' && deps.outbox) await refreshPublishedAgenda(deps as AgendaDeps, meeting);
  return { meeting, item };
}
