import type { GoalPlan } from '../domain/reports/plan-goals.js';
import { dateInWords } from './dates.js';
import type { Language } from './index.js';
import { reportTexts } from './reports.js';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));
/** Counts as people write them: «3 919» (with a no-break space), «3,919». */
const nbNumber = (n: number) => new Intl.NumberFormat('nb-NO').format(n);
const enNumber = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** Shares of the answers, which compare across periods where counts do not (fewer may have answered). */
const shares = (ja: number, delvis: number, nei: number, language: Language) => {
  const all = ja + delvis + nei;
  return language === 'en'
    ? `${percent(ja, all)}% yes, ${percent(delvis, all)}% partly and ${percent(nei, all)}% no`
    : `${percent(ja, all)} % ja, ${percent(delvis, all)} % delvis og ${percent(nei, all)} % nei`;
};
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
/** «a», «a og b», «a, b og c». */
const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
/** A file name any system saves: «høsten 2026» as «hosten-2026». */
const ascii = (text: string) =>
  text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Texts of the half-year report as a Word document: Norwegian bokmål first, then English. */
const nb = {
  language: 'nb' as Language,
  date: (date: string) => dateInWords(date, 'nb'),
  percent: (part: number, whole: number) => `${percent(part, whole)} %`,
  signed,
  title: (period: string) => reportTexts('nb').halfYearTitle(period),
  subtitle: (plan: string, municipality: string) => `${plan} · ${municipality}`,
  period: (opens: string, deadline: string) =>
    `Rapporteringsperiode: ${dateInWords(opens, 'nb')} til ${dateInWords(deadline, 'nb')}`,
  made: (date: string) => `Laget ${dateInWords(date, 'nb')}`,
  audience: 'Til politisk behandling (oppvekstutvalget og kommunestyret)',
  contents: 'Innhold',
  contentsHint:
    'Sidetallene fylles inn når Word oppdaterer innholdsfortegnelsen (høyreklikk og «Oppdater felt»).',
  summary: 'Sammendrag',
  summaryRate: (submitted: number, expected: number) =>
    `${submitted} av ${expected} enheter har sendt inn rapporten (${percent(submitted, expected)} %).`,
  summaryMissing: (missing: number, notAsked: number) =>
    missing === 0
      ? 'Alle enhetene har rapportert.'
      : `${missing} ${missing === 1 ? 'enhet har' : 'enheter har'} ikke rapportert.` +
        (notAsked === 0
          ? ''
          : notAsked === missing
            ? ` Forespørselen nådde ingen av ${missing === 1 ? 'den' : 'dem'}: ingen leder der kunne nås i Teams.`
            : ` Av dem ble ${notAsked} ikke spurt: forespørselen nådde ingen leder der i Teams.`),
  summarySigns: (ja: number, delvis: number, nei: number) =>
    `Av svarene på tegn på god praksis er ${shares(ja, delvis, nei, 'nb')} (${nbNumber(ja)}, ${nbNumber(delvis)} og ${nbNumber(nei)} svar).`,
  summaryChange: (previous: string, ja: number, delvis: number, nei: number) =>
    `${capital(previous)} var ${shares(ja, delvis, nei, 'nb')} (${nbNumber(ja)}, ${nbNumber(delvis)} og ${nbNumber(nei)} svar).`,
  noPrevious: 'Det finnes ingen tidligere halvårsrapport å sammenligne med.',
  previousName: (period: string) =>
    reportTexts('nb')
      .halfYearTitle(period)
      .replace(/^Halvårsrapport /, ''),
  responseRate: 'Svarprosent',
  rateHeader: ['Enhetstype', 'Sendt inn', 'Enheter', 'Svarprosent'],
  total: 'Alle',
  missingHeading: 'Enheter som ikke har rapportert',
  missingHeader: ['Enhet', 'Type', 'Status'],
  noneMissing: 'Alle enhetene har sendt inn.',
  missingStatus: {
    utkast: 'Utkast lagret, ikke sendt',
    mangler: 'Ikke påbegynt',
    'ikke-spurt': 'Ikke spurt',
  } as Record<string, string>,
  signsByGoal: 'Mål og tegn på god praksis',
  signsByPicture: 'Tegn på god praksis',
  signsIntro: (previous: string | null) =>
    `Hvor mange enheter som svarte ja, delvis og nei på hvert tegn, per enhetstype${previous ? `, og endringen siden ${previous}` : ''}. Enheter som ikke har sendt inn, er ikke talt med.`,
  unlinked: 'Tegn som ikke er knyttet til et mål',
  goalsFrom: (plan: GoalPlan | null, source: string) =>
    plan === 'oppvekstplan'
      ? 'Mål i oppvekstplanen'
      : plan === 'utviklingsplan'
        ? 'Mål i utviklingsplanen'
        : `Mål i ${source}`,
  goalsSource: (source: string) => `Fra ${source}.`,
  goalHeading: (plan: GoalPlan | null, source: string, n: number) =>
    plan === 'oppvekstplan'
      ? `Oppvekstplanens mål ${n}`
      : plan === 'utviklingsplan'
        ? `Utviklingsplanens mål ${n}`
        : `Mål ${n} i ${source}`,
  noSignsGoals: (goals: readonly { n: number; text: string }[]) =>
    `Ingen tegn i planen er knyttet til ${goals.length === 1 ? 'dette målet' : 'disse målene'} ennå: ${goals
      .map((g) => `mål ${g.n} «${g.text}»`)
      .join('; ')}.`,
  seeUnder: (pictures: readonly string[], goal: string) =>
    `Se ${list(
      pictures.map((p) => `«${p}»`),
      'og',
    )} under ${goal}: de samme tegnene gjelder også dette målet.`,
  themes: (list: string) => `Temaer: ${list}.`,
  signHeader: ['Enhetstype', 'Ja', 'Delvis', 'Nei', 'Endring ja / delvis / nei'],
  noChange: 'ingen svar forrige periode',
  noAnswersNow: 'ingen svar denne perioden',
  noAnswersFrom: (types: readonly string[]) => `Ingen svar fra ${list(types, 'eller')}.`,
  chartTitle: 'Andel ja, delvis og nei per enhetstype og periode',
  chartTitleOne: (period: string) => `Andel ja, delvis og nei per enhetstype, ${period}`,
  chartAlt: (picture: string, lines: string[]) =>
    `Stolpediagram over svarene på tegnene i «${picture}», andel ja, delvis og nei. ${lines.join(' ')}`,
  chartLine: (type: string, period: string, ja: number, delvis: number, nei: number) =>
    `${type}, ${period}: ja ${ja}, delvis ${delvis}, nei ${nei}.`,
  noAnswers: 'Ingen enheter har svart på disse tegnene ennå.',
  unitsHeading: 'Enhetene',
  unitTypesPlural: {
    barnehage: 'Barnehager',
    skole: 'Skoler',
    ppt: 'PPT',
    barnevern: 'Barnevern',
    familie: 'Familieenheten',
    flyktning: 'Flyktningeenheten',
    annet: 'Andre enheter',
  } as Record<string, string>,
  unitTypes: reportTexts('nb').unitTypes,
  unitSent: (at: string, late: boolean) => `Rapporten ble sendt inn ${at}${late ? ' (etter fristen)' : ''}.`,
  unitDraft: 'Rapporten er ikke sendt inn (et utkast er lagret).',
  unitMissing: 'Rapporten er ikke sendt inn.',
  actionsFrom: {
    report: 'Handlingene slik de sto i rapporten.',
    'local-plan': 'Handlingene slik de står i enhetens lokale plan nå.',
    none: 'Enheten har ingen handlinger registrert.',
  } as Record<string, string>,
  actionsHeader: ['Ikke startet', 'Pågår', 'Fullført', 'Forfalt'],
  overdueHeading: (asOf: string) =>
    `Forfalte handlinger (frist før ${dateInWords(asOf, 'nb')}, ikke fullført)`,
  overdueHeader: ['Handling', 'Frist', 'Status', 'Ansvarlig', 'Tjener i planen'],
  goalWord: 'Mål',
  themeWord: 'Tema',
  othersHeading: (overdue: boolean): string => (overdue ? 'Øvrige handlinger' : 'Handlingene'),
  statuses: reportTexts('nb').statuses,
  ownText: 'Enhetens egen tekst',
  fields: {
    kartlegging: 'Kartlegging',
    analyse: 'Analyse',
    mal: 'Mål',
    tidsressurser: 'Tidsressurser til utviklingsarbeid',
    fritekst: 'Fritekst',
  } as Record<string, string>,
  comments: 'Kommentarer til tegn',
  answers: reportTexts('nb').answers,
  empty: '(ikke fylt ut)',
  /** «halvårsrapport-høsten-2026.docx», for `filename*`; {@link asciiFilename} is the plain one. */
  filename: (period: string) =>
    `${reportTexts('nb').halfYearTitle(period).toLowerCase().replace(/\s+/g, '-')}.docx`,
  asciiFilename: (period: string) => `${ascii(reportTexts('nb').halfYearTitle(period))}.docx`,
  page: ['Side ', ' av '] as readonly [string, string],
  needAdmin: 'Bare kommunalsjefen (administrator) kan laste ned Word-rapporten.',
  unknownCampaign: 'Fant ikke rapportrunden.',
  halfYearOnly: 'Word-rapporten lages for halvårsrapporter; last ned svarene på andre forespørsler som CSV.',
};

