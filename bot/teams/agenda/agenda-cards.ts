import type { AgendaItem } from '../../domain/agenda/agenda-item.js';
import type { TimeSlot } from '../../domain/plan/plan-schema.js';
import type { AgendaTexts } from '../../i18n/agenda.js';
import type { AgendaView } from '../../use-cases/agenda/agenda-deps.js';
import type { Broadcast } from '../../use-cases/broadcasts/broadcast-repository.js';
import {
  adaptiveCard,
  container,
  execute,
  factSet,
  heading,
  openUrl,
  textBlock,
  when,
  type AdaptiveCard,
} from '../cards/elements.js';

/** What the item form says and does: submit a new item, or change one at the version shown. */
export interface AgendaSubmitCardData {
  title: string;
  intro: string;
  titleLabel: string;
  descriptionLabel: string;
  presenterLabel: string;
  minutesLabel: string;
  submit: string;
  verb: 'sak-send' | 'sak-lagre';
  actionData: Record<string, string | number | boolean>;
  values: { title: string; description: string; presenter: string; minutes: number };
  titleRequired: string;
  /** Why the last press was refused, shown above the button; empty when it was not. */
  error: string;
}

/** A meeting as the item cards name it. */
export interface ItemCardMeeting {
  eventId: string;
  title: string;
  date: string;
  deadline: string;
}

/**
 * The form to submit an item, or with `item`, to change it (verb `sak-lagre`, carrying its
 * version). `acceptLate` asks to take an item in after the deadline; the server honours it only
 * from the meeting's coordinator or an admin.
 */
export function renderAgendaSubmitCard(
  text: AgendaTexts,
  meeting: ItemCardMeeting,
  item?: AgendaItem,
  options: { acceptLate?: boolean; typed?: Record<string, unknown>; error?: string } = {},
): AdaptiveCard {
  // A refused press gives the form back with what the person typed, so nothing is lost.
  const typed = (key: string) =>
    typeof options.typed?.[key] === 'string' ? String(options.typed[key]) : undefined;
  const typedMinutes = Number(options.typed?.minutes);
  const date = text.date(meeting.date);
  const data: AgendaSubmitCardData = {
    title: item ? text.editTitle(meeting.title, date) : text.submitTitle(meeting.title, date),
    intro: text.submitIntro(text.date(meeting.deadline)),
    titleLabel: text.titleLabel,
    descriptionLabel: text.descriptionLabel,
    presenterLabel: text.presenterLabel,
    minutesLabel: text.minutesLabel,
    submit: item ? text.save : text.submit,
    verb: item ? 'sak-lagre' : 'sak-send',
    actionData: item
      ? { verb: 'sak-lagre', eventId: meeting.eventId, itemId: item.id, version: item.version }
      : { verb: 'sak-send', eventId: meeting.eventId, ...(options.acceptLate ? { acceptLate: true } : {}) },
    values: {
      title: typed('title') ?? item?.title ?? '',
      description: typed('description') ?? item?.description ?? '',
      presenter: typed('presenter') ?? item?.presenter ?? '',
      minutes: Number.isFinite(typedMinutes) && typedMinutes > 0 ? typedMinutes : (item?.minutes ?? 15),
    },
    titleRequired: text.titleRequired,
    error: options.error ?? '',
  };
  return agendaSubmitCard(data);
}

