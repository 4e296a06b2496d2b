import type { TurnContext } from 'botbuilder';
import { languageOf } from '../../i18n/index.js';
import { reminderTexts } from '../../i18n/reminders.js';
import type { AccessDeps } from '../../use-cases/access.js';
import { acknowledgeReading, showReading, type Reader } from '../../use-cases/reminders/acknowledge.js';
import { markReadingRead } from '../../use-cases/reminders/mark-read.js';
import { isTeamsUserId } from '../../use-cases/teams-user-ids.js';
import type { ReminderDeps } from '../../use-cases/reminders/reminder-deps.js';
import type { EventView } from '../../use-cases/read-plan.js';
import {
  meetingsOf,
  meetingsOfConversation,
  milestonesOf,
  openReadingsOf,
  type UpcomingDeps,
} from '../../use-cases/reminders/upcoming.js';
import { problem } from '../../domain/problems.js';
import { dateInWords } from '../../i18n/dates.js';
import { problemText } from '../../i18n/problems.js';
import { cardMessage } from '../card-message.js';
import { monthInWords } from '../cards/milestone-card.js';
import { MARK_READ_VERB, renderReadingListCard } from '../cards/reading-list-card.js';
import { formatEventDate } from '../cards/reminder-cards.js';
import type { CardActionHandler, ChatCommand } from '../extensions.js';
import { principalOf } from '../principal.js';
import { titleWithProgramme } from '../../domain/plan/event-name.js';

/** Who pressed, with their Teams id (the refresh of the reading card names readers by it). */
function readerOf(context: TurnContext): Reader {
  const id = context.activity.from.id;
  return { ...principalOf(context), ...(isTeamsUserId(id) ? { teamsUserId: id } : {}) };
}

/** "Lest / utført" on a reading assignment. */
export const readAction = (deps: ReminderDeps) => readingAction('lest', deps, acknowledgeReading);

/** Teams refreshing a reading card for one reader (`refresh`, `trigger: automatic`): their own view. */
export const readingViewAction = (deps: ReminderDeps) => readingAction('lest-vis', deps, showReading);

/** A press on a reading card, answered with the presser's own view of it, in her language. */
function readingAction(verb: string, deps: ReminderDeps, run: typeof acknowledgeReading): CardActionHandler {
  return {
    verb,
    async handle(context, data) {
      const messageId = String(data.messageId ?? '');
      const language = languageOf(context.activity.locale);
      const result = await run(deps, readerOf(context), messageId, language);
      return result.ok ? { card: result.card } : { message: reminderTexts(language).unknownMessage };
    },
  };
}

/**
 * «Marker som lest» on a reading listed away from its card (the weekly digest, `lesing`), for
 * those who never got the card. The receipt goes through the card's own use case. From `lesing`'s
 * card the answer is that card again without the reading; from the digest a short message, so
 * the digest stays as it was.
 */
export function markReadAction(deps: ReminderDeps & { access: AccessDeps }): CardActionHandler {
  return {
    verb: MARK_READ_VERB,
    async handle(context, data) {
      const language = languageOf(context.activity.locale);
      const text = reminderTexts(language);
      const result = await markReadingRead(
        deps,
        readerOf(context),
        String(data.planKey ?? ''),
        String(data.eventId ?? ''),
      );
      const said = result.ok
        ? text.markedRead(result.title, dateInWords(result.readOn, language))
        : result.reason === 'not-out'
          ? problemText(problem('READING_NOT_OUT', { sendsOn: result.sendsOn }), language)
          : problemText(problem('READING_NOT_FOUND', {}), language);
      if (data.from !== 'lesing') return { message: said };
      const open = await openReadingsOf(deps, principalOf(context));
      return {
        card: renderReadingListCard({ readings: open, notice: { text: said, good: result.ok } }, text, (e) =>
          line(e, language),
        ),
      };
    },
  };
}

const MAX_LISTED = 5;

function line(event: EventView, locale: 'nb' | 'en'): string {
  const text = reminderTexts(locale);
  const time = event.slots[0]
    ? ` ${event.slots[0].start}${event.slots[0].end ? `–${event.slots[0].end}` : ''}`
    : '';
  return `- ${formatEventDate(event, text)}${time}: **${titleWithProgramme(event.title, event.programmeName)}**`;
}

