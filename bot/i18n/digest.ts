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
  /** The `varsler` card. */
  readonly choiceTitle: string;
  readonly choiceIntro: string;
  readonly choice: Readonly<Record<NotificationChoice, { title: string; description: string }>>;
  readonly current: (title: string) => string;
  readonly saved: (title: string) => string;
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
      description: 'Én melding hver mandag med ukas og neste ukes møter, frister og nytt.',
    },
    needed: {
      title: 'Bare det som trenger meg',
      description: 'Rapportforespørsler og påminnelser om dine egne rapportfrister.',
    },
  },
  current: (title) => `Valgt nå: ${title}.`,
  saved: (title) => `Lagret. Du får nå: ${title}.`,
  notKnown: (said) =>
    `Jeg kjenner ikke valget «${said}». Skriv «varsler alle», «varsler oversikt» eller «varsler nødvendig», eller trykk på en knapp.`,
  command: {
    name: 'varsler',
    description: 'Velg hva Planpuls sender deg: alt, bare ukesoversikten, eller bare det som trenger deg.',
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
      description: 'One message every Monday with this week’s and next week’s meetings, deadlines and news.',
    },
    needed: {
      title: 'Only what needs me',
      description: 'Report requests and reminders of your own report deadlines.',
    },
  },
  current: (title) => `Chosen now: ${title}.`,
  saved: (title) => `Saved. You now get: ${title}.`,
  notKnown: (said) =>
    `I do not know the choice “${said}”. Write “notifications all”, “notifications digest” or “notifications needed”, or press a button.`,
  command: {
    name: 'notifications',
    description:
      'Choose what Planpuls sends you: everything, the weekly digest only, or only what needs you.',
  },
  dayLocale: 'en',
};

export function digestTexts(language: Language): DigestTexts {
  return language === 'en' ? en : nb;
}
