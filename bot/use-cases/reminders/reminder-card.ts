import type { ReminderKind } from '../../domain/reminders/reminder-rules.js';
import type { ReminderTexts } from '../../i18n/reminders.js';
import { agendaCallCard } from '../../teams/cards/agenda-call-card.js';
import { meetingReminderCard, readingCard, type EventCardContext } from '../../teams/cards/reminder-cards.js';
import { readerIds } from './reader-ids.js';
import { concernedPeople, type ReminderDeps } from './reminder-deps.js';

/**
 * The card a reminder of `kind` posts (or revises) as message `messageId`: a call for agenda
 * items, a reading assignment with its read count (refreshed for its readers), else a meeting
 * reminder.
 */
export async function reminderCard(
  deps: Pick<ReminderDeps, 'acks' | 'people' | 'registry' | 'teamsUsers'>,
  kind: ReminderKind,
  messageId: string,
  context: EventCardContext & { itemDeadline: string },
  text: ReminderTexts,
): Promise<Record<string, unknown>> {
  if (kind === 'agenda-call') return agendaCallCard(context, text);
  if (kind !== 'reading-assignment') return meetingReminderCard(context, text);
  return readingCard(
    {
      ...context,
      messageId,
      read: await deps.acks.count(messageId),
      of: (await concernedPeople(deps, context.event)).length,
      // Those who have read keep their own line when this revision reaches them.
      readerIds: await readerIds(deps, messageId),
    },
    text,
  );
}