/** "Hele kalenderen: …": the whole calendar, offered apart from what is the person's. */
function wholeCalendar(deps: { publicUrl: string }, language: 'nb' | 'en'): string {
  const text = reminderTexts(language);
  return `${text.wholeCalendar}: [${text.calendarLink}](${deps.publicUrl}/tab?view=kalender)`;
}

function listed(names: readonly string[], language: 'nb' | 'en'): string {
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : 'nb-NO', { type: 'conjunction' }).format(names);
}

/**
 * `neste`: in a channel or group chat linked to networks, their meetings, named as theirs; else
 * the person's own meetings, and then the milestones a role of hers answers for. Never somebody else's as the person's; the whole calendar is a link.
 */
async function nextAnswer(
  deps: UpcomingDeps & { publicUrl: string },
  context: TurnContext,
  language: 'nb' | 'en',
) {
  const text = reminderTexts(language);
  const conversationId = context.activity.conversation.id.split(';')[0]!;
  const channel =
    context.activity.conversation.conversationType !== 'personal'
      ? await meetingsOfConversation(deps, conversationId)
      : undefined;
  const calendar = wholeCalendar(deps, language);
  if (channel) {
    const networks = listed(channel.networks, language);
    return channel.events.length === 0
      ? `${text.channelNothingNext(networks)}\n\n${calendar}`
      : `**${text.channelNextHeading(networks)}**\n\n${channel.events
          .slice(0, MAX_LISTED)
          .map((e) => line(e, language))
          .join('\n')}\n\n${calendar}`;
  }
  const mine = await meetingsOf(deps, principalOf(context));
  const milestones = await milestonesOf(deps, principalOf(context));
  const meetings =
    mine.length === 0
      ? text.nothingNext
      : `**${text.nextHeading}**\n\n${mine
          .slice(0, MAX_LISTED)
          .map((e) => line(e, language))
          .join('\n')}`;
  const due =
    milestones.length === 0
      ? ''
      : `\n\n**${text.milestonesHeading}**\n\n${milestones
          .slice(0, MAX_LISTED)
          .map((e) => milestoneLine(e, language))
          .join('\n')}`;
  return `${meetings}${due}\n\n${calendar}`;
}

/** «- i løpet av desember 2026: **Halvårlig rapportering …**», or its day when it has one. */
function milestoneLine(event: EventView, language: 'nb' | 'en'): string {
  const text = reminderTexts(language);
  const when = event.month ? text.sometimeIn(monthInWords(event.month, text)) : formatEventDate(event, text);
  return `- ${when}: **${event.title}**`;
}

export function reminderCommands(deps: ReminderDeps & { access: AccessDeps }): ChatCommand[] {
  const next: ChatCommand = {
    words: { neste: 'nb', next: 'en' },
    help: { nb: reminderTexts('nb').commands.next, en: reminderTexts('en').commands.next },
    async handle(context, _args, _messages, language = 'nb') {
      return nextAnswer(deps, context, language);
    },
  };
  const reading: ChatCommand = {
    words: { lesing: 'nb', reading: 'en' },
    help: { nb: reminderTexts('nb').commands.reading, en: reminderTexts('en').commands.reading },
    async handle(context, _args, _messages, language = 'nb') {
      const text = reminderTexts(language);
      const open = await openReadingsOf(deps, principalOf(context));
      const calendar = wholeCalendar(deps, language);
      if (open.length === 0) return `${text.nothingToRead}\n\n${calendar}`;
      // The list as text, as before, and under it a card with «Marker som lest» for each: for
      // those who never got the reading card (the digest only), the way to mark it read here.
      return {
        ...cardMessage(renderReadingListCard({ readings: open }, text, (e) => line(e, language))),
        text: `**${text.readingHeading}**\n\n${open.map((e) => `${line(e, language)}\n  ${e.reading}`).join('\n')}\n\n${calendar}`,
      };
    },
  };
  const calendar: ChatCommand = {
    words: { kalender: 'nb', calendar: 'en' },
    help: { nb: reminderTexts('nb').commands.calendar, en: reminderTexts('en').commands.calendar },
    async handle(_context, _args, _messages, language = 'nb') {
      return `[${reminderTexts(language).calendarLink}](${deps.publicUrl}/tab?view=kalender)`;
    },
  };
  return [next, reading, calendar];
}
