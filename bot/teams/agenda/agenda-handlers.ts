import type { TurnContext } from 'botbuilder';
import { BadRequestError, NotFoundError } from '../../domain/errors.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { agendaTexts } from '../../i18n/agenda.js';
import { languageOf } from '../../i18n/index.js';
import { resolveAccess } from '../../use-cases/access.js';
import type { AgendaDeps } from '../../use-cases/agenda/agenda-deps.js';
import { findMeeting } from '../../use-cases/agenda/meeting.js';
import { submitItem } from '../../use-cases/agenda/submit-item.js';
import type { BroadcastDeps } from '../../use-cases/broadcasts/broadcast-deps.js';
import { acknowledgeBroadcast } from '../../use-cases/broadcasts/manage-broadcasts.js';
import { currentPlan } from '../../use-cases/read-plan.js';
import type { CardActionHandler, ChatCommand } from '../extensions.js';
import { principalOf } from '../planpuls-bot.js';
import { renderAgendaSubmitCard } from './agenda-cards.js';

const textsOf = (context: TurnContext) => agendaTexts(languageOf(context.activity.locale));

/** `sak-send`: an item submitted from the card; deadline and roles are checked on the server. */
export function submitItemAction(deps: AgendaDeps): CardActionHandler {
  return {
    verb: 'sak-send',
    async handle(context, data) {
      const text = textsOf(context);
      const access = await resolveAccess(deps.access, principalOf(context));
      try {
        const item = await submitItem(deps, access, String(data.eventId ?? ''), data);
        return { message: text.submitted(item.title) };
      } catch (error) {
        // Refusals (late, invalid, unknown meeting) are answers for the person, in Norwegian.
        if (error instanceof BadRequestError || error instanceof NotFoundError)
          return { message: error.message };
        throw error;
      }
    },
  };
}

/** `broadcast-lest`: "Lest" on a broadcast's reading assignment. */
export function acknowledgeAction(deps: BroadcastDeps): CardActionHandler {
  return {
    verb: 'broadcast-lest',
    async handle(context, data) {
      const text = textsOf(context);
      const ok = await acknowledgeBroadcast(deps, principalOf(context), String(data.broadcastId ?? ''));
      return { message: ok ? text.acknowledged : text.unknownBroadcast };
    },
  };
}

/** `sak`: the submit-item card for the next meeting of the network this channel is linked to. */
export function sakCommand(deps: AgendaDeps): ChatCommand {
  const nb = agendaTexts('nb');
  const en = agendaTexts('en');
  return {
    words: { sak: 'nb', item: 'en' },
    help: { nb: nb.commandHelp, en: en.commandHelp },
    async handle(context, _args, _text, language) {
      // The command word says the language (`sak` → nb, `item` → en); else the client's locale.
      const text = language ? agendaTexts(language) : textsOf(context);
      const activity = context.activity;
      if (activity.conversation.conversationType === 'personal') return text.useInChannel;
      const conversationId = activity.conversation.id.split(';')[0]!;
      const networks = (await deps.links.all())
        .filter((l) => l.conversationId === conversationId && l.target.kind === 'programme')
        .map((l) => l.target.id);
      const stored = await currentPlan(deps.read);
      const today = localDate(deps.read.clock.now(), deps.read.timeZone);
      const next = stored?.plan.calendar
        .filter((e) => networks.includes(e.programme) && e.date >= today)
        .sort((a, b) => a.date.localeCompare(b.date))[0];
      if (!next) return text.noLinkedMeeting;
      const meeting = await findMeeting(deps.read, next.id);
      const card = renderAgendaSubmitCard(text, {
        eventId: next.id,
        title: next.title,
        date: next.date,
        deadline: meeting.deadline,
      });
      return {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      };
    },
  };
}
