import type { Problem, ProblemCode, ProblemField, ProblemParams } from '../domain/problems.js';
import { dateInWords } from './dates.js';
import type { Language } from './messages.js';

type ProblemTexts = {
  readonly field: (field: ProblemField) => string;
} & {
  readonly [C in ProblemCode]: (params: ProblemParams[C], label: (field: ProblemField) => string) => string;
};

/** Why input was refused (bot/domain/problems.ts): Norwegian bokmål first, then English. */
const nb: ProblemTexts = {
  field: (field) => {
    switch (field.kind) {
      case 'kartlegging':
        return 'Kartlegging';
      case 'analyse':
        return 'Analyse';
      case 'mal':
        return 'Mål';
      case 'tidsressurser':
        return 'Tidsressurser';
      case 'fritekst':
        return 'Fritekst';
      case 'action':
        return `Handling ${field.n}`;
      case 'action-responsible':
        return `Ansvarlig for handling ${field.n}`;
      case 'action-deadline':
        return `Frist for handling ${field.n}`;
      case 'action-status':
        return `Status for handling ${field.n}`;
      case 'question':
        return field.text;
      case 'sign-comment':
        return `Kommentar til «${field.sign}»`;
    }
  },
  MEETING_NOT_FOUND: () => 'Fant ikke møtet.',
  ITEM_NOT_FOUND: () => 'Fant ikke saken.',
  ITEM_NOT_YOURS: () =>
    'Beklager, bare den som meldte inn saken, koordinatoren for nettverket og kommunalsjefen kan endre den.',
  ITEM_WITHDRAWN: () => 'Saken er trukket tilbake.',
  ITEM_TITLE_MISSING: () => 'Saken må ha en tittel.',
  ITEM_TITLE_TOO_LONG: ({ max }) => `Tittelen kan være høyst ${max} tegn.`,
  ITEM_DESCRIPTION_TOO_LONG: ({ max }) => `Beskrivelsen kan være høyst ${max} tegn.`,
  ITEM_MINUTES: ({ min, max }) => `Oppgi hvor mange minutter saken trenger (${min}–${max}).`,
  ITEM_LATE: ({ deadline }) =>
    `Fristen for å melde inn saker til dette møtet var ${dateInWords(deadline, 'nb')}. Be koordinatoren om å ta saken inn.`,
  ITEM_CHANGE_LATE: ({ deadline }) =>
    `Fristen for saker til dette møtet var ${dateInWords(deadline, 'nb')}. Be koordinatoren om å endre saken.`,
  FIELD_REQUIRED: ({ field }, label) => `«${label(field)}» må fylles ut.`,
  FIELD_TOO_LONG: ({ field, length, max }, label) =>
    `«${label(field)}» er for lang (${length} tegn, høyst ${max}).`,
  FIELD_NOT_DATE: ({ field }, label) => `«${label(field)}» må være en dato (ÅÅÅÅ-MM-DD).`,
  ACTION_STATUS_UNKNOWN: ({ field }, label) =>
    `«${label(field)}» må være ikke startet, pågår eller fullført.`,
  ACTION_STATUS_MISSING: ({ field }, label) => `«${label(field)}» må velges.`,
  PLAN_NO_ACTIONS: () => 'Planen må ha minst én handling.',
  PLAN_TOO_MANY_ACTIONS: ({ max, count }) => `Planen kan ha høyst ${max} handlinger (den har ${count}).`,
  SIGN_ANSWER_UNKNOWN: ({ sign }) => `Tegnet «${sign}» må besvares ja, delvis eller nei.`,
  SIGN_UNANSWERED: ({ sign }) => `Tegnet «${sign}» må besvares.`,
  STATUS_FORBIDDEN: () =>
    'Statusoversikten er for kommunalsjefen, koordinatorer og enhetsledere. Spør kommunalsjefen om du trenger tilgang.',
  PERIOD_UNKNOWN: ({ period }) => `Det finnes ingen halvårsrapport for perioden «${period}».`,
};

