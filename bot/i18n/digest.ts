import type { DeadlineKind } from '../domain/digest/digest.js';
import type { NotificationChoice } from '../domain/people/notification-choice.js';
import type { CommandHelp, Language } from './messages.js';

/** Texts of the weekly digest and of the `varsler` choice, per language. */
export interface DigestTexts {
  readonly title: (week: number) => string;
  readonly titleFor: (week: number, name: string) => string;
  readonly intro: string;
  readonly thisWeek: (week: number) => string;
  readonly nextWeek: (week: number) => string;
  readonly noMeetings: string;
  readonly reading: string;
  readonly deadlines: string;
  readonly deadline: Readonly<Record<DeadlineKind, (title: string) => string>>;
  readonly news: string;
  readonly agendaPublished: (title: string) => string;
  readonly broadcast: (title: string) => string;
  readonly open: string;
  readonly changeChoice: string;
  /** «Marker som lest» on a reading in a person's digest, and from when it can be pressed. */
  readonly markAsRead: string;
  readonly readingFrom: (day: string) => string;
  /** The `varsler` card. */
  readonly choiceTitle: string;
  readonly choiceIntro: string;
  readonly choice: Readonly<Record<NotificationChoice, { title: string; description: string }>>;
  readonly current: (title: string) => string;
  readonly saved: (title: string) => string;
  /** After a save: what she gets now, in a sentence. */
  readonly willGet: Readonly<Record<NotificationChoice, string>>;
  readonly notKnown: (said: string) => string;
  readonly command: CommandHelp;
  readonly dayLocale: Language;
}

const nb: DigestTexts = {
  title: (week) => `Ukesoversikt uke ${week}`,
  titleFor: (week, name) => `Ukesoversikt uke ${week}: ${name}`,
  intro: 'Møter, frister og nytt denne uka og neste, samlet i én melding.',
  thisWeek: (week) => `Denne uka (uke ${week})`,
  nextWeek: (week) => `Neste uke (uke ${week})`,
  noMeetings: 'Ingen møter.',
  reading: 'Lesebestilling',
  deadlines: 'Frister',
  deadline: {
    'agenda-items': (title) => `Frist for å melde inn saker til ${title}`,
    report: (title) => `Frist: ${title}`,
    'local-plan-action': (title) => `Handling i lokal plan: ${title}`,
    milestone: (title) => `Milepæl: ${title}`,
  },
  news: 'Nytt siden forrige uke',
  agendaPublished: (title) => `Sakslisten til ${title} er sendt ut`,
  broadcast: (title) => `Melding: ${title}`,
  open: 'Åpne Planpuls',
  changeChoice: 'Endre varsler',
  markAsRead: 'Marker som lest',
  readingFrom: (day) => `Kan markeres som lest fra ${day}.`,
  choiceTitle: 'Varsler fra Planpuls',
  choiceIntro:
    'Velg hva Planpuls sender deg i personlig chat. Det som sendes i kanalene, endres ikke av valget ditt.',
  choice: {
    all: {
      title: 'Alle påminnelser',
      description: 'Påminnelser om møter, lesebestillinger og innmelding av saker når de kommer.',
    },
    digest: {
      title: 'Bare ukesoversikten',
      description:
        'Én melding på mandager når det er noe for deg denne uka eller neste: møter, frister og nytt. Uker uten noe gir ingen melding.',
    },
    needed: {
      title: 'Bare det som trenger meg',
      description: 'Rapportforespørsler og påminnelser om dine egne rapportfrister.',
    },
  },
  current: (title) => `Valgt nå: ${title}.`,
  saved: (title) => `Lagret. Du får nå: ${title}.`,
  willGet: {
    all: 'Påminnelser om møter, lesebestillinger og innmelding av saker kommer i chatten når de faller.',
    digest:
      'Ukesoversikten kommer på mandager når det er møter, frister eller nytt for deg denne uka eller neste; uker uten noe gir ingen melding. Lesebestillinger markerer du som lest med «Marker som lest» i oversikten, med «lesing» eller i Planpuls.',
    needed:
      'Rapportforespørsler og påminnelser om dine egne rapportfrister kommer i chatten; ellers ingenting.',
  },
  notKnown: (said) =>
    `Jeg kjenner ikke valget «${said}». Skriv «varsler alle», «varsler oversikt» eller «varsler nødvendig», eller trykk på en knapp.`,
  command: {
    name: 'varsler',
    description:
      'Velg hva Planpuls sender deg: alt, bare ukesoversikten (på mandager når uka har noe for deg), eller bare det som trenger deg.',
  },
  dayLocale: 'nb',
};

const en: DigestTexts = {
  title: (week) => `Weekly digest, week ${week}`,
  titleFor: (week, name) => `Weekly digest, week ${week}: ${name}`,
  intro: 'Meetings, deadlines and news this week and next, in one message.',
  thisWeek: (week) => `This week (week ${week})`,
  nextWeek: (week) => `Next week (week ${week})`,
  noMeetings: 'No meetings.',
  reading: 'Reading assignment',
  deadlines: 'Deadlines',
  deadline: {
    'agenda-items': (title) => `Deadline for agenda items for ${title}`,
    report: (title) => `Due: ${title}`,
    'local-plan-action': (title) => `Local plan action: ${title}`,
    milestone: (title) => `Milestone: ${title}`,
  },
  news: 'New since last week',
  agendaPublished: (title) => `The agenda for ${title} has been sent out`,
  broadcast: (title) => `Message: ${title}`,
  open: 'Open Planpuls',
  changeChoice: 'Change notifications',
  markAsRead: 'Mark as read',
  readingFrom: (day) => `Can be marked as read from ${day}.`,
  choiceTitle: 'Notifications from Planpuls',
  choiceIntro:
    'Choose what Planpuls sends you in your personal chat. What is posted in channels does not change with your choice.',
  choice: {
    all: {
      title: 'All reminders',
      description: 'Reminders of meetings, reading assignments and calls for agenda items as they fall due.',
    },
    digest: {
      title: 'The weekly digest only',
      description:
        'One message on Mondays when there is something for you this week or next: meetings, deadlines and news. Weeks with nothing bring no message.',
    },
    needed: {
      title: 'Only what needs me',
      description: 'Report requests and reminders of your own report deadlines.',
    },
  },
  current: (title) => `Chosen now: ${title}.`,
  saved: (title) => `Saved. You now get: ${title}.`,
  willGet: {
    all: 'Reminders of meetings, reading assignments and calls for agenda items come to this chat as they fall due.',
    digest:
      'The weekly digest comes on Mondays when there are meetings, deadlines or news for you this week or next; weeks with nothing bring no message. Mark reading assignments as read with “Mark as read” in the digest, with “reading” or in Planpuls.',
    needed: 'Report requests and reminders of your own report deadlines come to this chat; nothing else.',
  },
  notKnown: (said) =>
    `I do not know the choice “${said}”. Write “notifications all”, “notifications digest” or “notifications needed”, or press a button.`,
  command: {
    name: 'notifications',
    description:
      'Choose what Planpuls sends you: everything, the weekly digest only (on Mondays when the week has something for you), or only what needs you.',
  },
  dayLocale: 'en',
};

export function digestTexts(language: Language): DigestTexts {
  return language === 'en' ? en : nb;
}
