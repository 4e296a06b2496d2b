import { isoWeekOf } from '../../domain/calendar/iso-week.js';
import type { CalendarEvent } from '../../domain/plan/plan-schema.js';
import type { ReminderTexts } from '../../i18n/reminders.js';
import { MAX_REFRESH_USERS } from '../../use-cases/teams-user-ids.js';
import {
  adaptiveCard,
  execute,
  factSet,
  heading,
  openUrl,
  refreshFor,
  textBlock,
  when,
  type AdaptiveCard,
  type Fact,
} from './elements.js';
import { titleWithProgramme } from '../../domain/plan/event-name.js';

export interface MeetingReminderCardData {
  heading: string;
  status: string;
  lateNotice: string;
  facts: Fact[];
  description: string;
  readingLabel: string;
  reading: string;
  addToCalendar: string;
  openInPlanpuls: string;
  icsUrl: string;
  tabUrl: string;
  /** «Meld inn sak», or empty while no more items are taken. */
  submitItem: string;
  itemData: { verb: 'sak-ny'; eventId: string };
}

export interface ReadingCardData {
  heading: string;
  status: string;
  lateNotice: string;
  reading: string;
  facts: Fact[];
  count: string;
  personal: string;
  markRead: string;
  openInPlanpuls: string;
  messageId: string;
  tabUrl: string;
}

/** What the cards need to know about an event and where it lives. */
export interface EventCardContext {
  readonly event: CalendarEvent;
  readonly programmeName: string;
  readonly planKey: string;
  readonly publicUrl: string;
  readonly late: boolean;
  /** Empty, or "Flyttet til …" / "Avlyst." after the event changed. */
  readonly status: string;
  /** The meeting still takes agenda items (its item deadline has not passed): «Meld inn sak» shows. */
  readonly itemsOpen?: boolean;
  /** Who holds the coordinating role in Planpuls, by name: whom to contact. */
  readonly contacts?: readonly string[];
}