export function agendaSubmitCard(data: AgendaSubmitCardData): AdaptiveCard {
  const { values } = data;
  return adaptiveCard(
    [
      heading(data.title),
      textBlock(data.intro, { wrap: true, isSubtle: true }),
      {
        type: 'Input.Text',
        id: 'title',
        label: data.titleLabel,
        isRequired: true,
        maxLength: 200,
        errorMessage: data.titleRequired,
        value: values.title,
      },
      {
        type: 'Input.Text',
        id: 'description',
        label: data.descriptionLabel,
        isMultiline: true,
        maxLength: 4000,
        value: values.description,
      },
      {
        type: 'Input.Text',
        id: 'presenter',
        label: data.presenterLabel,
        maxLength: 200,
        value: values.presenter,
      },
      {
        type: 'Input.Number',
        id: 'minutes',
        label: data.minutesLabel,
        min: 1,
        max: 240,
        value: values.minutes,
      },
      ...when(data.error, textBlock(data.error, { wrap: true, color: 'Attention', weight: 'Bolder' })),
    ],
    [execute(data.submit, data.verb, data.actionData)],
  );
}

export interface AgendaItemCardData {
  notice: string;
  heading: string;
  meeting: string;
  facts: { title: string; value: string }[];
  description: string;
  hint: string;
  mayChange: boolean;
  edit: string;
  withdraw: string;
  editData: Record<string, string | number>;
  withdrawData: Record<string, string | number>;
}

/**
 * The submitter's card for one item: what was stored, and while she may still change it,
 * «Endre» (`sak-endre`) and «Trekk tilbake» (`sak-trekk`) carrying the version shown.
 */
export function renderAgendaItemCard(
  text: AgendaTexts,
  view: { meeting: ItemCardMeeting; item: AgendaItem; heading: string; notice?: string; mayChange: boolean },
): AdaptiveCard {
  const { meeting, item } = view;
  const ids = { eventId: meeting.eventId, itemId: item.id, version: item.version };
  const data: AgendaItemCardData = {
    notice: view.notice ?? '',
    heading: view.heading,
    meeting: text.itemFor(meeting.title, text.date(meeting.date)),
    facts: [
      { title: text.titleLabel, value: item.title },
      ...(item.presenter ? [{ title: text.presenterLabel, value: item.presenter }] : []),
      { title: text.minutesLabel, value: text.minutes(item.minutes) },
      { title: text.statusLabel, value: text.statuses[item.status] },
    ],
    description: item.description,
    hint: view.mayChange ? text.changeUntil(text.date(meeting.deadline)) : '',
    mayChange: view.mayChange,
    edit: text.edit,
    withdraw: text.withdraw,
    editData: { verb: 'sak-endre', ...ids },
    withdrawData: { verb: 'sak-trekk', ...ids },
  };
  return agendaItemCard(data);
}

export function agendaItemCard(data: AgendaItemCardData): AdaptiveCard {
  return adaptiveCard(
    [
      ...when(data.notice, textBlock(data.notice, { wrap: true, color: 'Attention', weight: 'Bolder' })),
      heading(data.heading),
      textBlock(data.meeting, { wrap: true, isSubtle: true, spacing: 'None' }),
      factSet(data.facts),
      ...when(data.description, textBlock(data.description, { wrap: true })),
      ...when(data.hint, textBlock(data.hint, { wrap: true, isSubtle: true })),
    ],
    data.mayChange
      ? [
          execute(data.edit, 'sak-endre', data.editData),
          execute(data.withdraw, 'sak-trekk', data.withdrawData, { style: 'destructive' }),
        ]
      : [],
  );
}

export interface AgendaCardData {
  title: string;
  /** When and where the meeting is; empty facts are left out. */
  facts: { title: string; value: string }[];
  updated: string;
  empty: string;
  items: { number: number; title: string; description: string; meta: string }[];
}

export function renderAgendaCard(text: AgendaTexts, view: AgendaView): AdaptiveCard {
  const data: AgendaCardData = {
    title: text.agendaTitle(view.meeting, text.date(view.date)),
    facts: [
      ...(view.slots?.length ? [{ title: text.timeLabel, value: slotsText(view.slots) }] : []),
      ...(view.location ? [{ title: text.placeLabel, value: view.location }] : []),
    ],
    updated: view.updatedAt ? text.updated(view.updatedAt) : '',
    empty: text.noItems,
    items: view.items.map((item, index) => ({
      number: index + 1,
      title: item.title,
      description: item.description,
      meta: [item.presenter ? text.presenter(item.presenter) : '', text.minutes(item.minutes)]
        .filter(Boolean)
        .join(' · '),
    })),
  };
  return agendaCard(data);
}

