import type { AudienceName, Problem, ProblemCode, ProblemField, ProblemParams } from '../domain/problems.js';
import { dateInWords } from './dates.js';
import type { Language } from './messages.js';
import { unreachedText } from './unreached.js';

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
        return 'Tidsressurser til utviklingsarbeid';
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
      case 'action-serves':
        return `Mål eller tema for handling ${field.n}`;
      case 'question':
        return field.text;
      case 'sign-comment':
        return `Kommentar til «${field.sign}»`;
      case 'input':
        return inputLabel(field, INPUT_LABELS.nb, (n) => `nr. ${n}`);
    }
  },
  MEETING_NOT_FOUND: () => 'Fant ikke møtet.',
  EVENT_NOT_FOUND: () => 'Fant ikke hendelsen.',
  UNIT_NOT_FOUND: () => 'Fant ikke enheten. Ingenting er lagret.',
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
  FIELD_NOT_DATE: ({ field, value }, label) =>
    value === undefined
      ? `«${label(field)}» må være en dato (ÅÅÅÅ-MM-DD).`
      : `«${label(field)}» må være en dato på formen ÅÅÅÅ-MM-DD, ikke «${value}».`,
  FIELD_INVALID: ({ field }, label) => `«${label(field)}» er ikke gyldig.`,
  FIELD_NOT_ONE_OF: ({ field, options }, label) =>
    `«${label(field)}» må være ${orList(
      options.map((o) => `«${o}»`),
      'eller',
    )}.`,
  FIELD_TOO_MANY: ({ field, count, max }, label) => `«${label(field)}» kan ha høyst ${max} (har ${count}).`,
  FIELD_OUT_OF_RANGE: ({ field, min, max }, label) => `«${label(field)}» må være mellom ${min} og ${max}.`,
  FIELD_NOT_TEXT: ({ field }, label) => `«${label(field)}» inneholder tegn som ikke er gyldig tekst.`,
  FIELD_NOT_HTTPS: ({ field }, label) =>
    field.kind === 'input' && field.name === 'link'
      ? 'Lenken må være en https://-adresse.'
      : `«${label(field)}» må være en https://-adresse.`,
  FIELD_NOT_TIME: ({ field }, label) => `«${label(field)}» må være et tidspunkt (ISO 8601).`,
  FIELD_ORDER: ({ first, second }, label) => `«${label(first)}» kan ikke være etter «${label(second)}».`,
  MARKDOWN_HTML: ({ field }, label) => `${at(field, label)}HTML vises ikke i Teams; bruk enkel markdown.`,
  MARKDOWN_IMAGE: ({ field }, label) =>
    `${at(field, label)}Bilder i teksten vises ikke; legg ved en lenke i stedet.`,
  MARKDOWN_HEADING: ({ field }, label) =>
    `${at(field, label)}Overskrifter (#) vises ikke; bruk **fet skrift**.`,
  MARKDOWN_LINK: ({ field, link }, label) => `${at(field, label)}Lenken «${link}» må begynne med https://.`,
  MARKDOWN_BOLD_OPEN: ({ field }, label) => `${at(field, label)}En **fet** markering er ikke lukket.`,
  BROADCAST_TITLE_MISSING: () => 'Meldingen må ha en tittel.',
  BROADCAST_TEXT_MISSING: () => 'Meldingen må ha en tekst.',
  BROADCAST_NOT_FOUND: () => 'Fant ikke meldingen.',
  BROADCAST_NOT_YOURS: () => 'Beklager, dette er ikke din melding.',
  BROADCAST_NOT_DRAFT: () => 'Meldingen er allerede sendt eller planlagt.',
  BROADCAST_ALREADY_SENT: () => 'Meldingen er allerede sendt, planlagt eller avbrutt.',
  BROADCAST_NOT_SENT: () => 'Meldingen er ikke sendt ennå.',
  READING_NOT_FOUND: () => 'Dette møtet har ingen lesebestilling å markere som lest.',
  READING_NOT_OUT: ({ sendsOn }) =>
    `Lesebestillingen sendes ut ${dateInWords(sendsOn, 'nb')}. Da kan du markere den som lest.`,
  BROADCAST_CANCELLED: () => 'Utsendingen er allerede avbrutt.',
  BROADCAST_NOTHING_TO_CANCEL: () => 'Meldingen er allerede sendt til alle; det er ingenting å avbryte.',
  BROADCAST_SENDERS_ONLY: () => 'Beklager, bare kommunalsjefen og koordinatorer kan sende meldinger.',
  NO_PERSONAL_CHAT: () => 'Planpuls er ikke installert i din personlige chat; åpne appen i Teams først.',
  AUDIENCE_NONE: () => 'Velg minst én mottakergruppe (f.eks. «programme:kulg»).',
  AUDIENCE_UNKNOWN: ({ audience }) => `Ukjent mottakergruppe: «${audience}».`,
  AUDIENCE_NO_PLACE: () => 'Ingen av mottakergruppene når noen kanal eller chat der Planpuls er installert.',
  SIGN_IN_REQUIRED: () => 'Du må være logget inn.',
  AUTOMATION_KEYS_ADMIN_ONLY: () => 'Beklager, bare kommunalsjefen kan styre automasjonsnøkler.',
  AUTOMATION_KEY_NOT_FOUND: () => 'Fant ikke nøkkelen.',
  AUTOMATION_KEY_INVALID: () => 'Ugyldig eller tilbakekalt automasjonsnøkkel.',
  NOT_FOUND: () => 'Finnes ikke.',
  STORED_VALUE_TOO_LARGE: ({ field }, label) =>
    field ? `«${label(field)}» er for lang til å lagres.` : 'En av verdiene er for lang til å lagres.',
  STORAGE_REFUSED: () =>
    'Lagringen tok ikke imot dette (for stort eller med tegn den ikke kan lagre). Ingenting er lagret.',
  TEXT_TOO_LONG: ({ field, max }, label) =>
    field ? `«${label(field)}» kan være høyst ${max} tegn.` : `Teksten kan være høyst ${max} tegn.`,
  ACTION_STATUS_UNKNOWN: ({ field }, label) =>
    `«${label(field)}» må være ikke startet, pågår eller fullført.`,
  ACTION_STATUS_MISSING: ({ field }, label) => `«${label(field)}» må velges.`,
  PLAN_NO_ACTIONS: () => 'Planen må ha minst én handling.',
  PLAN_TOO_MANY_ACTIONS: ({ max, count }) => `Planen kan ha høyst ${max} handlinger (den har ${count}).`,
  SIGN_ANSWER_UNKNOWN: ({ sign }) => `Tegnet «${sign}» må besvares ja, delvis eller nei.`,
  PLAN_NOT_IMPORTED: () => 'Ingen plan er importert.',
  CAMPAIGN_ID_INVALID: () => '«id» må være en periode som 2026-H2 eller et kort navn (a–z, 0–9, -).',
  CAMPAIGN_YEAR: ({ year, min, max }) => `Året må være mellom ${min} og ${max}, ikke ${year}.`,
  CAMPAIGN_QUESTIONS: ({ min, max }) => `En forespørsel må ha ${min}–${max} spørsmål.`,
  LINK_TARGET_UNKNOWN: ({ key }) => `Ukjent nettverk, program eller enhet: «${key}».`,
  NOT_INSTALLED_IN: ({ conversationId }) => `Planpuls er ikke installert i samtalen «${conversationId}».`,
  LANGUAGE_UNKNOWN: () => '«language» må være «nb» (norsk) eller «en» (engelsk).',
  ITEM_CHANGED: () =>
    'Saken ble endret av noen andre etter at du åpnet den. Ingenting er lagret; last på nytt og prøv igjen.',
  AGENDA_CHANGED: () =>
    'Sakslisten ble endret av noen andre etter at du åpnet den. Ingenting er lagret; last på nytt og prøv igjen.',
  ITEM_VERSION_MISSING: () => 'Send med «version», versjonen av saken du endrer.',
  AGENDA_VERSION_MISSING: () => 'Send med «version», versjonen av sakslisten du så.',
  VERSION_NOT_WHOLE: () => '«version» må være et heltall.',
  AGENDA_RUNNERS_ONLY: () => 'Beklager, bare kommunalsjefen og koordinatoren for nettverket kan gjøre dette.',
  AGENDA_DECISION: () => 'Status må være «accepted» eller «declined».',
  AGENDA_ORDER_IDS: () => 'Send «ids» som en liste med sak-id-er.',
  FEED_PROGRAMME_UNKNOWN: () => 'Send «programme» med id-en til et program eller nettverk i planen.',
  DEV_CLOCK_INPUT: () => 'Oppgi {"advanceTo": "<ISO-tid>"} eller {"offsetMs": <tall>}.',
  FEEDS_MANAGERS_ONLY: () => 'Bare kommunalsjefen og koordinatorene kan lage kalenderabonnement.',
  BROADCAST_OUTSIDE_NETWORKS: ({ audiences }) =>
    `Du kan bare sende til nettverk du koordinerer, ikke til ${andList(
      audiences.map((a) => audienceName(a, 'nb')),
      'og',
    )}.`,
  BROADCAST_REACHES_NOBODY: ({ unreached }) => `Meldingen når ingen: ${unreachedText(unreached, 'nb')}.`,
  SIGN_UNANSWERED: ({ sign }) => `Tegnet «${sign}» må besvares.`,
  STATUS_FORBIDDEN: () =>
    'Statusoversikten er for kommunalsjefen, koordinatorer og enhetsledere. Spør kommunalsjefen om du trenger tilgang.',
  PERIOD_UNKNOWN: ({ period }) => `Det finnes ingen halvårsrapport for perioden «${period}».`,
  CAMPAIGN_ADMIN_ONLY: () => 'Bare kommunalsjefen (administrator) kan styre en innhenting.',
  CAMPAIGN_UNKNOWN: ({ id }) => `Fant ikke innhentingen «${id}».`,
  CAMPAIGN_EXISTS: ({ title }) =>
    `«${title}» er allerede sendt ut. Velg den i listen for å følge den, eller gi den nye et annet navn.`,
  CAMPAIGN_CLOSED: () => 'Innhentingen er avsluttet; ingenting mer kan sendes eller endres.',
  CAMPAIGN_DEADLINE_PAST: ({ today }) => `Fristen kan ikke være før i dag (${dateInWords(today, 'nb')}).`,
};