const en: ProblemTexts = {
  field: (field) => {
    switch (field.kind) {
      case 'kartlegging':
        return 'Mapping';
      case 'analyse':
        return 'Analysis';
      case 'mal':
        return 'Goals';
      case 'tidsressurser':
        return 'Time resources';
      case 'fritekst':
        return 'Free text';
      case 'action':
        return `Action ${field.n}`;
      case 'action-responsible':
        return `Responsible for action ${field.n}`;
      case 'action-deadline':
        return `Deadline for action ${field.n}`;
      case 'action-status':
        return `Status of action ${field.n}`;
      case 'question':
        return field.text;
      case 'sign-comment':
        return `Comment on «${field.sign}»`;
    }
  },
  MEETING_NOT_FOUND: () => 'Meeting not found.',
  ITEM_NOT_FOUND: () => 'Item not found.',
  ITEM_NOT_YOURS: () =>
    'Sorry, only the person who submitted the item, the network coordinator and the kommunalsjef can change it.',
  ITEM_WITHDRAWN: () => 'The item has been withdrawn.',
  ITEM_TITLE_MISSING: () => 'The item needs a title.',
  ITEM_TITLE_TOO_LONG: ({ max }) => `The title can be at most ${max} characters.`,
  ITEM_DESCRIPTION_TOO_LONG: ({ max }) => `The description can be at most ${max} characters.`,
  ITEM_MINUTES: ({ min, max }) => `Say how many minutes the item needs (${min}–${max}).`,
  ITEM_LATE: ({ deadline }) =>
    `The deadline for items for this meeting was ${dateInWords(deadline, 'en')}. Ask the coordinator to take the item in.`,
  ITEM_CHANGE_LATE: ({ deadline }) =>
    `The deadline for items for this meeting was ${dateInWords(deadline, 'en')}. Ask the coordinator to change the item.`,
  FIELD_REQUIRED: ({ field }, label) => `«${label(field)}» must be filled in.`,
  FIELD_TOO_LONG: ({ field, length, max }, label) =>
    `«${label(field)}» is too long (${length} characters, at most ${max}).`,
  FIELD_NOT_DATE: ({ field }, label) => `«${label(field)}» must be a date (YYYY-MM-DD).`,
  ACTION_STATUS_UNKNOWN: ({ field }, label) =>
    `«${label(field)}» must be not started, in progress or completed.`,
  ACTION_STATUS_MISSING: ({ field }, label) => `«${label(field)}» must be chosen.`,
  PLAN_NO_ACTIONS: () => 'The plan needs at least one action.',
  PLAN_TOO_MANY_ACTIONS: ({ max, count }) => `The plan can have at most ${max} actions (it has ${count}).`,
  SIGN_ANSWER_UNKNOWN: ({ sign }) => `The sign «${sign}» must be answered yes, partly or no.`,
  SIGN_UNANSWERED: ({ sign }) => `The sign «${sign}» must be answered.`,
  STATUS_FORBIDDEN: () =>
    'The status overview is for the kommunalsjef, coordinators and unit leaders. Ask the kommunalsjef if you need access.',
  PERIOD_UNKNOWN: ({ period }) => `There is no half-year report for the period «${period}».`,
};

/** One problem in words, in the person's language. */
export function problemText(problem: Problem, language: Language): string {
  const texts = language === 'en' ? en : nb;
  const say = texts[problem.code] as (params: Problem['params'], label: ProblemTexts['field']) => string;
  return say(problem.params, texts.field);
}

/** Each problem in words, one after another, as one refusal. */
export function problemsText(problems: readonly Problem[], language: Language): string[] {
  return problems.map((p) => problemText(p, language));
}

/**
 * What an error says to the person: the domain's problems in their language when it names them,
 * else its message.
 */
export function errorText(
  error: { message: string; reasons?: readonly Problem[] },
  language: Language,
): string {
  return error.reasons && error.reasons.length > 0
    ? problemsText(error.reasons, language).join(' ')
    : error.message;
}
