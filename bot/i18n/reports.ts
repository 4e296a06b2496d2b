import { dateInWords } from './dates.js';
import type { Language } from './index.js';

/** `2026-H2` in words by `name`; anything else as it is. */
function halfYear(period: string, name: (half: '1' | '2', year: string) => string): string {
  const match = /^(\d{4})-H([12])$/.exec(period);
  return match ? name(match[2] as '1' | '2', match[1]!) : period;
}

const nbHalf = (half: '1' | '2', year: string) => `${half === '1' ? 'våren' : 'høsten'} ${year}`;
const enHalf = (half: '1' | '2', year: string) => `${half === '1' ? 'spring' : 'autumn'} ${year}`;

/** Texts for half-year reports and other requests: Norwegian bokmål first, then English. */
const nb = {
  language: 'nb' as Language,
  /** A local date in words with the weekday: «tirsdag 15. desember 2026». */
  date: (date: string) => dateInWords(date, 'nb'),
  requestTitle: (campaign: string, unit: string) => `${campaign}: ${unit}`,
  requestIntro: (deadline: string) => `Fyll ut rapporten og send den inn innen ${deadline}.`,
  changeIntro: (deadline: string) =>
    `Rapporten er sendt inn. Endre det du vil, og send inn endringene innen ${deadline}; «Avbryt» beholder den innsendte.`,
  /** `2026-H2` → «Halvårsrapport høsten 2026» (the id stays as it is; people read this). */
  halfYearTitle: (period: string) => `Halvårsrapport ${halfYear(period, nbHalf)}`,
  mention: (names: string, unit: string) => `${names}: rapporten for ${unit} venter på dere.`,
  noLeaderMention: (unit: string) => `Rapporten for ${unit} venter på enhetens leder.`,
  elements: 'Lokal plan',
  kartlegging: 'Kartlegging',
  analyse: 'Analyse',
  mal: 'Mål',
  handling: 'Handling',
  handlingFrist: 'Frist for handling',
  handlingStatus: 'Status for handling',
  actionsHeading: 'Handlinger (med frist og status)',
  actionsIntro: (max: number) =>
    `En handling med tekst må ha frist og status. Tøm teksten i en handling for å fjerne den. Høyst ${max} handlinger; tomme rader brukes ikke.`,
  actionLabel: (n: number) => `Handling ${n}`,
  actionDeadline: (n: number) => `Frist for handling ${n}`,
  actionStatus: (n: number) => `Status for handling ${n}`,
  actionResponsible: 'Ansvarlig (valgfritt)',
  actionServes: 'Hva handlingen tjener i planen: mål eller tema (valgfritt)',
  servesNone: 'Ikke valgt',
  servesFact: (what: string) => `tjener ${what}`,
  goalWord: 'Mål',
  themeWord: 'Tema',
  themesWord: 'Tema i utviklingsplanen',
  actionFact: (deadline: string, status: string, responsible: string) =>
    [deadline && `frist ${deadline}`, status, responsible && `ansvarlig: ${responsible}`]
      .filter(Boolean)
      .join(' · '),
  fromLocalPlan: (version: number) =>
    version > 0
      ? `Den lokale planen (kartlegging, analyse, mål, handlinger) er hentet fra enhetens gjeldende plan (versjon ${version}); når du sender inn, blir den oppdatert.`
      : 'Enheten har ingen lokal plan ennå; når du sender inn, blir denne rapporten enhetens lokale plan.',
  /** `by` and `at` are missing when the plan was never saved or has no stamp: then no name is guessed. */
  planStale: (by: string | undefined, at: string | undefined) =>
    `${by ? `${by} endret enhetens lokale plan${at ? ` ${at}` : ''}, etter at dette skjemaet ble laget.` : 'Enhetens lokale plan er ikke lenger den dette skjemaet ble laget fra.'} Ingenting er lagret; her er skjemaet med den gjeldende planen.`,
  statuses: { 'ikke-startet': 'Ikke startet', pågår: 'Pågår', fullført: 'Fullført' } as Record<
    string,
    string
  >,
  signsHeading: 'Tegn på god praksis',
  answers: { ja: 'Ja', delvis: 'Delvis', nei: 'Nei' } as Record<string, string>,
  comment: 'Kommentar (valgfritt)',
  tidsressurser: 'Tidsressurser til utviklingsarbeid',
  fritekst: 'Fritekst (valgfritt)',
  fritekstTitle: 'Fritekst',
  /** Dates in words with the weekday: «mandag 1. mars 2027». */
  dateLocale: 'nb-NO',
  saveDraft: 'Lagre utkast',
  submit: 'Send inn',
  submitChanges: 'Send inn endringer',
  edit: 'Endre',
  cancel: 'Avbryt',
  requiredNote: 'Felt merket * må fylles ut før du sender inn.',
  requiredError: (label: string) => `Fyll ut «${label}».`,
  answerRequired: 'Velg ja, delvis eller nei.',
  draftSaved: (version: number) => `Utkastet er lagret (versjon ${version}).`,
  submitted: (by: string, at: string) => `Sendt inn av ${by} ${at}.`,
  lateMark: ' (etter fristen)',
  editUntil: (deadline: string) => `Enhetens ledere kan endre rapporten til og med ${deadline}.`,
  closed: 'Fristen er ute; rapporten kan ikke endres lenger.',
  /** On every card of a campaign the kommunalsjef has closed; `at` in words with the time. */
  campaignClosed: (at: string) => `Innhentingen ble avsluttet ${at}. Ingenting mer kan sendes inn.`,
  campaignClosedNotice: 'Innhentingen er avsluttet. Ingenting er lagret.',
  notLeader:
    'Du er ikke leder for denne enheten, så du kan ikke se eller endre rapporten. Ingenting er lagret.',
  unknownCampaign: 'Fant ikke rapportrunden. Ingenting er lagret.',
  unknownUnit: 'Fant ikke enheten. Ingenting er lagret.',
  afterDeadline: (deadline: string) =>
    `Fristen var ${deadline}, så en innsendt rapport kan ikke endres lenger. Ingenting er lagret.`,
  alreadySubmitted: 'Rapporten er allerede sendt inn. Bruk «Send inn endringer» for å endre den.',
  stale: (by: string, at: string) =>
    `${by} endret rapporten ${at}, etter at du åpnet den. Dine endringer er ikke lagret; her er den siste versjonen.`,
  invalid: (problems: string[]) => `Ikke lagret: ${problems.join(' ')}`,
  // The tab's form (tab/src/views/reports/report-form.tsx): what is stored, and a refused save.
  staleInTab: (by: string, at: string) =>
    `${by} endret rapporten ${at}, etter at du åpnet den. Endringene dine er ikke lagret; hent den siste versjonen og gjør endringen der.`,
  planStaleInTab: (by: string | undefined, at: string | undefined) =>
    `${by ? `${by} endret enhetens lokale plan${at ? ` ${at}` : ''}, etter at du åpnet skjemaet.` : 'Enhetens lokale plan er ikke lenger den skjemaet ble laget fra.'} Endringene dine er ikke lagret; hent den siste versjonen og gjør endringen der.`,
  formDraft: (version: number, at: string, by: string) =>
    `Utkast (versjon ${version}), lagret ${at} av ${by}.`,
  formSubmitted: (at: string, by: string) => `Sendt inn ${at} av ${by}.`,
  formEdited: (submittedAt: string, at: string, by: string) =>
    `Sendt inn ${submittedAt}, endret ${at} av ${by}.`,
  reminderText: (unit: string, deadline: string, days: number) =>
    days < 0
      ? `Påminnelse: rapporten for ${unit} er ikke sendt inn. Fristen var ${deadline}; send den inn så snart du kan.`
      : `Påminnelse: rapporten for ${unit} er ikke sendt inn. Fristen er ${deadline} (${days === 0 ? 'i dag' : days === 1 ? 'i morgen' : `om ${days} dager`}).`,
  escalationTitle: (campaign: string) => `${campaign}: enheter som ikke har rapportert`,
  escalationIntro: (deadline: string, missing: number, total: number) =>
    `Fristen var ${deadline}. ${missing} av ${total} enheter har ikke sendt inn.`,
  noneMissing: 'Alle enhetene har sendt inn.',
  draftStatus: 'Utkast',
  notStarted: 'Ikke påbegynt',
  commandHelp: { name: 'rapport', description: 'Vis rapportskjemaet for enheten du leder.' },
  noOpenCampaign: 'Ingen rapportrunde er åpen nå.',
  leadsNothing:
    'Du står ikke som leder for noen enhet. Hvem som har levert, ser du under «Rapporter» i Planpuls-fanen.',
  needAdmin: 'Bare kommunalsjefen (administrator) kan åpne en rapportrunde.',
  needOverview: 'Bare administratorer, koordinatorer og enhetsledere kan se rapportene.',
  localPlanNoAccess: 'Bare enhetens ledere, administratorer og koordinatorer kan se enhetens lokale plan.',
  localPlanNotLeader:
    'Bare enhetens ledere og administratorer kan endre den lokale planen. Ingenting er lagret.',
  localPlanNeedVersion:
    'Oppgi versjonen du redigerte (If-Match-header eller feltet «version»). Ingenting er lagret.',
  localPlanStale: (by: string | undefined, at: string | undefined) =>
    `${by ? `${by} lagret den lokale planen${at ? ` ${at}` : ''}, etter at du åpnet den.` : 'Versjonen av den lokale planen du åpnet, er ikke den som er lagret nå.'} Ingenting er lagret; last planen på nytt og gjør endringen der.`,
  // Choosing among open requests (`rapport`), who a request could not reach, names of half-years.
  halfYearName: nbHalf,
  chooseTitle: 'Åpne rapporter og forespørsler',
  chooseIntro: (count: number) =>
    `${count} rapporter og forespørsler er åpne for enhetene du leder. Velg den du vil åpne.`,
  chooseDeadline: (deadline: string) => `Frist ${deadline}`,
  chooseStatus: { sendt: 'Sendt inn', utkast: 'Utkast lagret', mangler: 'Ikke påbegynt' } as Record<
    string,
    string
  >,
  chooseOpen: 'Åpne skjemaet',
  chooseView: 'Se rapporten',
  unreachedNoLeader: 'ingen leder registrert, og enheten har ingen koblet kanal',
  unreachedNoLeaderChannel: 'ingen leder registrert (forespørselen er lagt i enhetens kanal)',
  and: 'og',
  unreachedNoChat: (names: string) =>
    `${names} har ikke brukt Planpuls i Teams (ingen personlig chat), og enheten har ingen koblet kanal`,
  openedLater: (date: string) =>
    `Forespørselen er lagret og går ut ${dateInWords(date, 'nb')} kl. 08.00. Ingenting er sendt ennå.`,
  openedSummary: (reached: number, total: number, unreached: number) =>
    `Forespørselen nådde ${reached} av ${total} enheter.` +
    (unreached > 0 ? ` ${unreached} ${unreached === 1 ? 'enhet' : 'enheter'} kan ikke nås:` : ''),
  /** As the tab names unit types (tab/src/i18n, `type.*`). */
  unitTypes: {
    barnehage: 'Barnehage',
    skole: 'Skole',
    ppt: 'PPT',
    barnevern: 'Barnevern',
    familie: 'Familie',
    flyktning: 'Flyktning',
    annet: 'Annet',
  } as Record<string, string>,
  /** The CSV export's header rows and its yes / no. */
  csv: {
    units: ['runde', 'enhet', 'navn', 'type', 'status', 'etter frist', 'versjon', 'sendt inn'],
    signs: ['runde', 'tegn', 'tekst', 'fremtidsbilde', 'ja', 'delvis', 'nei'],
    answers: ['runde', 'enhet', 'spørsmål', 'svar'],
    yes: 'ja',
    no: 'nei',
  } as { units: string[]; signs: string[]; answers: string[]; yes: string; no: string },
  /**
   * One campaign's CSV for a person in Excel: names and words in her language, the ids last for
   * whoever matches rows by machine. The states as Enheter and «Mine» name them.
   */
  campaignCsv: {
    units: [
      'Enhet',
      'Type',
      'Status',
      'Etter fristen',
      'Versjon',
      'Sist lagret',
      'Lagret av',
      'Sendt inn',
      'Enhet-id',
    ],
    signs: ['Tegn på god praksis', 'Fremtidsbilde', 'Ja', 'Delvis', 'Nei', 'Tegn-id'],
    answers: ['Enhet', 'Spørsmål', 'Svar', 'Enhet-id'],
    status: {
      sendt: 'Sendt inn',
      utkast: 'Utkast lagret',
      mangler: 'Ikke påbegynt',
      'ikke-spurt': 'Ikke spurt',
    },
    yes: 'Ja',
    no: 'Nei',
    filename: (campaignId: string) => `planpuls-rapporter-${campaignId}.csv`,
    unknownCampaign: 'Fant ikke rapportrunden.',
  } as CampaignCsvTexts,
};

