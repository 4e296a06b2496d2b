import type { OutgoingActivity } from '../../delivery/ports.js';
import type { ReminderKind } from '../../domain/reminders/reminder-rules.js';
import { readerIds } from './reader-ids.js';
import {
  concernedPeople,
  type EventCardView,
  type ReminderDeps,
  type ReminderRenderer,
} from './reminder-deps.js';

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
  /** The language's renderer when the message is another language's variant (default Norwegian). */
  render: ReminderRenderer = deps.render,
): Promise<OutgoingActivity> {
  if (kind === 'agenda-call') return render.agendaCall(view);
  if (kind === 'milestone-reminder') return render.milestoneReminder(view);
  if (kind !== 'reading-assignment') return render.meetingReminder(view);
  return render.reading({
    ...view,
    messageId,
    read: await deps.acks.count(messageId),
    of: (await concernedPeople(deps, view.event)).length,
    // Those who have read keep their own line when this revision reaches them.
    readerIds: await readerIds(deps, messageId),
  });
}
