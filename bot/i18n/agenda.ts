import { dateInWords } from './dates.js';
import type { AgendaNotice } from '../domain/agenda/agenda-notice.js';
import type { Language } from './index.js';

/** Texts for agenda items, agendas and broadcasts: Norwegian bokmål first, then English. */
const nb = {
  locale: 'nb-NO',
  language: 'nb' as Language,
  /** A local date in words with the weekday: «tirsdag 15. desember 2026». */
  date: (date: string) => dateInWords(date, 'nb'),
  submitTitle: (meeting: string, date: string) => `Meld inn sak til ${meeting} ${date}`,
  submitIntro: (deadline: string) => `Fristen for å melde inn saker er ${deadline}.`,
  titleLabel: 'Tittel',
  titleRequired: 'Skriv en tittel på saken.',
  descriptionLabel: 'Beskrivelse',
  presenterLabel: 'Hvem legger fram',
  minutesLabel: 'Minutter',
  submit: 'Send inn sak',
  submitted: (title: string) => `Takk! Saken «${title}» er meldt inn.`,
  late: (deadline: string) =>
    `Fristen for å melde inn saker til dette møtet var ${deadline}. Be koordinatoren om å ta saken inn.`,
  noMeeting: 'Fant ikke møtet.',
  noLinkedMeeting:
    'Denne kanalen er ikke koblet til noe nettverk ennå. Skriv «@Planpuls koble» for å koble den.',
  noUpcomingMeeting: (networks: string) => `${networks} har ingen flere møter i planen.`,
  noMeetingTakesItems: (meeting: string, deadline: string) =>
    `Ingen møter i nettverkene til denne kanalen tar imot saker nå. Fristen for neste møte, ${meeting}, var ${deadline}; be koordinatoren om å ta saken inn.`,
  useInChannel: 'Skriv «sak» i kanalen til nettverket du vil melde inn sak til.',
  agendaTitle: (meeting: string, date: string) => `Saksliste: ${meeting} ${date}`,
  timeLabel: 'Tid',
  placeLabel: 'Sted',
  updated: (at: string) => `Oppdatert ${at}`,
  noItems: 'Ingen saker er meldt inn.',
  minutes: (n: number) => `${n} min`,
  presenter: (name: string) => `Legger fram: ${name}`,
  accepted: (title: string, meeting: string) =>
    `Saken din «${title}» er tatt inn på sakslisten til ${meeting}.`,
  declined: (title: string, meeting: string) =>
    `Saken din «${title}» er ikke tatt inn på sakslisten til ${meeting}.`,
  notCoordinator: 'Beklager, bare kommunalsjefen og koordinatoren for nettverket kan gjøre dette.',
  reading: 'Lesing',
  markRead: 'Lest',
  openLink: 'Åpne lenken',
  acknowledged: 'Takk, du er registrert som ferdig med lesingen.',
  unknownBroadcast: 'Fant ikke meldingen.',
  preview: 'Forhåndsvisning',
  itemFor: (meeting: string, date: string) => `Til ${meeting} ${date}`,
  edited: (title: string) => `Saken «${title}» er endret.`,
  withdrawn: (title: string) => `Saken «${title}» er trukket tilbake og står ikke på sakslisten.`,
  yourItem: (title: string) => `Saken «${title}»`,
  statusLabel: 'Status',
  statuses: {
    submitted: 'Meldt inn, ikke behandlet ennå',
    accepted: 'Tatt inn på sakslisten',
    declined: 'Ikke tatt inn på sakslisten',
    withdrawn: 'Trukket tilbake',
  },
  changeUntil: (deadline: string) => `Du kan endre eller trekke tilbake saken til og med ${deadline}.`,
  edit: 'Endre',
  withdraw: 'Trekk tilbake',
  save: 'Lagre endringene',
  editTitle: (meeting: string, date: string) => `Endre sak til ${meeting} ${date}`,
  itemChanged:
    'Saken ble endret av noen andre etter at du åpnet den. Ingenting er lagret; kortet er lastet på nytt, så du kan prøve igjen.',
  commandHelp: { name: 'sak', description: 'Meld inn en sak til nettverkets neste møte.' },
  /** Told in the submitter's personal chat when the coordinator handles her item. */
  notice: ({ what, item, meeting, date }: AgendaNotice): string => {
    const at = `${meeting} ${dateInWords(date, 'nb')}`;
    if (what === 'accepted') return `Saken din «${item}» er tatt inn på sakslisten til ${at}.`;
    if (what === 'declined') return `Saken din «${item}» er ikke tatt inn på sakslisten til ${at}.`;
    if (what === 'edited') return `Saken din «${item}» til ${at} er endret av koordinatoren.`;
    return `Saken din «${item}» er trukket fra sakslisten til ${at} av koordinatoren.`;
  },
};

