import type { CommandHelp, Language } from './messages.js';

/** Texts of meeting reminders, reading assignments and the calendar commands, per language. */
export interface ReminderTexts {
  readonly reminderTitle: (title: string) => string;
  readonly readingTitle: (title: string) => string;
  readonly when: string;
  readonly time: string;
  readonly where: string;
  readonly who: string;
  readonly reading: string;
  readonly forMeeting: string;
  readonly late: string;
  readonly moved: (when: string) => string;
  readonly cancelled: string;
  readonly addToCalendar: string;
  readonly openInPlanpuls: string;
  /** The meeting reminder's button that opens the agenda item form. */
  readonly submitItem: string;
  /** The call for agenda items: heading, what it asks, the deadline named, the meeting fact. */
  readonly agendaCallTitle: (meeting: string) => string;
  readonly agendaCallIntro: string;
  readonly itemDeadline: (date: string) => string;
  readonly meeting: string;
  readonly deadlineChanged: string;
  /** On a call for items after the deadline, in place of «Meld inn sak». */
  readonly itemsClosed: string;
  readonly markRead: string;
  /** «Marker som lest» away from the reading card: the digest, `lesing`, the tab. */
  readonly markAsRead: string;
  readonly markedRead: (title: string, day: string) => string;
  readonly readCount: (read: number, of: number) => string;
  readonly youMarkedRead: (date: string) => string;
  readonly unknownMessage: string;
  /** `neste` for a person: their own meetings, or that they have none. */
  readonly nextHeading: string;
  readonly nothingNext: string;
  /** `neste` in a channel linked to networks (named): their meetings, or that they have none. */
  readonly channelNextHeading: (networks: string) => string;
  readonly channelNothingNext: (networks: string) => string;
  /** `neste` for a person: the milestones a role of hers answers for, apart from the meetings. */
  readonly milestonesHeading: string;
  /** Labels the link to the whole calendar, offered apart from what is the person's. */
  readonly wholeCalendar: string;
  readonly readingHeading: string;
  readonly nothingToRead: string;
  readonly calendarLink: string;
  /** How the help card lists `neste`, `lesing` and `kalender`. */
  readonly commands: Readonly<Record<'next' | 'reading' | 'calendar', CommandHelp>>;
  readonly allDay: string;
  readonly week: (n: number) => string;
  readonly locale: string;
  /** The milestone reminder: heading, what it is (not a meeting), its month, who answers for it. */
  readonly milestoneTitle: (title: string) => string;
  readonly milestoneIntro: string;
  readonly milestoneDue: string;
  readonly sometimeIn: (month: string) => string;
  readonly responsible: string;
  /** Whom to contact about the meeting: the people who hold the coordinating role in Planpuls. */
  readonly contact: string;
}

const nb: ReminderTexts = {
  reminderTitle: (title) => `Påminnelse: ${title}`,
  readingTitle: (title) => `Lesebestilling: ${title}`,
  when: 'Når',
  time: 'Tid',
  where: 'Sted',
  who: 'Deltakere',
  reading: 'Lesebestilling/oppgave',
  forMeeting: 'Til møtet',
  late: 'Denne påminnelsen kommer sent fordi Planpuls var nede.',
  moved: (when) => `Flyttet til ${when}.`,
  cancelled: 'Avlyst.',
  addToCalendar: 'Legg i kalender',
  openInPlanpuls: 'Åpne i Planpuls',
  submitItem: 'Meld inn sak',
  agendaCallTitle: (meeting) => `Innmelding av saker til ${meeting}`,
  agendaCallIntro:
    'Har du en sak til møtet? Meld den inn før fristen, så kan koordinatoren ta den med på sakslisten.',
  itemDeadline: (date) => `Frist for å melde inn saker: ${date}`,
  meeting: 'Møte',
  deadlineChanged: 'Fristen er endret.',
  itemsClosed: 'Fristen for å melde inn saker er ute. Be koordinatoren om å ta en sak inn.',
  markRead: 'Lest / utført',
  markAsRead: 'Marker som lest',
  markedRead: (title, day) => `Takk! «${title}» er markert som lest ${day}.`,
  readCount: (read, of) => (of > 0 ? `${read} av ${of} har lest` : `${read} har lest`),
  youMarkedRead: (date) => `Du markerte dette som lest ${date}.`,
  unknownMessage: 'Fant ikke lesebestillingen. Den kan være trukket tilbake.',
  nextHeading: 'Dine neste møter og hendelser',
  nothingNext: 'Du har ingen møter eller hendelser fremover i nettverkene dine.',
  channelNextHeading: (networks) => `Neste møter i ${networks} (koblet til denne kanalen)`,
  channelNothingNext: (networks) => `Ingen møter fremover i ${networks} (koblet til denne kanalen).`,
  milestonesHeading: 'Milepæler du har ansvar for',
  wholeCalendar: 'Hele kalenderen',
  readingHeading: 'Dine åpne lesebestillinger',
  nothingToRead: 'Du har ingen åpne lesebestillinger.',
  calendarLink: 'Kalenderen i Planpuls',
  commands: {
    next: { name: 'neste', description: 'De neste møtene for deg eller denne kanalen.' },
    reading: { name: 'lesing', description: 'Dine åpne lesebestillinger.' },
    calendar: { name: 'kalender', description: 'Lenke til kalenderen i Planpuls.' },
  },
  allDay: 'hele dagen',
  week: (n) => `uke ${n}`,
  locale: 'nb-NO',
  milestoneTitle: (title) => `Milepæl: ${title}`,
  milestoneIntro: 'En milepæl i utviklingsplanen, ikke et møte: dette skal være gjort innen fristen.',
  milestoneDue: 'Frist',
  sometimeIn: (month) => `i løpet av ${month}`,
  responsible: 'Ansvarlig',
  contact: 'Kontakt',
};

