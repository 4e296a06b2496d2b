import type { PlanCheck, PlanIssue, PlanProblem } from '../domain/plan/plan-problems.js';
import type { Language } from './messages.js';

/** A plan file's problem as a person reads it: where, and what is wrong, in her language. */
export interface PlanIssueText {
  readonly where: string;
  readonly message: string;
  readonly code: PlanProblem['code'];
}

interface PlanTexts {
  readonly file: string;
  readonly line: (n: number) => string;
  readonly checks: { readonly [C in PlanCheck]: (max: number | undefined) => string };
  readonly unreadable: (detail: string) => string;
  readonly duplicateId: (id: string) => string;
  readonly duplicateSign: (id: string) => string;
  readonly unknown: (kind: 'programme' | 'role' | 'goal' | 'theme', id: string) => string;
  readonly ownParent: string;
  readonly takesNoItems: string;
  readonly summary: (count: number) => string;
}

const nb: PlanTexts = {
  file: 'filen',
  line: (n) => `linje ${n}`,
  checks: {
    PLAN_SLUG: () => 'må være små bokstaver a-z, tall og bindestrek',
    PLAN_DATE_FORMAT: () => 'må være en dato på formen ÅÅÅÅ-MM-DD',
    PLAN_DATE_INVALID: () => 'er ikke en gyldig dato',
    PLAN_CLOCK: () => 'må være et klokkeslett TT:MM',
    PLAN_SCHOOL_YEAR_FORMAT: () => 'må være et skoleår på formen 2026-2027',
    PLAN_SCHOOL_YEAR_ORDER: () => 'må være to påfølgende år',
    PLAN_TEXT_EMPTY: () => 'kan ikke være tom',
    PLAN_TEXT_INVALID: () => 'inneholder tegn som ikke er gyldig tekst',
    PLAN_TEXT_TOO_LONG: (max) => `kan være høyst ${max} tegn`,
    PLAN_LIST_TOO_LONG: (max) => `kan ha høyst ${max}`,
    PLAN_ENTRY_TOO_LARGE: (max) => `er for stor til å lagres (JSON høyst ${max} tegn); kort ned tekstene`,
    PLAN_DAYS_WHOLE: () => 'må være et helt antall dager',
    PLAN_DAYS_NEGATIVE: () => 'kan ikke være negativ',
    PLAN_DAYS_TOO_MANY: (max) => `kan være høyst ${max} dager`,
    PLAN_END_BEFORE_START: () => 'slutt må være etter start',
    PLAN_END_DATE_BEFORE_DATE: () => 'endDate kan ikke være før date',
    PLAN_TO_BEFORE_FROM: () => 'to kan ikke være før from',
    PLAN_MONTH_FORMAT: () => 'må være en måned på formen ÅÅÅÅ-MM',
    PLAN_DATE_AND_MONTH: () =>
      'har både date og month: bruk date når dagen er kjent, month når bare måneden er det',
    PLAN_REMINDER_UNDATED: () => 'en milepæl uten dato eller måned kan ikke ha påminnelse',
  },
  unreadable: (detail) => `kan ikke leses som YAML/JSON («${detail}»)`,
  duplicateId: (id) => `id «${id}» finnes fra før`,
  duplicateSign: (id) => `tegnet «${id}» finnes fra før`,
  unknown: (kind, id) =>
    `ukjent ${{ role: 'rolle', goal: 'mål', theme: 'tema', programme: 'program/nettverk' }[kind]} «${id}»`,
  ownParent: 'et program kan ikke være sin egen forelder',
  takesNoItems:
    'møtet tar ikke imot saker: gi det en agenda-items-deadline-regel, eller programmet agendaItemsDaysBefore',
  summary: (count) => `Planfilen er ugyldig (${count} feil):`,
};

