import type { Language } from './index.js';

/** Texts of the tab's administration API: Norwegian bokmål first, then English. */
const nb = {
  signIn: 'Du må være logget inn.',
  adminsOnly: 'Bare administratorer kan gjøre dette.',
  noPlan: 'Ingen plan er importert ennå.',
  personNotFound: (id: string) => `Fant ikke personen ${id}.`,
  stalePerson: (name: string) =>
    `${name} ble endret av noen andre etter at du åpnet skjemaet. Ingenting er lagret; last inn på nytt og prøv igjen.`,
  badPerson:
    'Send «version» (eller null for en person som ikke er lagret), «roles», «leads», «networks» og «coordinates» som lister.',
  unknownRole: (role: string) => `ukjent rolle «${role}»`,
  unknownUnit: (unit: string) => `ukjent enhet «${unit}»`,
  unknownProgramme: (id: string) => `ukjent program eller nettverk «${id}»`,
  notSaved: (problems: string[]) => `Ikke lagret: ${problems.join('; ')}.`,
  emptyPlan: 'Send planfilen (YAML eller JSON) som innhold i forespørselen.',
  badSchoolYear: (value: string) => `Skoleåret må være to påfølgende år, f.eks. 2027-2028, ikke «${value}».`,
  sameSchoolYear: (year: string) => `Planen gjelder allerede skoleåret ${year}.`,
  stalePlan: 'Planen ble endret etter at du åpnet den. Ingenting er lagret; last inn på nytt og prøv igjen.',
  badRules: 'Send «revision», «programmes» og «events» med readingLeadDays og reminderTime (eller null).',
  unknownEvent: (id: string) => `ukjent hendelse «${id}»`,
};

export type AdminTexts = typeof nb;

const en: AdminTexts = {
  signIn: 'You must be signed in.',
  adminsOnly: 'Only administrators can do this.',
  noPlan: 'No plan has been imported yet.',
  personNotFound: (id) => `Person ${id} not found.`,
  stalePerson: (name) =>
    `${name} was changed by someone else after you opened the form. Nothing was saved; reload and try again.`,
  badPerson:
    'Send «version» (or null for a person not stored yet), «roles», «leads», «networks» and «coordinates» as lists.',
  unknownRole: (role) => `unknown role «${role}»`,
  unknownUnit: (unit) => `unknown unit «${unit}»`,
  unknownProgramme: (id) => `unknown programme or network «${id}»`,
  notSaved: (problems) => `Not saved: ${problems.join('; ')}.`,
  emptyPlan: 'Send the plan file (YAML or JSON) as the request body.',
  badSchoolYear: (value) => `The school year must be two consecutive years, e.g. 2027-2028, not «${value}».`,
  sameSchoolYear: (year) => `The plan already covers the school year ${year}.`,
  stalePlan: 'The plan changed after you opened it. Nothing was saved; reload and try again.',
  badRules: 'Send «revision», «programmes» and «events» with readingLeadDays and reminderTime (or null).',
  unknownEvent: (id) => `unknown event «${id}»`,
};

export function adminTexts(language: Language): AdminTexts {
  return language === 'en' ? en : nb;
}