const en: ProblemTexts = {
  field: (field) => {
    switch (field.kind) {
      case 'kartlegging':
        return 'Assessment';
      case 'analyse':
        return 'Analysis';
      case 'mal':
        return 'Goals';
      case 'tidsressurser':
        return 'Time resources for development work';
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
      case 'action-serves':
        return `Goal or theme of action ${field.n}`;
      case 'question':
        return field.text;
      case 'sign-comment':
        return `Comment on «${field.sign}»`;
      case 'input':
        return inputLabel(field, INPUT_LABELS.en, (n) => `no. ${n}`);
    }
  },
  MEETING_NOT_FOUND: () => 'Meeting not found.',
  EVENT_NOT_FOUND: () => 'Event not found.',
  UNIT_NOT_FOUND: () => 'Unit not found. Nothing was saved.',
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
  FIELD_NOT_DATE: ({ field, value }, label) =>
    value === undefined
      ? `«${label(field)}» must be a date (YYYY-MM-DD).`
      : `"${label(field)}" must be a date formatted YYYY-MM-DD, not "${value}".`,
  FIELD_INVALID: ({ field }, label) => `«${label(field)}» is not valid.`,
  FIELD_NOT_ONE_OF: ({ field, options }, label) =>
    `«${label(field)}» must be ${orList(
      options.map((o) => `«${o}»`),
      'or',
    )}.`,
  FIELD_TOO_MANY: ({ field, count, max }, label) =>
    `«${label(field)}» can have at most ${max} (it has ${count}).`,
  FIELD_OUT_OF_RANGE: ({ field, min, max }, label) => `«${label(field)}» must be between ${min} and ${max}.`,
  FIELD_NOT_TEXT: ({ field }, label) => `«${label(field)}» contains characters that are not valid text.`,
  FIELD_NOT_HTTPS: ({ field }, label) =>
    field.kind === 'input' && field.name === 'link'
      ? 'The link must be an https:// address.'
      : `«${label(field)}» must be an https:// address.`,
  FIELD_NOT_TIME: ({ field }, label) => `«${label(field)}» must be a point in time (ISO 8601).`,
  FIELD_ORDER: ({ first, second }, label) => `"${label(first)}" cannot be after "${label(second)}".`,
  MARKDOWN_HTML: ({ field }, label) => `${at(field, label)}HTML is not shown in Teams; use simple markdown.`,
  MARKDOWN_IMAGE: ({ field }, label) =>
    `${at(field, label)}Images in the text are not shown; attach a link instead.`,
  MARKDOWN_HEADING: ({ field }, label) => `${at(field, label)}Headings (#) are not shown; use **bold**.`,
  MARKDOWN_LINK: ({ field, link }, label) =>
    `${at(field, label)}The link «${link}» must start with https://.`,
  MARKDOWN_BOLD_OPEN: ({ field }, label) => `${at(field, label)}A **bold** mark is not closed.`,
  BROADCAST_TITLE_MISSING: () => 'The message needs a title.',
  BROADCAST_TEXT_MISSING: () => 'The message needs a text.',
  BROADCAST_NOT_FOUND: () => 'Message not found.',
  BROADCAST_NOT_YOURS: () => 'Sorry, this is not your message.',
  BROADCAST_NOT_DRAFT: () => 'The message has already been sent or scheduled.',
  BROADCAST_ALREADY_SENT: () => 'The message has already been sent, scheduled or cancelled.',
  BROADCAST_NOT_SENT: () => 'The message has not been sent yet.',
  READING_NOT_FOUND: () => 'This meeting has no reading assignment to mark as read.',
  READING_NOT_OUT: ({ sendsOn }) =>
    `The reading assignment goes out on ${dateInWords(sendsOn, 'en')}. You can mark it as read from then.`,
  BROADCAST_CANCELLED: () => 'The send has already been cancelled.',
  BROADCAST_NOTHING_TO_CANCEL: () =>
    'The message has already been sent to everyone; there is nothing to cancel.',
  BROADCAST_SENDERS_ONLY: () => 'Sorry, only the admin and coordinators can send messages.',
  NO_PERSONAL_CHAT: () => 'Planpuls is not installed in your personal chat; open the app in Teams first.',
  AUDIENCE_NONE: () => 'Choose at least one audience (e.g. «programme:kulg»).',
  AUDIENCE_UNKNOWN: ({ audience }) => `Unknown audience: «${audience}».`,
  AUDIENCE_NO_PLACE: () => 'None of the audiences reaches a channel or chat where Planpuls is installed.',
  SIGN_IN_REQUIRED: () => 'You must be signed in.',
  AUTOMATION_KEYS_ADMIN_ONLY: () => 'Sorry, only the admin can manage automation keys.',
  AUTOMATION_KEY_NOT_FOUND: () => 'Key not found.',
  AUTOMATION_KEY_INVALID: () => 'Invalid or revoked automation key.',
  NOT_FOUND: () => 'Not found.',
  STORED_VALUE_TOO_LARGE: ({ field }, label) =>
    field ? `«${label(field)}» is too long to be stored.` : 'One of the values is too long to be stored.',
  STORAGE_REFUSED: () =>
    'Storage did not accept this (too large, or with characters it cannot hold). Nothing was saved.',
  TEXT_TOO_LONG: ({ field, max }, label) =>
    field
      ? `«${label(field)}» can be at most ${max} characters.`
      : `The text can be at most ${max} characters.`,
  ACTION_STATUS_UNKNOWN: ({ field }, label) =>
    `«${label(field)}» must be not started, in progress or completed.`,
  ACTION_STATUS_MISSING: ({ field }, label) => `«${label(field)}» must be chosen.`,
  PLAN_NO_ACTIONS: () => 'The plan needs at least one action.',
  PLAN_TOO_MANY_ACTIONS: ({ max, count }) => `The plan can have at most ${max} actions (it has ${count}).`,
  SIGN_ANSWER_UNKNOWN: ({ sign }) => `The sign «${sign}» must be answered yes, partly or no.`,
  PLAN_NOT_IMPORTED: () => 'No plan has been imported.',
  CAMPAIGN_ID_INVALID: () => '«id» must be a period such as 2026-H2 or a short name (a–z, 0–9, -).',
  CAMPAIGN_YEAR: ({ year, min, max }) => `The year must be between ${min} and ${max}, not ${year}.`,
  CAMPAIGN_QUESTIONS: ({ min, max }) => `A request needs ${min}–${max} questions.`,
  LINK_TARGET_UNKNOWN: ({ key }) => `Unknown network, programme or unit: «${key}».`,
  NOT_INSTALLED_IN: ({ conversationId }) =>
    `Planpuls is not installed in the conversation «${conversationId}».`,
  LANGUAGE_UNKNOWN: () => '"language" must be "nb" (Norwegian) or "en" (English).',
  ITEM_CHANGED: () =>
    'Someone else changed the item after you opened it. Nothing was saved; reload and try again.',
  AGENDA_CHANGED: () =>
    'Someone else changed the agenda after you opened it. Nothing was saved; reload and try again.',
  ITEM_VERSION_MISSING: () => 'Send «version», the version of the item you are changing.',
  AGENDA_VERSION_MISSING: () => 'Send «version», the version of the agenda you saw.',
  VERSION_NOT_WHOLE: () => '«version» must be a whole number.',
  AGENDA_RUNNERS_ONLY: () => 'Sorry, only the admin and the network’s coordinator can do this.',
  AGENDA_DECISION: () => 'Status must be «accepted» or «declined».',
  AGENDA_ORDER_IDS: () => 'Send «ids» as a list of item ids.',
  FEED_PROGRAMME_UNKNOWN: () => 'Send «programme» with the id of a programme or network in the plan.',
  DEV_CLOCK_INPUT: () => 'Give {"advanceTo": "<ISO time>"} or {"offsetMs": <number>}.',
  FEEDS_MANAGERS_ONLY: () => 'Only the admin and the coordinators can make calendar subscriptions.',
  BROADCAST_OUTSIDE_NETWORKS: ({ audiences }) =>
    `You can only send to networks you coordinate, not to ${andList(
      audiences.map((a) => audienceName(a, 'en')),
      'and',
    )}.`,
  BROADCAST_REACHES_NOBODY: ({ unreached }) =>
    `The message reaches nobody: ${unreachedText(unreached, 'en')}.`,
  SIGN_UNANSWERED: ({ sign }) => `The sign «${sign}» must be answered.`,
  STATUS_FORBIDDEN: () =>
    'The status overview is for the kommunalsjef, coordinators and unit leaders. Ask the kommunalsjef if you need access.',
  PERIOD_UNKNOWN: ({ period }) => `There is no half-year report for the period «${period}».`,
  CAMPAIGN_ADMIN_ONLY: () => 'Only the head of education (administrator) can run a request.',
  CAMPAIGN_UNKNOWN: ({ id }) => `Request «${id}» not found.`,
  CAMPAIGN_EXISTS: ({ title }) =>
    `«${title}» has already been sent. Choose it in the list to follow it, or give the new one another name.`,
  CAMPAIGN_CLOSED: () => 'The request is closed; nothing more can be sent or changed.',
  CAMPAIGN_DEADLINE_PAST: ({ today }) => `The deadline cannot be before today (${dateInWords(today, 'en')}).`,
};