const en: ReminderTexts = {
  reminderTitle: (title) => `Reminder: ${title}`,
  readingTitle: (title) => `Reading assignment: ${title}`,
  when: 'When',
  time: 'Time',
  where: 'Where',
  who: 'Participants',
  reading: 'Reading assignment',
  forMeeting: 'For the meeting',
  late: 'This reminder comes late because Planpuls was down.',
  moved: (when) => `Moved to ${when}.`,
  cancelled: 'Cancelled.',
  addToCalendar: 'Add to calendar',
  openInPlanpuls: 'Open in Planpuls',
  submitItem: 'Submit an agenda item',
  agendaCallTitle: (meeting) => `Call for agenda items: ${meeting}`,
  agendaCallIntro:
    'Do you have an item for the meeting? Submit it before the deadline so the coordinator can put it on the agenda.',
  itemDeadline: (date) => `Deadline for agenda items: ${date}`,
  meeting: 'Meeting',
  deadlineChanged: 'The deadline has changed.',
  itemsClosed: 'The deadline for agenda items has passed. Ask the coordinator to take an item in.',
  markRead: 'Read / done',
  markAsRead: 'Mark as read',
  markedRead: (title, day) => `Thank you! “${title}” is marked as read on ${day}.`,
  readCount: (read, of) => (of > 0 ? `${read} of ${of} have read` : `${read} have read`),
  youMarkedRead: (date) => `You marked this as read on ${date}.`,
  unknownMessage: 'The reading assignment was not found. It may have been withdrawn.',
  nextHeading: 'Your next meetings and events',
  nothingNext: 'You have no meetings or events ahead in your networks.',
  channelNextHeading: (networks) => `Next meetings of ${networks} (linked to this channel)`,
  channelNothingNext: (networks) => `No meetings ahead of ${networks} (linked to this channel).`,
  milestonesHeading: 'Milestones you are responsible for',
  wholeCalendar: 'The whole calendar',
  readingHeading: 'Your open reading assignments',
  nothingToRead: 'You have no open reading assignments.',
  calendarLink: 'The calendar in Planpuls',
  commands: {
    next: { name: 'next', description: 'The next meetings for you or this channel.' },
    reading: { name: 'reading', description: 'Your open reading assignments.' },
    calendar: { name: 'calendar', description: 'A link to the calendar in Planpuls.' },
  },
  allDay: 'all day',
  week: (n) => `week ${n}`,
  locale: 'en-GB',
  milestoneTitle: (title) => `Milestone: ${title}`,
  milestoneIntro: 'A milestone of the development plan, not a meeting: this is to be done by then.',
  milestoneDue: 'Due',
  sometimeIn: (month) => `during ${month}`,
  responsible: 'Responsible',
  contact: 'Contact',
};

export function reminderTexts(language: Language): ReminderTexts {
  return language === 'en' ? en : nb;
}
