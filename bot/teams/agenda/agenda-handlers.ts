import type { TurnContext } from 'botbuilder';
import type { AgendaItem } from '../../domain/agenda/agenda-item.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { agendaTexts, type AgendaTexts } from '../../i18n/agenda.js';
import { languageOf } from '../../i18n/index.js';
import { errorText } from '../../i18n/problems.js';
import { resolveAccess, type Access } from '../../use-cases/access.js';
import type { AgendaDeps } from '../../use-cases/agenda/agenda-deps.js';
import {
  editItem,
  itemChangeVerdict,
  itemToChange,
  withdrawItem,
} from '../../use-cases/agenda/change-item.js';
import { findMeeting, mayRunAgenda, type Meeting } from '../../use-cases/agenda/meeting.js';
import { submitItem } from '../../use-cases/agenda/submit-item.js';
import type { BroadcastDeps } from '../../use-cases/broadcasts/broadcast-deps.js';
import { acknowledgeBroadcast } from '../../use-cases/broadcasts/manage-broadcasts.js';
import { currentPlan } from '../../use-cases/read-plan.js';
import type { CardActionHandler, CardActionReply, ChatCommand } from '../extensions.js';
import { principalOf } from '../principal.js';
import { renderAgendaItemCard, renderAgendaSubmitCard, type ItemCardMeeting } from './agenda-cards.js';

const textsOf = (context: TurnContext) => agendaTexts(languageOf(context.activity.locale));

const cardMeeting = (meeting: Meeting): ItemCardMeeting => ({
  eventId: meeting.event.id,
  title: meeting.event.title,
  date: meeting.event.date,
  deadline: meeting.deadline,
});

/** The item's card for the presser, with «Endre» and «Trekk tilbake» while she may use them. */
function itemReply(
  deps: AgendaDeps,
  access: Access,
  text: AgendaTexts,
  meeting: Meeting,
  item: AgendaItem,
  heading: string,
  notice?: string,
): CardActionReply {
  const mayChange = itemChangeVerdict(deps, access, meeting, item).kind === 'allowed';
  return {
    card: renderAgendaItemCard(text, {
      meeting: cardMeeting(meeting),
      item,
      heading,
      mayChange,
      ...(notice ? { notice } : {}),
    }),
  };
}

/**
 * Runs an item action. Refusals (late, not yours, invalid, unknown) are answers for the person;
 * a lost race answers with the item as it is now, the Norwegian "changed by someone else" note
 * on top, so the next press carries the current version.
 */
async function itemAction(
  deps: AgendaDeps,
  context: TurnContext,
  data: Record<string, unknown>,
  run: (access: Access, text: AgendaTexts, eventId: string, itemId: string) => Promise<CardActionReply>,
): Promise<CardActionReply> {
  const text = textsOf(context);
  const access = await resolveAccess(deps.access, principalOf(context));
  const eventId = String(data.eventId ?? '');
  const itemId = String(data.itemId ?? '');
  try {
    return await run(access, text, eventId, itemId);
  } catch (error) {
    if (error instanceof ConflictError) {
      const meeting = await findMeeting(deps.read, eventId);
      const now = (await deps.agenda.items(meeting.planKey, eventId)).find((i) => i.id === itemId);
      if (!now) return { message: text.itemChanged };
      return itemReply(deps, access, text, meeting, now, text.yourItem(now.title), text.itemChanged);
    }
    if (error instanceof BadRequestError || error instanceof NotFoundError || error instanceof ForbiddenError)
      return { message: errorText(error, text.language) };
    throw error;
  }
}

/** `sak-send`: an item submitted from the card; deadline and roles are checked on the server. */
export function submitItemAction(deps: AgendaDeps): CardActionHandler {
  return {
    verb: 'sak-send',
    handle: (context, data) =>
      itemAction(deps, context, data, async (access, text, eventId) => {
        try {
          const { meeting, item } = await submitItem(deps, access, eventId, data, {
            acceptLate: data.acceptLate === true,
          });
          return itemReply(deps, access, text, meeting, item, text.submitted(item.title));
        } catch (error) {
          if (!(error instanceof BadRequestError)) throw error;
          const meeting = await findMeeting(deps.read, eventId);
          return {
            card: renderAgendaSubmitCard(text, cardMeeting(meeting), undefined, {
              acceptLate: data.acceptLate === true,
              typed: data,
              error: errorText(error, text.language),
            }),
          };
        }
      }),
  };
}