/** The request fields the tab shows under a name of its own; others keep the API's name. */
const INPUT_LABELS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  nb: {
    title: 'Tittel',
    text: 'Tekst',
    link: 'Lenke',
    reading: 'Lesebestilling',
    audiences: 'Mottakere',
    name: 'Navn',
    deadline: 'Frist',
    opens: 'Åpner',
    questions: 'Spørsmål',
    description: 'Beskrivelse',
    presenter: 'Hvem legger fram',
  },
  en: {
    title: 'Title',
    text: 'Text',
    link: 'Link',
    reading: 'Reading',
    audiences: 'Recipients',
    name: 'Name',
    deadline: 'Deadline',
    opens: 'Opens',
    questions: 'Questions',
    description: 'Description',
    presenter: 'Who presents',
  },
};

function inputLabel(
  field: { readonly name: string; readonly index?: number },
  labels: Readonly<Record<string, string>>,
  nth: (n: number) => string,
): string {
  const name = labels[field.name] ?? field.name;
  return field.index === undefined ? name : `${name} ${nth(field.index + 1)}`;
}

/** «Tittel»: before a markdown problem in a field other than the body. */
function at(field: ProblemField | undefined, label: (field: ProblemField) => string): string {
  return field ? `«${label(field)}»: ` : '';
}