export function formatEventDate(event: Pick<CalendarEvent, 'date' | 'endDate'>, text: ReminderTexts): string {
  const format = (date: string) =>
    new Intl.DateTimeFormat(text.locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T12:00:00Z`));
  const week = isoWeekOf(event.date).week;
  const range =
    event.endDate && event.endDate !== event.date
      ? `${format(event.date)} – ${format(event.endDate)}`
      : format(event.date);
  return `${range} (${text.week(week)})`;
}

export function slotsText(event: CalendarEvent, text: ReminderTexts): string {
  if (event.slots.length === 0) return text.allDay;
  return event.slots
    .map((s) => `${s.start}${s.end ? `–${s.end}` : ''}${s.label ? ` ${s.label}` : ''}`)
    .join(', ');
}

export function eventUrls(ctx: Pick<EventCardContext, 'publicUrl' | 'planKey' | 'event'>): {
  icsUrl: string;
  tabUrl: string;
} {
  const plan = encodeURIComponent(ctx.planKey);
  const id = encodeURIComponent(ctx.event.id);
  return {
    icsUrl: `${ctx.publicUrl}/api/events/${id}.ics?plan=${plan}`,
    tabUrl: `${ctx.publicUrl}/tab?view=kalender&event=${id}`,
  };
}

/** The top of every event card: its heading, what changed, and why it comes late. */
export function eventCardTop(data: { heading: string; status: string; lateNotice: string }) {
  return [
    heading(data.heading),
    ...when(data.status, textBlock(data.status, { wrap: true, color: 'Attention', weight: 'Bolder' })),
    ...when(data.lateNotice, textBlock(data.lateNotice, { wrap: true, isSubtle: true })),
  ];
}

/** «Meld inn sak» (`sak-ny`) while the meeting takes items: on the reminder and the call for items. */
export function submitItemActions(data: Pick<MeetingReminderCardData, 'submitItem' | 'itemData'>) {
  return when(data.submitItem, execute(data.submitItem, 'sak-ny', data.itemData));
}

export function renderMeetingReminderCard(data: MeetingReminderCardData): AdaptiveCard {
  return adaptiveCard(
    [
      ...eventCardTop(data),
      factSet(data.facts),
      ...when(data.description, textBlock(data.description, { wrap: true })),
      ...when(
        data.reading,
        textBlock(data.readingLabel, { weight: 'Bolder', wrap: true, spacing: 'Medium' }),
      ),
      ...when(data.reading, textBlock(data.reading, { wrap: true })),
    ],
    [
      ...submitItemActions(data),
      openUrl(data.addToCalendar, data.icsUrl),
      openUrl(data.openInPlanpuls, data.tabUrl),
    ],
  );
}

export function renderReadingCard(data: ReadingCardData): AdaptiveCard {
  return adaptiveCard(
    [
      ...eventCardTop(data),
      textBlock(data.reading, { wrap: true }),
      factSet(data.facts),
      textBlock(data.count, { wrap: true, isSubtle: true, spacing: 'Medium' }),
      ...when(data.personal, textBlock(data.personal, { wrap: true, color: 'Good' })),
    ],
    [
      execute(data.markRead, 'lest', { messageId: data.messageId }),
      openUrl(data.openInPlanpuls, data.tabUrl),
    ],
  );
}

export function meetingReminderCard(ctx: EventCardContext, text: ReminderTexts): AdaptiveCard {
  const { event } = ctx;
  const facts: Fact[] = [
    { title: text.when, value: formatEventDate(event, text) },
    { title: text.time, value: slotsText(event, text) },
    ...(event.location ? [{ title: text.where, value: event.location }] : []),
    ...(event.participantsText ? [{ title: text.who, value: event.participantsText }] : []),
  ];
  const data: MeetingReminderCardData = {
    heading: text.reminderTitle(titleWithProgramme(event.title, ctx.programmeName)),
    status: ctx.status,
    lateNotice: ctx.late ? text.late : '',
    facts,
    description: event.description ?? '',
    readingLabel: text.reading,
    reading: event.reading ?? '',
    addToCalendar: text.addToCalendar,
    openInPlanpuls: text.openInPlanpuls,
    ...eventUrls(ctx),
    submitItem: ctx.itemsOpen ? text.submitItem : '',
    itemData: { verb: 'sak-ny', eventId: event.id },
  };
  return renderMeetingReminderCard(data);
}

/**
 * The reading assignment with its read count. `personal`: the presser's own line ("Du markerte
 * dette som lest …"). `readerIds`: Teams ids of those who have read; Teams refreshes the card for
 * them (`lest-vis`) whenever it changes, so an update of the shared count keeps their line.
 */
export function readingCard(
  ctx: EventCardContext & {
    messageId: string;
    read: number;
    of: number;
    personal?: string;
    readerIds?: readonly string[];
  },
  text: ReminderTexts,
): AdaptiveCard {
  const { event } = ctx;
  const data: ReadingCardData = {
    heading: text.readingTitle(titleWithProgramme(event.title, ctx.programmeName)),
    status: ctx.status,
    lateNotice: ctx.late ? text.late : '',
    reading: event.reading ?? '',
    facts: [
      { title: text.forMeeting, value: `${event.title}, ${formatEventDate(event, text)}` },
      { title: text.time, value: slotsText(event, text) },
      ...(event.location ? [{ title: text.where, value: event.location }] : []),
    ],
    count: text.readCount(ctx.read, ctx.of),
    personal: ctx.personal ?? '',
    markRead: text.markRead,
    openInPlanpuls: text.openInPlanpuls,
    messageId: ctx.messageId,
    tabUrl: eventUrls(ctx).tabUrl,
  };
  const readers = (ctx.readerIds ?? []).slice(-MAX_REFRESH_USERS);
  return {
    ...renderReadingCard(data),
    ...refreshFor(readers, text.markRead, 'lest-vis', { messageId: ctx.messageId }),
  };
}

export function asActivity(card: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