const en: PlanTexts = {
  file: 'the file',
  line: (n) => `line ${n}`,
  checks: {
    PLAN_SLUG: () => 'must be lower-case letters a-z, digits and hyphens',
    PLAN_DATE_FORMAT: () => 'must be a date in the form YYYY-MM-DD',
    PLAN_DATE_INVALID: () => 'is not a real date',
    PLAN_CLOCK: () => 'must be a time of day HH:MM',
    PLAN_SCHOOL_YEAR_FORMAT: () => 'must be a school year in the form 2026-2027',
    PLAN_SCHOOL_YEAR_ORDER: () => 'must be two consecutive years',
    PLAN_TEXT_EMPTY: () => 'cannot be empty',
    PLAN_TEXT_INVALID: () => 'contains characters that are not valid text',
    PLAN_TEXT_TOO_LONG: (max) => `can be at most ${max} characters`,
    PLAN_LIST_TOO_LONG: (max) => `can have at most ${max}`,
    PLAN_ENTRY_TOO_LARGE: (max) =>
      `is too large to store (JSON at most ${max} characters); shorten the texts`,
    PLAN_DAYS_WHOLE: () => 'must be a whole number of days',
    PLAN_DAYS_NEGATIVE: () => 'cannot be negative',
    PLAN_DAYS_TOO_MANY: (max) => `can be at most ${max} days`,
    PLAN_END_BEFORE_START: () => 'the end must be after the start',
    PLAN_END_DATE_BEFORE_DATE: () => 'endDate cannot be before date',
    PLAN_TO_BEFORE_FROM: () => 'to cannot be before from',
    PLAN_MONTH_FORMAT: () => 'must be a month in the form YYYY-MM',
    PLAN_DATE_AND_MONTH: () =>
      'has both date and month: use date when the day is known, month when only the month is',
    PLAN_REMINDER_UNDATED: () => 'a milestone without a date or month cannot have a reminder',
  },
  unreadable: (detail) => `cannot be read as YAML/JSON («${detail}»)`,
  duplicateId: (id) => `the id «${id}» is already used`,
  duplicateSign: (id) => `the sign «${id}» is already used`,
  unknown: (kind, id) =>
    `unknown ${{ role: 'role', goal: 'goal', theme: 'theme', programme: 'programme/network' }[kind]} «${id}»`,
  ownParent: 'a programme cannot be its own parent',
  takesNoItems:
    'the meeting takes no agenda items: give it an agenda-items-deadline rule, or its programme agendaItemsDaysBefore',
  summary: (count) => `The plan file is not valid (${count} ${count === 1 ? 'problem' : 'problems'}):`,
};

const TEXTS: Record<Language, PlanTexts> = { nb, en };

function problemText(problem: PlanProblem, language: Language): string {
  const t = TEXTS[language];
  switch (problem.code) {
    case 'PLAN_UNREADABLE':
      return t.unreadable(problem.detail);
    case 'PLAN_DUPLICATE_ID':
      return t.duplicateId(problem.id);
    case 'PLAN_DUPLICATE_SIGN':
      return t.duplicateSign(problem.id);
    case 'PLAN_UNKNOWN_REFERENCE':
      return t.unknown(problem.kind, problem.id);
    case 'PLAN_OWN_PARENT':
      return t.ownParent;
    case 'PLAN_TAKES_NO_ITEMS':
      return t.takesNoItems;
    case 'PLAN_SHAPE':
      return problem.text[language];
    default:
      return t.checks[problem.code](problem.max);
  }
}

/** One issue in the person's language. */
export function planIssueText(issue: PlanIssue, language: Language): PlanIssueText {
  const t = TEXTS[language];
  return {
    where: issue.line !== undefined ? t.line(issue.line) : issue.path || t.file,
    message: problemText(issue.problem, language),
    code: issue.problem.code,
  };
}

/** The whole list as one message: a summary line, then one line an issue. */
export function planIssuesMessage(issues: readonly PlanIssue[], language: Language): string {
  const lines = issues
    .map((issue) => planIssueText(issue, language))
    .map((i) => `  - ${i.where}: ${i.message}`);
  return [TEXTS[language].summary(issues.length), ...lines].join('\n');
}
