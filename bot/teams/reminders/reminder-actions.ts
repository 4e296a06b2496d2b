import type { TurnContext } from 'botbuilder';
import { localDate } from '../../domain/calendar/local-date.js';
import { personConcerned, reminderId } from '../../domain/reminders/reminder-rules.js';
import { reminderTexts } from '../../i18n/reminders.js';
import { resolveAccess, type AccessDeps } from '../../use-cases/access.js';
import { acknowledgeReading } from '../../use-cases/reminders/acknowledge.js';
import type { ReminderDeps } from '../../use-cases/reminders/reminder-deps.js';
import { listEvents, type EventView } from '../../use-cases/read-plan.js';
import { formatEventDate } from '../cards/reminder-cards.js';
import type { CardActionHandler, ChatCommand } from '../extensions.js';
import { principalOf } from '../planpuls-bot.js';
import { titleWithProgramme } from '../../domain/plan/event-name.js';

/** "Lest / utført" on a reading assignment. */
export function readAction(deps: ReminderDeps): CardActionHandler {
  return {
    verb: 'lest',
    async handle(context, data) {
      const result = await acknowledgeReading(deps, principalOf(context), String(data.messageId ?? ''));
      return result.ok ? { card: result.card } : { message: result.message };
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

/** Events ahead that concern this conversation: its linked networks, or in a personal chat, the person. */
async function upcomingFor(
  deps: ReminderDeps & { access: AccessDeps },
  context: TurnContext,
): Promise<EventView[]> {
  const today = localDate(deps.clock.now(), deps.timeZone);
  const events = await listEvents(
    { plans: deps.plans, clock: deps.clock, timeZone: deps.timeZone },
    { from: today },
  );
  const conversationId = context.activity.conversation.id.split(';')[0]!;
  if (context.activity.conversation.conversationType !== 'personal') {
    const linked = new Set(
      (await deps.links.all())
        .filter((l) => l.conversationId === conversationId && l.target.kind === 'programme')
        .map((l) => l.target.id),
    );
    return linked.size > 0
      ? events.filter((e) => [e.programme, ...e.alsoFor].some((p) => linked.has(p)))
      : events;
  }
  const access = await resolveAccess(deps.access, principalOf(context));
  const person = { roles: [...access.roles], networks: access.person?.networks ?? [] };
  const mine = events.filter((e) => personConcerned(person, e));
  return mine.length > 0 ? mine : events;
}

export function reminderCommands(deps: ReminderDeps & { access: AccessDeps }): ChatCommand[] {
  const next: ChatCommand = {
    words: { neste: 'nb', next: 'en' },
    help: {
      nb: { name: 'neste', description: 'De neste møtene for deg eller denne kanalen.' },
      en: { name: 'next', description: 'The next meetings for you or this channel.' },
    },
    async handle(context, _args, _messages, language = 'nb') {
      const text = reminderTexts(language);
      const events = (await upcomingFor(deps, context)).slice(0, MAX_LISTED);
      return events.length === 0
        ? text.nothingNext
        : `**${text.nextHeading}**\n\n${events.map((e) => line(e, language)).join('\n')}`;
    },
  };
  const reading: ChatCommand = {
    words: { lesing: 'nb', reading: 'en' },
    help: {
      nb: { name: 'lesing', description: 'Dine åpne lesebestillinger.' },
      en: { name: 'reading', description: 'Your open reading assignments.' },
    },
    async handle(context, _args, _messages, language = 'nb') {
      const text = reminderTexts(language);
      const me = principalOf(context).aadObjectId;
      const open: EventView[] = [];
      for (const event of await upcomingFor(deps, context)) {
        if (!event.reading) continue;
        const id = reminderId('reading-assignment', event.planKey, event.id);
        if (!(await deps.outbox.message(id))) continue; // not posted yet
        if (!(await deps.acks.when(id, me))) open.push(event);
      }
      return open.length === 0
        ? text.nothingToRead
        : `**${text.readingHeading}**\n\n${open.map((e) => `${line(e, language)}\n  ${e.reading}`).join('\n')}`;
    },
  };
  const calendar: ChatCommand = {
    words: { kalender: 'nb', calendar: 'en' },
    help: {
      nb: { name: 'kalender', description: 'Lenke til kalenderen i Planpuls.' },
      en: { name: 'calendar', description: 'A link to the calendar in Planpuls.' },
    },
    async handle(_context, _args, _messages, language = 'nb') {
      return `[${reminderTexts(language).calendarLink}](${deps.publicUrl}/tab?view=kalender)`;
    },
  };
  return [next, reading, calendar];
}
