import type { Language } from '../../i18n/index.js';
import { reminderTexts, type ReminderTexts } from '../../i18n/reminders.js';
import type {
  EventCardView,
  ReadingCardView,
  ReminderRenderer,
} from '../../use-cases/reminders/reminder-deps.js';
import { agendaCallCard } from '../cards/agenda-call-card.js';
import { milestoneCard } from '../cards/milestone-card.js';
import { asActivity, formatEventDate, meetingReminderCard, readingCard } from '../cards/reminder-cards.js';

/** How a change to the event reads at the top of its card. */
function statusOf(view: EventCardView, text: ReminderTexts): string {
  switch (view.change) {
    case 'moved':
      return text.moved(formatEventDate(view.event, text));
    case 'cancelled':
      return text.cancelled;
    case 'items-closed':
      return text.itemsClosed;
    case 'deadline-changed':
      return text.deadlineChanged;
    case undefined:
      return '';
  }
}

/** «3. mars» (or «3 March»): the day someone marked a reading done, close enough to need no year. */
function dayInWords(date: string, text: ReminderTexts): string {
  return new Intl.DateTimeFormat(text.locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/**
 * The reminder cards as Teams shows them, as posted in `language`: Norwegian (bokmål, the app's
 * language) for channels and for everyone who chose no other; the reading card for one person (her
 * press, her refresh) is in hers.
 */
export function reminderRenderer(publicUrl: string, language: Language = 'nb'): ReminderRenderer {
  const shared = reminderTexts(language);
  const context = (view: EventCardView, text: ReminderTexts) => ({
    event: view.event,
    programmeName: view.programmeName,
    planKey: view.planKey,
    publicUrl,
    late: view.late,
    status: statusOf(view, text),
    itemsOpen: view.itemsOpen ?? false,
    itemDeadline: view.itemDeadline,
    ...(view.contacts ? { contacts: view.contacts } : {}),
  });
  const reading = (view: ReadingCardView, text: ReminderTexts) =>
    readingCard(
      {
        ...context(view, text),
        messageId: view.messageId,
        read: view.read,
        of: view.of,
        readerIds: view.readerIds,
        ...(view.markedReadOn ? { personal: text.youMarkedRead(dayInWords(view.markedReadOn, text)) } : {}),
      },
      text,
    );
  return {
    meetingReminder: (view) => asActivity(meetingReminderCard(context(view, shared), shared)),
    agendaCall: (view) => asActivity(agendaCallCard(context(view, shared), shared)),
    reading: (view) => asActivity(reading(view, shared)),
    readingFor: (view, language) => reading(view, reminderTexts(language)),
    milestoneReminder: (view) => asActivity(milestoneCard(context(view, shared), shared)),
  };
}
