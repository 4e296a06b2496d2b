import { isMilestone } from '../../domain/plan/milestone-entries.js';
import type { ReminderTexts } from '../../i18n/reminders.js';
import { adaptiveCard, factSet, openUrl, textBlock, when, type AdaptiveCard, type Fact } from './elements.js';
import { eventCardTop, eventUrls, formatEventDate, type EventCardContext } from './reminder-cards.js';

/** What a milestone reminder shows: not a meeting, so no time, place or agenda. */
export interface MilestoneCardData {
  heading: string;
  status: string;
  lateNotice: string;
  intro: string;
  facts: Fact[];
  description: string;
  addToCalendar: string;
  openInPlanpuls: string;
  icsUrl: string;
  tabUrl: string;
}

export function renderMilestoneCard(data: MilestoneCardData): AdaptiveCard {
  return adaptiveCard(
    [
      ...eventCardTop(data),
      textBlock(data.intro, { wrap: true, isSubtle: true }),
      factSet(data.facts),
      ...when(data.description, textBlock(data.description, { wrap: true })),
    ],
    [openUrl(data.addToCalendar, data.icsUrl), openUrl(data.openInPlanpuls, data.tabUrl)],
  );
}

/** «november 2020» (or «November 2020»). */
export function monthInWords(month: string, text: Pick<ReminderTexts, 'locale'>): string {
  return new Intl.DateTimeFormat(text.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/**
 * A milestone coming up, for the roles responsible: what is due, by when (its day, or «i løpet
 * av november 2020» when only the month is known), and who answers for it.
 */
export function milestoneCard(ctx: EventCardContext, text: ReminderTexts): AdaptiveCard {
  const { event } = ctx;
  const month = isMilestone(event) ? event.month : undefined;
  const responsible = event.participantsText ?? event.participants.join(', ');
  return renderMilestoneCard({
    heading: text.milestoneTitle(event.title),
    status: ctx.status,
    lateNotice: ctx.late ? text.late : '',
    intro: text.milestoneIntro,
    facts: [
      {
        title: text.milestoneDue,
        value: month ? text.sometimeIn(monthInWords(month, text)) : formatEventDate(event, text),
      },
      ...(responsible ? [{ title: text.responsible, value: responsible }] : []),
    ],
    description: event.description ?? '',
    addToCalendar: text.addToCalendar,
    openInPlanpuls: text.openInPlanpuls,
    ...eventUrls(ctx),
  });
}
