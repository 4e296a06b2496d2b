import type { PersonRole } from '../domain/people/person.js';
import type { Language } from './messages.js';

/** `meg`: who she is in Planpuls and the networks she is in, with why, who coordinates, what is next. */
export interface ProfileTexts {
  readonly command: { readonly name: string; readonly description: string };
  readonly unnamed: string;
  readonly roles: (roles: string) => string;
  /** The units she leads, by name; `count` chooses «Enheten din» or «Enhetene dine». */
  readonly leads: (names: string, count: number) => string;
  readonly roleNames: Readonly<Record<PersonRole, string>>;
  readonly networksHeading: string;
  readonly noNetworks: string;
  readonly member: string;
  /** `count`: how many units (roles) are named, for «enheten din» or «enhetene dine». */
  readonly unit: (names: string, count: number) => string;
  readonly role: (names: string, count: number) => string;
  readonly coordinator: (names: string) => string;
  readonly next: (when: string, title: string) => string;
  readonly nextNone: string;
  readonly and: string;
  readonly locale: string;
}

const nb: ProfileTexts = {
  command: { name: 'meg', description: 'Hvem du er i Planpuls, og nettverkene du er med i.' },
  unnamed: 'Du',
  roles: (roles) => `Roller i Planpuls: ${roles}`,
  leads: (names, count) => (count === 1 ? `Enheten du leder: ${names}` : `Enhetene du leder: ${names}`),
  roleNames: {
    admin: 'kommunalsjef',
    koordinator: 'koordinator',
    enhetsleder: 'enhetsleder',
    medlem: 'medlem',
  },
  networksHeading: 'Mine nettverk',
  noNetworks:
    'Du er ikke med i noe nettverk ennå: verken selv, gjennom en enhet du leder eller gjennom rollen din. Kommunalsjefen kan legge deg til.',
  member: 'du er medlem',
  unit: (names, count) => (count === 1 ? `enheten din ${names} er med` : `enhetene dine ${names} er med`),
  // A role is a group's name («Kommunalsjef», «Rektorer/skoleledere»), not a word in the sentence.
  role: (names, count) => (count === 1 ? `gjennom rollen ${names}` : `gjennom rollene ${names}`),
  coordinator: (names) => `koordinator: ${names}`,
  next: (when, title) => `neste møte: ${when}, ${title}`,
  nextNone: 'ingen møter fremover i planen',
  and: 'og',
  locale: 'nb-NO',
};

const en: ProfileTexts = {
  command: { name: 'me', description: 'Who you are in Planpuls, and the networks you are in.' },
  unnamed: 'You',
  roles: (roles) => `Roles in Planpuls: ${roles}`,
  leads: (names, count) => (count === 1 ? `The unit you lead: ${names}` : `The units you lead: ${names}`),
  roleNames: { admin: 'admin', koordinator: 'coordinator', enhetsleder: 'unit leader', medlem: 'member' },
  networksHeading: 'My networks',
  noNetworks:
    'You are not in any network yet: not yourself, through a unit you lead or through your role. The admin can add you.',
  member: 'you are a member',
  unit: (names, count) => (count === 1 ? `your unit ${names} takes part` : `your units ${names} take part`),
  role: (names, count) => (count === 1 ? `through your role ${names}` : `through your roles ${names}`),
  coordinator: (names) => `coordinator: ${names}`,
  next: (when, title) => `next meeting: ${when}, ${title}`,
  nextNone: 'no meetings ahead in the plan',
  and: 'and',
  locale: 'en-GB',
};

export function profileTexts(language: Language): ProfileTexts {
  return language === 'en' ? en : nb;
}
