import type { OutgoingActivity } from '../../delivery/ports.js';
import type { ReminderKind } from '../../domain/reminders/reminder-rules.js';
import { readerIds } from './reader-ids.js';
import { concernedPeople, type EventCardView, type ReminderDeps } from './reminder-deps.js';

/**
 * The message a reminder of `kind` posts (or revises) as message `messageId`: a call for agenda
 * items, a reading assignment with its read count (refreshed for its readers), else a meeting
 * reminder.
 */
export async function reminderMessage(
  deps: Pick<ReminderDeps, 'acks' | 'people' | 'registry' | 'teamsUsers' | 'render'>,
  kind: ReminderKind,
  messageId: string,
  view: EventCardView,
): Promise<OutgoingActivity> {
  if (kind === 'agenda-call') return deps.render.agendaCall(view);
  if (kind === 'milestone-reminder') return deps.render.milestoneReminder(view);
  if (kind !== 'reading-assignment') return deps.render.meetingReminder(view);
  return deps.render.reading({
    ...view,
    messageId,
    read: await deps.acks.count(messageId),
    of: (await concernedPeople(deps, view.event)).length,
    // Those who have read keep their own line when this revision reaches them.
    readerIds: await readerIds(deps, messageId),
  });
}
