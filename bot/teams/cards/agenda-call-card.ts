import type { ReminderTexts } from '../../i18n/reminders.js';
import { adaptiveCard, factSet, openUrl, textBlock, when, type AdaptiveCard } from './elements.js';
import {
  eventCardTop,
  eventUrls,
  formatEventDate,
  slotsText,
  submitItemActions,
  type EventCardContext,
} from './reminder-cards.js';
import { titleWithProgramme } from '../../domain/plan/event-name.js';

/** What the call for agenda items («Innmelding av saker til …») shows. */
export interface AgendaCallCardData {
  heading: string;
  /** Empty, or "Flyttet til …" / "Avlyst." after the meeting changed. */
  status: string;
  lateNotice: string;
  /** «Frist for å melde inn saker: tirsdag 3. mars». */
  deadline: string;
  intro: string;
  facts: { title: string; value: string }[];
  /** The plan's own wording of the deadline rule, when it has one. */
  ruleText: string;
  /** «Meld inn sak», or empty when the meeting takes no more items (cancelled). */
  submitItem: string;
  itemData: { verb: 'sak-ny'; eventId: string };
  openInPlanpuls: string;
  tabUrl: string;
}

/** `2026-03-03` → `tirsdag 3. mars` (or `Tuesday 3 March`): a deadline close enough to need no year. */
export function formatDeadline(date: string, text: Pick<ReminderTexts, 'locale'>): string {
  return new Intl.DateTimeFormat(text.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

export function renderAgendaCallCard(data: AgendaCallCardData): AdaptiveCard {
  return adaptiveCard(
    [
      ...eventCardTop(data),
      textBlock(data.deadline, { wrap: true, weight: 'Bolder' }),
      textBlock(data.intro, { wrap: true }),
      factSet(data.facts),
      ...when(data.ruleText, textBlock(data.ruleText, { wrap: true, isSubtle: true })),
    ],
    [...submitItemActions(data), openUrl(data.openInPlanpuls, data.tabUrl)],
  );
}

/**
 * The call for agenda items of a meeting: the meeting, the item deadline named, and «Meld inn
 * sak» (the same `sak-ny` action as on the meeting reminder) while the meeting takes items.
 */
export function agendaCallCard(
  ctx: EventCardContext & { itemDeadline: string },
  text: ReminderTexts,
): AdaptiveCard {
  const { event } = ctx;
  const rule = event.rules.find((r) => r.kind === 'agenda-items-deadline');
  const data: AgendaCallCardData = {
    heading: text.agendaCallTitle(titleWithProgramme(event.title, ctx.programmeName)),
    status: ctx.status,
    lateNotice: ctx.late ? text.late : '',
    deadline: text.itemDeadline(formatDeadline(ctx.itemDeadline, text)),
    intro: text.agendaCallIntro,
    facts: [
      { title: text.meeting, value: `${event.title}, ${formatEventDate(event, text)}` },
      { title: text.time, value: slotsText(event, text) },
      ...(event.location ? [{ title: text.where, value: event.location }] : []),
      // «Saker meldes inn til rådgiver»: the rule names a role; this names who holds it.
      ...(ctx.contacts?.length ? [{ title: text.contact, value: ctx.contacts.join(', ') }] : []),
    ],
    ruleText: rule?.text ?? '',
    submitItem: ctx.itemsOpen ? text.submitItem : '',
    itemData: { verb: 'sak-ny', eventId: event.id },
    openInPlanpuls: text.openInPlanpuls,
    tabUrl: eventUrls(ctx).tabUrl,
  };
  return renderAgendaCallCard(data);
}