const ROLE_AUDIENCES: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  nb: {
    admin: 'alle med rollen kommunalsjef',
    koordinator: 'alle med rollen koordinator',
    enhetsleder: 'alle med rollen enhetsleder',
    medlem: 'alle med rollen medlem',
  },
  en: {
    admin: 'everyone with the admin role',
    koordinator: 'everyone with the coordinator role',
    enhetsleder: 'everyone with the unit leader role',
    medlem: 'everyone with the member role',
  },
};

function audienceName(audience: AudienceName, language: Language): string {
  if (audience.kind === 'named') return audience.name;
  if (audience.kind === 'conversation')
    return language === 'en' ? 'a chosen channel or chat' : 'en valgt kanal eller chat';
  return ROLE_AUDIENCES[language][audience.role] ?? audience.role;
}

/** «a», «a og b», «a, b og c». */
function andList(parts: readonly string[], and: string): string {
  return orList(parts, and);
}

/** «a», «a eller b», «a, b eller c». */
function orList(parts: readonly string[], or: string): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${or} ${parts.at(-1)}`;
}

/** One problem in words, in the person's language. */
export function problemText(problem: Problem, language: Language): string {
  const texts = language === 'en' ? en : nb;
  const say = texts[problem.code] as (params: Problem['params'], label: ProblemTexts['field']) => string;
  return say(problem.params, texts.field);
}

/** Each problem in words, one after another, as one refusal. */
/** More unanswered signs than this are counted in one line instead of each quoted in full. */
const SIGNS_LISTED = 3;

export function problemsText(problems: readonly Problem[], language: Language): string[] {
  const unanswered = problems.filter((p) => p.code === 'SIGN_UNANSWERED');
  if (unanswered.length <= SIGNS_LISTED) return problems.map((p) => problemText(p, language));
  // A first «Send inn» with no sign answered would quote all twenty signs, a wall of text: one
  // line says how many, where the first of them was.
  const count = UNANSWERED_SIGNS[language](unanswered.length);
  return problems.flatMap((p) =>
    p.code !== 'SIGN_UNANSWERED' ? [problemText(p, language)] : p === unanswered[0] ? [count] : [],
  );
}

const UNANSWERED_SIGNS: Record<Language, (n: number) => string> = {
  nb: (n) => `${n} tegn på god praksis er ikke besvart ennå (ja, delvis eller nei).`,
  en: (n) => `${n} signs of good practice are not answered yet (yes, partly or no).`,
};

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