export type AgendaTexts = typeof nb;

const en: AgendaTexts = {
  locale: 'en-GB',
  language: 'en',
  date: (date) => dateInWords(date, 'en'),
  submitTitle: (meeting, date) => `Submit an item for ${meeting} ${date}`,
  submitIntro: (deadline) => `The deadline for agenda items is ${deadline}.`,
  titleLabel: 'Title',
  titleRequired: 'Write a title for the item.',
  descriptionLabel: 'Description',
  presenterLabel: 'Who presents',
  minutesLabel: 'Minutes',
  submit: 'Submit item',
  submitted: (title) => `Thank you! The item “${title}” is submitted.`,
  late: (deadline) =>
    `The deadline for items for this meeting was ${deadline}. Ask the coordinator to take it in.`,
  noMeeting: 'Meeting not found.',
  noLinkedMeeting: 'This channel is not linked to a network yet. Write “@Planpuls link” to link it.',
  noUpcomingMeeting: (networks: string) => `${networks}: no more meetings in the plan.`,
  noMeetingTakesItems: (meeting: string, deadline: string) =>
    `No meeting of this channel's networks takes items now. The deadline for the next one, ${meeting}, was ${deadline}; ask the coordinator to take the item in.`,
  useInChannel: 'Write “item” in the channel of the network you want to submit an item to.',
  agendaTitle: (meeting, date) => `Agenda: ${meeting} ${date}`,
  timeLabel: 'Time',
  placeLabel: 'Place',
  updated: (at) => `Updated ${at}`,
  noItems: 'No items submitted.',
  minutes: (n) => `${n} min`,
  presenter: (name) => `Presented by: ${name}`,
  accepted: (title, meeting) => `Your item “${title}” is on the agenda of ${meeting}.`,
  declined: (title, meeting) => `Your item “${title}” was not taken onto the agenda of ${meeting}.`,
  notCoordinator: 'Sorry, only the kommunalsjef and the network coordinator can do this.',
  reading: 'Reading',
  markRead: 'Read',
  openLink: 'Open the link',
  acknowledged: 'Thank you, you are marked as done reading.',
  unknownBroadcast: 'Message not found.',
  preview: 'Preview',
  itemFor: (meeting, date) => `For ${meeting} ${date}`,
  edited: (title) => `The item “${title}” is changed.`,
  withdrawn: (title) => `The item “${title}” is withdrawn and is not on the agenda.`,
  yourItem: (title) => `The item “${title}”`,
  statusLabel: 'Status',
  statuses: {
    submitted: 'Submitted, not decided yet',
    accepted: 'On the agenda',
    declined: 'Not on the agenda',
    withdrawn: 'Withdrawn',
  },
  changeUntil: (deadline) => `You can change or withdraw the item until ${deadline}.`,
  edit: 'Change',
  withdraw: 'Withdraw',
  save: 'Save changes',
  editTitle: (meeting, date) => `Change an item for ${meeting} ${date}`,
  itemChanged:
    'Someone else changed the item after you opened it. Nothing was saved; the card is reloaded so you can try again.',
  commandHelp: { name: 'item', description: "Submit an agenda item for the network's next meeting." },
  notice: ({ what, item, meeting, date }) => {
    const at = `${meeting} ${dateInWords(date, 'en')}`;
    if (what === 'accepted') return `Your item «${item}» is on the agenda of ${at}.`;
    if (what === 'declined') return `Your item «${item}» is not on the agenda of ${at}.`;
    if (what === 'edited') return `Your item «${item}» for ${at} was changed by the coordinator.`;
    return `Your item «${item}» was withdrawn from the agenda of ${at} by the coordinator.`;
  },
};

export function agendaTexts(language: Language): AgendaTexts {
  return language === 'en' ? en : nb;
}
