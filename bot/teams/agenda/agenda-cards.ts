import { norwegianDate } from '../../domain/agenda/deadlines.js';
import type { AgendaTexts } from '../../i18n/agenda.js';
import type { AgendaView } from '../../use-cases/agenda/agenda-deps.js';
import type { Broadcast } from '../../use-cases/broadcasts/broadcast-repository.js';
import agendaTemplate from '../cards/agenda.json' with { type: 'json' };
import broadcastTemplate from '../cards/broadcast.json' with { type: 'json' };
import submitTemplate from '../cards/agenda-submit.json' with { type: 'json' };
import { renderCard } from '../cards/render-card.js';

export interface AgendaSubmitCardData {
  title: string;
  intro: string;
  titleLabel: string;
  descriptionLabel: string;
  presenterLabel: string;
  minutesLabel: string;
  submit: string;
  eventId: string;
}

export function renderAgendaSubmitCard(
  text: AgendaTexts,
  meeting: { eventId: string; title: string; date: string; deadline: string },
): Record<string, unknown> {
  const data: AgendaSubmitCardData = {
    title: text.submitTitle(meeting.title, norwegianDate(meeting.date)),
    intro: text.submitIntro(norwegianDate(meeting.deadline)),
    titleLabel: text.titleLabel,
    descriptionLabel: text.descriptionLabel,
    presenterLabel: text.presenterLabel,
    minutesLabel: text.minutesLabel,
    submit: text.submit,
    eventId: meeting.eventId,
  };
  return renderCard(submitTemplate, data);
}

export interface AgendaCardData {
  title: string;
  updated: string;
  empty: string;
  items: { number: number; title: string; description: string; meta: string }[];
}

export function renderAgendaCard(text: AgendaTexts, view: AgendaView): Record<string, unknown> {
  const data: AgendaCardData = {
    title: text.agendaTitle(view.meeting, norwegianDate(view.date)),
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
  return renderCard(agendaTemplate, data);
}

export interface BroadcastCardData {
  label: string;
  title: string;
  text: string;
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
): Record<string, unknown> {
  const data: BroadcastCardData = {
    label: options.preview ? text.preview : '',
    title: broadcast.title,
    text: broadcast.text,
    reading: broadcast.reading ?? '',
    readingLabel: text.reading,
    link: broadcast.link ?? '',
    openLink: text.openLink,
    markRead: text.markRead,
    broadcastId: broadcast.id,
  };
  return renderCard(broadcastTemplate, data);
}

/** A card as a message activity, as the outbox posts it. */
export function cardActivity(card: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