/** `sak-endre`: the form to change an item, for its submitter until the deadline or the coordinator. */
export function editItemAction(deps: AgendaDeps): CardActionHandler {
  return {
    verb: 'sak-endre',
    handle: (context, data) =>
      itemAction(deps, context, data, async (access, text, eventId, itemId) => {
        const { meeting, item } = await itemToChange(deps, access, eventId, itemId, data.version);
        return { card: renderAgendaSubmitCard(text, cardMeeting(meeting), item) };
      }),
  };
}

/** `sak-lagre`: the changed item from that form, stored only if nobody changed it meanwhile. */
export function saveItemAction(deps: AgendaDeps): CardActionHandler {
  return {
    verb: 'sak-lagre',
    handle: (context, data) =>
      itemAction(deps, context, data, async (access, text, eventId, itemId) => {
        const { meeting, item } = await editItem(deps, access, eventId, itemId, data, data.version);
        return itemReply(deps, access, text, meeting, item, text.edited(item.title));
      }),
  };
}

/** `sak-trekk`: «Trekk tilbake»; the item leaves the agenda (and a published agenda is updated). */
export function withdrawItemAction(deps: AgendaDeps): CardActionHandler {
  return {
    verb: 'sak-trekk',
    handle: (context, data) =>
      itemAction(deps, context, data, async (access, text, eventId, itemId) => {
        const { meeting, item } = await withdrawItem(deps, access, eventId, itemId, data.version);
        return itemReply(deps, access, text, meeting, item, text.withdrawn(item.title));
      }),
  };
}

/**
 * `sak-ny`: «Meld inn sak» on a meeting reminder answers with the item form for that meeting,
 * as `sak` does in the channel; after the deadline, with the deadline named (the coordinator
 * still gets the form, to take an item in late).
 */
export function newItemAction(deps: AgendaDeps): CardActionHandler {
  return {
    verb: 'sak-ny',
    handle: (context, data) =>
      itemAction(deps, context, data, async (access, text, eventId) => {
        const meeting = await findMeeting(deps.read, eventId);
        const today = localDate(deps.read.clock.now(), deps.read.timeZone);
        const late = today > meeting.deadline;
        if (late && !mayRunAgenda(access, meeting))
          return { message: text.late(text.date(meeting.deadline)) };
        return { card: renderAgendaSubmitCard(text, cardMeeting(meeting), undefined, { acceptLate: late }) };
      }),
  };
}

/** Every card action on agenda items. */
export function agendaItemActions(deps: AgendaDeps): CardActionHandler[] {
  return [
    newItemAction(deps),
    submitItemAction(deps),
    editItemAction(deps),
    saveItemAction(deps),
    withdrawItemAction(deps),
  ];
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
      const ahead = (stored?.plan.calendar ?? [])
        .filter((e) => networks.includes(e.programme) && e.date >= today)
        .sort((a, b) => a.date.localeCompare(b.date));
      if (networks.length === 0) return text.noLinkedMeeting;
      if (ahead.length === 0) {
        const names = networks.map((id) => stored?.plan.programmes.find((p) => p.id === id)?.name ?? id);
        return text.noUpcomingMeeting(
          new Intl.ListFormat(text.locale, { type: 'conjunction' }).format(names),
        );
      }
      // The next meeting that still takes items; a form whose deadline has passed is a dead end.
      const meetings = await Promise.all(ahead.map((e) => findMeeting(deps.read, e.id)));
      const meeting = meetings.find((m) => m.deadline >= today);
      if (!meeting) {
        const next = meetings[0]!;
        return text.noMeetingTakesItems(next.event.title, text.date(next.deadline));
      }
      const card = renderAgendaSubmitCard(text, cardMeeting(meeting));
      return {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      };
    },
  };
}