export type HalfYearDocumentTexts = typeof nb;

const en: HalfYearDocumentTexts = {
  language: 'en',
  date: (date) => dateInWords(date, 'en'),
  percent: (part, whole) => `${percent(part, whole)}%`,
  signed,
  title: (period) => reportTexts('en').halfYearTitle(period),
  subtitle: (plan, municipality) => `${plan} · ${municipality}`,
  period: (opens, deadline) =>
    `Reporting period: ${dateInWords(opens, 'en')} to ${dateInWords(deadline, 'en')}`,
  made: (date) => `Made ${dateInWords(date, 'en')}`,
  audience: 'For the political level (the education committee and the municipal council)',
  contents: 'Contents',
  contentsHint:
    'Word fills in the page numbers when it updates the table of contents (right-click, “Update field”).',
  summary: 'Summary',
  summaryRate: (submitted, expected) =>
    `${submitted} of ${expected} units have submitted the report (${percent(submitted, expected)}%).`,
  summaryMissing: (missing, notAsked) =>
    missing === 0
      ? 'Every unit has reported.'
      : `${missing} ${missing === 1 ? 'unit has' : 'units have'} not reported.` +
        (notAsked === 0
          ? ''
          : notAsked === missing
            ? ` The request reached none of ${missing === 1 ? 'it' : 'them'}: no leader there could be reached in Teams.`
            : ` Of these, ${notAsked} were not asked: the request reached no leader there in Teams.`),
  summarySigns: (ja, delvis, nei) =>
    `Of the answers to the signs of good practice, ${shares(ja, delvis, nei, 'en')} (${enNumber(ja)}, ${enNumber(delvis)} and ${enNumber(nei)} answers).`,
  summaryChange: (previous, ja, delvis, nei) =>
    `In ${previous}, ${shares(ja, delvis, nei, 'en')} (${enNumber(ja)}, ${enNumber(delvis)} and ${enNumber(nei)} answers).`,
  noPrevious: 'There is no earlier half-year report to compare with.',
  previousName: (period) =>
    reportTexts('en')
      .halfYearTitle(period)
      .replace(/^Half-year report /, ''),
  responseRate: 'Response rate',
  rateHeader: ['Unit type', 'Submitted', 'Units', 'Response rate'],
  total: 'All',
  missingHeading: 'Units that have not reported',
  missingHeader: ['Unit', 'Type', 'Status'],
  noneMissing: 'Every unit has submitted.',
  missingStatus: { utkast: 'Draft saved, not submitted', mangler: 'Not started', 'ikke-spurt': 'Not asked' },
  signsByGoal: 'Goals and signs of good practice',
  signsByPicture: 'Signs of good practice',
  signsIntro: (previous) =>
    `How many units answered yes, partly and no to each sign, by unit type${previous ? `, and the change since ${previous}` : ''}. Units that have not submitted are not counted.`,
  unlinked: 'Signs not linked to a goal',
  goalsFrom: (plan, source) =>
    plan === 'oppvekstplan'
      ? 'Goals of the children and youth plan'
      : plan === 'utviklingsplan'
        ? 'Goals of the development plan'
        : `Goals of ${source}`,
  goalsSource: (source) => `From ${source}.`,
  goalHeading: (plan, source, n) =>
    plan === 'oppvekstplan'
      ? `Children and youth plan, goal ${n}`
      : plan === 'utviklingsplan'
        ? `Development plan, goal ${n}`
        : `Goal ${n} of ${source}`,
  noSignsGoals: (goals) =>
    `No sign of the plan is linked to ${goals.length === 1 ? 'this goal' : 'these goals'} yet: ${goals
      .map((g) => `goal ${g.n} “${g.text}”`)
      .join('; ')}.`,
  seeUnder: (pictures, goal) =>
    `See ${list(
      pictures.map((p) => `“${p}”`),
      'and',
    )} under ${goal}: the same signs serve this goal too.`,
  themes: (list) => `Themes: ${list}.`,
  signHeader: ['Unit type', 'Yes', 'Partly', 'No', 'Change yes / partly / no'],
  noChange: 'no answers last period',
  noAnswersNow: 'no answers this period',
  noAnswersFrom: (types) => `No answers from ${list(types, 'or')}.`,
  chartTitle: 'Share of yes, partly and no by unit type and period',
  chartTitleOne: (period) => `Share of yes, partly and no by unit type, ${period}`,
  chartAlt: (picture, lines) =>
    `Bar chart of the answers to the signs of “${picture}”, share of yes, partly and no. ${lines.join(' ')}`,
  chartLine: (type, period, ja, delvis, nei) => `${type}, ${period}: yes ${ja}, partly ${delvis}, no ${nei}.`,
  noAnswers: 'No unit has answered these signs yet.',
  unitsHeading: 'The units',
  unitTypesPlural: {
    barnehage: 'Kindergartens',
    skole: 'Schools',
    ppt: 'Educational-psychological service',
    barnevern: 'Child welfare',
    familie: 'Family unit',
    flyktning: 'Refugee unit',
    annet: 'Other units',
  },
  unitTypes: reportTexts('en').unitTypes,
  unitSent: (at, late) => `The report was submitted ${at}${late ? ' (after the deadline)' : ''}.`,
  unitDraft: 'The report has not been submitted (a draft is saved).',
  unitMissing: 'The report has not been submitted.',
  actionsFrom: {
    report: 'The actions as they stood in the report.',
    'local-plan': "The actions as they stand in the unit's local plan now.",
    none: 'The unit has no actions on record.',
  },
  actionsHeader: ['Not started', 'In progress', 'Done', 'Overdue'],
  overdueHeading: (asOf) => `Overdue actions (due before ${dateInWords(asOf, 'en')}, not done)`,
  overdueHeader: ['Action', 'Deadline', 'Status', 'Responsible', 'Serves in the plan'],
  goalWord: 'Goal',
  themeWord: 'Theme',
  othersHeading: (overdue) => (overdue ? 'Other actions' : 'The actions'),
  statuses: reportTexts('en').statuses,
  ownText: "The unit's own text",
  fields: {
    kartlegging: 'Mapping',
    analyse: 'Analysis',
    mal: 'Goals',
    tidsressurser: 'Time resources for development work',
    fritekst: 'Free text',
  },
  comments: 'Comments on signs',
  answers: reportTexts('en').answers,
  empty: '(not filled in)',
  filename: nb.filename,
  asciiFilename: nb.asciiFilename,
  page: ['Page ', ' of '],
  needAdmin: 'Only the kommunalsjef (administrator) can download the Word report.',
  unknownCampaign: 'The reporting round was not found.',
  halfYearOnly:
    'The Word report is made for half-year reports; download the answers to other requests as CSV.',
};

export function halfYearDocumentTexts(language: Language): HalfYearDocumentTexts {
  return language === 'en' ? en : nb;
}
