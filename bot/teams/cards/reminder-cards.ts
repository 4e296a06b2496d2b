import { isoWeekOf } from '../../domain/calendar/iso-week.js';
import type { CalendarEvent } from '../../domain/plan/plan-schema.js';
import type { ReminderTexts } from '../../i18n/reminders.js';
import meetingTemplate from './meeting-reminder.json' with { type: 'json' };
import readingTemplate from './reading-assignment.json' with { type: 'json' };
import { renderCard } from './render-card.js';
import { titleWithProgramme } from '../../domain/plan/event-name.js';

type Fact = { title: string; value: string };

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

/** Teams refreshes a card for at most 60 users (Universal Actions `refresh.userIds`). */
export const MAX_REFRESH_USERS = 60;

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

export function meetingReminderCard(ctx: EventCardContext, text: ReminderTexts): Record<string, unknown> {
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
  return renderCard(meetingTemplate, data);
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
): Record<string, unknown> {
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
  const card = renderCard(readingTemplate, data);
  // No readers, no refresh: an empty userIds would offer everyone a manual «Refresh card».
  const readers = (ctx.readerIds ?? []).slice(-MAX_REFRESH_USERS);
  if (readers.length === 0) return card;
  return {
    ...card,
    refresh: {
      action: {
        type: 'Action.Execute',
        title: text.markRead,
        verb: 'lest-vis',
        data: { verb: 'lest-vis', messageId: ctx.messageId },
      },
      userIds: readers,
    },
  };
}

export function asActivity(card: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