export function agendaCard(data: AgendaCardData): AdaptiveCard {
  return adaptiveCard([
    heading(data.title),
    ...when(data.facts.length > 0, factSet(data.facts)),
    ...when(data.updated, textBlock(data.updated, { wrap: true, color: 'Attention', weight: 'Bolder' })),
    ...when(data.items.length === 0, textBlock(data.empty, { wrap: true, isSubtle: true })),
    ...data.items.map((item) =>
      container(
        [
          textBlock(`${item.number}. ${item.title}`, { weight: 'Bolder', wrap: true }),
          ...when(item.description, textBlock(item.description, { wrap: true })),
          textBlock(item.meta, { wrap: true, isSubtle: true, spacing: 'None' }),
        ],
        { separator: true },
      ),
    ),
  ]);
}

/** «09:00–11:30 Del 1, 12:15–14:00»: every slot of the day, with its label. */
function slotsText(slots: readonly TimeSlot[]): string {
  return slots.map((s) => `${s.start}${s.end ? `–${s.end}` : ''}${s.label ? ` ${s.label}` : ''}`).join(', ');
}

export interface BroadcastCardData {
  label: string;
  title: string;
  /** The text's paragraphs, one TextBlock each; a line break inside one is Teams' "\n\n". */
  paragraphs: string[];
  reading: string;
  readingLabel: string;
  link: string;
  openLink: string;
  markRead: string;
  broadcastId: string;
}

export function renderBroadcastCard(
  text: AgendaTexts,
  broadcast: Broadcast,
  options: { preview: boolean },
): AdaptiveCard {
  const data: BroadcastCardData = {
    label: options.preview ? text.preview : '',
    title: broadcast.title,
    paragraphs: paragraphsOf(broadcast.text),
    reading: broadcast.reading ?? '',
    readingLabel: text.reading,
    link: broadcast.link ?? '',
    openLink: text.openLink,
    markRead: text.markRead,
    broadcastId: broadcast.id,
  };
  return broadcastCard(data);
}

export function broadcastCard(data: BroadcastCardData): AdaptiveCard {
  return adaptiveCard(
    [
      ...when(data.label, textBlock(data.label, { wrap: true, color: 'Attention', weight: 'Bolder' })),
      heading(data.title),
      ...data.paragraphs.map((p) => textBlock(p, { wrap: true, spacing: 'Medium' })),
      ...when(
        data.reading,
        container(
          [
            textBlock(data.readingLabel, { weight: 'Bolder', wrap: true }),
            textBlock(data.reading, { wrap: true }),
          ],
          { style: 'emphasis' },
        ),
      ),
    ],
    [
      ...when(data.link, openUrl(data.openLink, data.link)),
      ...when(data.reading, execute(data.markRead, 'broadcast-lest', { broadcastId: data.broadcastId })),
    ],
  );
}

/**
 * Paragraphs as separate TextBlocks: new Teams shows "\n\n" inside one TextBlock as a bare line
 * break, so the blank line between paragraphs would vanish. Within a paragraph each line is kept
 * ("\n" alone is no line break in TextBlock markdown).
 */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => {
      const lines = p
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.trim());
      // Items of one list stay one list: "\n" between them, as Teams' list markdown wants.
      return lines
        .map(
          (line, i) =>
            (i === 0 ? '' : LIST_ITEM.test(line) && LIST_ITEM.test(lines[i - 1]!) ? '\n' : '\n\n') + line,
        )
        .join('');
    })
    .filter((p) => p.length > 0);
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+\.)\s/;

/** A card as a message activity, as the outbox posts it. */
export function cardActivity(card: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