export interface CampaignCsvTexts {
  units: string[];
  signs: string[];
  answers: string[];
  /** A unit's report: submitted, a draft, asked but not started, or never asked (see `isAsked`). */
  status: Record<'sendt' | 'utkast' | 'mangler' | 'ikke-spurt', string>;
  yes: string;
  no: string;
  filename: (campaignId: string) => string;
  unknownCampaign: string;
}

export type ReportTexts = typeof nb;

const en: ReportTexts = {
  language: 'en',
  date: (date) => dateInWords(date, 'en'),
  requestTitle: (campaign, unit) => `${campaign}: ${unit}`,
  requestIntro: (deadline) => `Fill in the report and submit it by ${deadline}.`,
  changeIntro: (deadline) =>
    `The report is submitted. Change what you need and submit the changes by ${deadline}; “Cancel” keeps the submitted one.`,
  halfYearTitle: (period) => `Half-year report ${halfYear(period, enHalf)}`,
  mention: (names, unit) => `${names}: the report for ${unit} is waiting for you.`,
  noLeaderMention: (unit) => `The report for ${unit} is waiting for the unit's leader.`,
  elements: 'Local plan',
  kartlegging: 'Assessment',
  analyse: 'Analysis',
  mal: 'Goals',
  handling: 'Action',
  handlingFrist: 'Action deadline',
  handlingStatus: 'Action status',
  actionsHeading: 'Actions (with deadline and status)',
  actionsIntro: (max) =>
    `An action with text needs a deadline and a status. Clear an action's text to remove it. At most ${max} actions; empty rows are ignored.`,
  actionLabel: (n) => `Action ${n}`,
  actionDeadline: (n) => `Deadline for action ${n}`,
  actionStatus: (n) => `Status of action ${n}`,
  actionResponsible: 'Responsible (optional)',
  actionServes: 'Goal or theme of the plan the action serves (optional)',
  servesNone: 'Not chosen',
  servesFact: (what) => `serves ${what}`,
  goalWord: 'Goal',
  themeWord: 'Theme',
  themesWord: 'Themes of the development plan',
  actionFact: (deadline, status, responsible) =>
    [deadline && `due ${deadline}`, status, responsible && `responsible: ${responsible}`]
      .filter(Boolean)
      .join(' · '),
  fromLocalPlan: (version) =>
    version > 0
      ? `The local plan (mapping, analysis, goals, actions) comes from the unit's current plan (version ${version}); submitting updates it.`
      : 'The unit has no local plan yet; submitting makes this report its local plan.',
  planStale: (by, at) =>
    `${by ? `${by} changed the unit's local plan${at ? ` ${at}` : ''}, after this form was made.` : "The unit's local plan is no longer the one this form was made from."} Nothing was saved; here is the form with the current plan.`,
  statuses: { 'ikke-startet': 'Not started', pågår: 'In progress', fullført: 'Done' },
  signsHeading: 'Signs of good practice',
  answers: { ja: 'Yes', delvis: 'Partly', nei: 'No' },
  comment: 'Comment (optional)',
  tidsressurser: 'Time resources for development work',
  fritekst: 'Free text (optional)',
  fritekstTitle: 'Free text',
  dateLocale: 'en-GB',
  saveDraft: 'Save draft',
  submit: 'Submit',
  submitChanges: 'Submit changes',
  edit: 'Edit',
  cancel: 'Cancel',
  requiredNote: 'Fields marked * must be filled in before you submit.',
  requiredError: (label) => `Fill in «${label}».`,
  answerRequired: 'Choose yes, partly or no.',
  draftSaved: (version) => `Draft saved (version ${version}).`,
  submitted: (by, at) => `Submitted by ${by} ${at}.`,
  lateMark: ' (after the deadline)',
  editUntil: (deadline) => `The unit's leaders can edit the report until ${deadline}.`,
  closed: 'The deadline has passed; the report can no longer be changed.',
  campaignClosed: (at) => `The request was closed ${at}. Nothing more can be submitted.`,
  campaignClosedNotice: 'The request is closed. Nothing was saved.',
  notLeader: 'You do not lead this unit, so you cannot see or change its report. Nothing was saved.',
  unknownCampaign: 'Report round not found. Nothing was saved.',
  unknownUnit: 'Unit not found. Nothing was saved.',
  afterDeadline: (deadline) => `The deadline was ${deadline}; a submitted report can no longer be changed.`,
  alreadySubmitted: 'The report is already submitted. Use «Submit changes» to change it.',
  stale: (by, at) => `${by} changed the report ${at}, after you opened it. Your changes were not saved.`,
  invalid: (problems) => `Not saved: ${problems.join(' ')}`,
  staleInTab: (by, at) =>
    `${by} changed the report ${at}, after you opened it. Your changes were not saved; get the latest version and make your change there.`,
  planStaleInTab: (by, at) =>
    `${by ? `${by} changed the unit's local plan${at ? ` ${at}` : ''}, after you opened the form.` : "The unit's local plan is no longer the one the form was made from."} Your changes were not saved; get the latest version and make your change there.`,
  formDraft: (version, at, by) => `Draft (version ${version}), saved ${at} by ${by}.`,
  formSubmitted: (at, by) => `Submitted ${at} by ${by}.`,
  formEdited: (submittedAt, at, by) => `Submitted ${submittedAt}, changed ${at} by ${by}.`,
  reminderText: (unit, deadline, days) =>
    days < 0
      ? `Reminder: the report for ${unit} has not been submitted. The deadline was ${deadline}; please submit it as soon as you can.`
      : `Reminder: the report for ${unit} has not been submitted. The deadline is ${deadline} (${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}).`,
  escalationTitle: (campaign) => `${campaign}: units that have not reported`,
  escalationIntro: (deadline, missing, total) =>
    `The deadline was ${deadline}. ${missing} of ${total} units have not submitted.`,
  noneMissing: 'Every unit has submitted.',
  draftStatus: 'Draft',
  notStarted: 'Not started',
  commandHelp: { name: 'report', description: 'Show the report form for the unit you lead.' },
  noOpenCampaign: 'No report round is open now.',
  leadsNothing:
    'You are not registered as the leader of any unit. Who has reported is under “Reports” in the Planpuls tab.',
  needAdmin: 'Only the head of education (administrator) can open a report round.',
  needOverview: 'Only administrators, coordinators and unit leaders can see the reports.',
  localPlanNoAccess: "Only the unit's leaders, administrators and coordinators can see its local plan.",
  localPlanNotLeader:
    "Only the unit's leaders and administrators can change its local plan. Nothing was saved.",
  localPlanNeedVersion:
    'Give the version you edited (If-Match header or the field «version»). Nothing was saved.',
  localPlanStale: (by, at) =>
    `${by ? `${by} saved the local plan${at ? ` ${at}` : ''}, after you opened it.` : 'The version of the local plan you opened is not the one stored now.'} Nothing was saved; reload the plan and make your change there.`,
  halfYearName: enHalf,
  chooseTitle: 'Open reports and requests',
  chooseIntro: (count) =>
    `${count} reports and requests are open for the units you lead. Choose the one to open.`,
  chooseDeadline: (deadline) => `Due ${deadline}`,
  chooseStatus: { sendt: 'Submitted', utkast: 'Draft saved', mangler: 'Not started' },
  chooseOpen: 'Open the form',
  chooseView: 'See the report',
  unreachedNoLeader: 'no leader registered, and the unit has no linked channel',
  unreachedNoLeaderChannel: "no leader registered (the request was posted in the unit's channel)",
  and: 'and',
  unreachedNoChat: (names) =>
    `${names} has not used Planpuls in Teams (no personal chat) and the unit has no linked channel`,
  openedLater: (date) =>
    `The request is saved and goes out ${dateInWords(date, 'en')} at 08:00. Nothing has been sent yet.`,
  openedSummary: (reached, total, unreached) =>
    `The request reached ${reached} of ${total} units.` +
    (unreached > 0 ? ` ${unreached} unit${unreached === 1 ? '' : 's'} cannot be reached:` : ''),
  unitTypes: {
    barnehage: 'Kindergarten',
    skole: 'School',
    ppt: 'PPT',
    barnevern: 'Child welfare',
    familie: 'Family',
    flyktning: 'Refugees',
    annet: 'Other',
  },
  csv: {
    units: ['period', 'unit', 'name', 'type', 'status', 'after deadline', 'version', 'submitted'],
    signs: ['period', 'sign', 'text', 'future picture', 'yes', 'partly', 'no'],
    answers: ['period', 'unit', 'question', 'answer'],
    yes: 'yes',
    no: 'no',
  },
  campaignCsv: {
    units: [
      'Unit',
      'Type',
      'Status',
      'After deadline',
      'Version',
      'Last saved',
      'Saved by',
      'Submitted',
      'Unit id',
    ],
    signs: ['Sign of good practice', 'Future picture', 'Yes', 'Partly', 'No', 'Sign id'],
    answers: ['Unit', 'Question', 'Answer', 'Unit id'],
    status: { sendt: 'Submitted', utkast: 'Draft saved', mangler: 'Not started', 'ikke-spurt': 'Not asked' },
    yes: 'Yes',
    no: 'No',
    filename: (campaignId: string) => `planpuls-rapporter-${campaignId}.csv`,
    unknownCampaign: 'The reporting round was not found.',
  },
};

export function reportTexts(language: Language): ReportTexts {
  return language === 'en' ? en : nb;
}
