import type { UnreachedParam } from '../domain/problems.js';
import type { Language } from './messages.js';

/** The words a list of who a broadcast missed is made of, per language. */
interface UnreachedWords {
  readonly and: string;
  readonly roles: Readonly<Record<string, string>>;
  readonly unnamedPerson: string;
  readonly aNetwork: string;
  readonly noPersonalChat: (names: string) => string;
  readonly noLinkedChannel: (names: string) => string;
  readonly channelGone: (names: string) => string;
  readonly placeGone: (places: string) => string;
  readonly nobodyHasRole: (roles: string) => string;
  readonly aPlace: string;
  readonly general: string;
  readonly aChannel: string;
  readonly personalChatOf: (name: string | undefined) => string;
  readonly groupChat: (name: string | undefined) => string;
}

const WORDS: Readonly<Record<Language, UnreachedWords>> = {
  nb: {
    and: 'og',
    roles: {
      admin: 'kommunalsjef',
      koordinator: 'koordinator',
      enhetsleder: 'enhetsleder',
      medlem: 'medlem',
    },
    unnamedPerson: 'en person uten navn',
    aNetwork: 'et nettverk',
    noPersonalChat: (names) => `${names} har ikke Planpuls i en personlig chat ennå`,
    noLinkedChannel: (names) => `${names} har ingen koblet kanal`,
    channelGone: (names) => `kanalen til ${names} har ikke lenger Planpuls`,
    placeGone: (places) => `Planpuls er ikke lenger i ${places}`,
    nobodyHasRole: (roles) => `ingen har rollen ${roles}`,
    aPlace: 'en kanal eller chat',
    general: 'Generelt',
    aChannel: 'en kanal',
    personalChatOf: (name) => `den personlige chatten til ${name ?? 'en ukjent person'}`,
    groupChat: (name) => (name ? `gruppechatten ${name}` : 'en gruppechat uten navn'),
  },
  en: {
    and: 'and',
    roles: { admin: 'admin', koordinator: 'coordinator', enhetsleder: 'unit leader', medlem: 'member' },
    unnamedPerson: 'a person without a name',
    aNetwork: 'a network',
    noPersonalChat: (names) => `${names} does not have Planpuls in a personal chat yet`,
    noLinkedChannel: (names) => `${names} has no linked channel`,
    channelGone: (names) => `the channel of ${names} no longer has Planpuls`,
    placeGone: (places) => `Planpuls is no longer in ${places}`,
    nobodyHasRole: (roles) => `nobody has the role ${roles}`,
    aPlace: 'a channel or chat',
    general: 'General',
    aChannel: 'a channel',
    personalChatOf: (name) => `the personal chat of ${name ?? 'an unknown person'}`,
    groupChat: (name) => (name ? `the group chat ${name}` : 'a group chat without a name'),
  },
};

/**
 * Who a send does not reach and why, for the sender: «Rita Rektor har ikke Planpuls i en
 * personlig chat ennå; LP har ingen koblet kanal», or the same in English.
 */
export function unreachedText(unreached: readonly UnreachedParam[], language: Language): string {
  const w = WORDS[language];
  const join = (parts: readonly string[]) =>
    parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${w.and} ${parts.at(-1)}`;
  const names = (reason: string, unknown: string) =>
    unreached.filter((u) => u.reason === reason).map((u) => u.name ?? unknown);
  const placeName = (place: UnreachedParam['place']) => {
    if (!place) return w.aPlace;
    if (place.kind === 'channel')
      return place.team ? `${place.team} › ${place.channel ?? w.general}` : (place.channel ?? w.aChannel);
    if (place.kind === 'personal') return w.personalChatOf(place.name);
    return w.groupChat(place.name);
  };
  const parts: string[] = [];
  const people = names('no-personal-chat', w.unnamedPerson);
  if (people.length) parts.push(w.noPersonalChat(join(people)));
  const unlinked = names('no-linked-channel', w.aNetwork);
  if (unlinked.length) parts.push(w.noLinkedChannel(join(unlinked)));
  const removed = names('channel-not-installed', w.aNetwork);
  if (removed.length) parts.push(w.channelGone(join(removed)));
  const gone = unreached.filter((u) => u.reason === 'not-installed').map((u) => placeName(u.place));
  if (gone.length) parts.push(w.placeGone(join(gone)));
  const roles = names('nobody-has-role', '').map((r) => w.roles[r] ?? r);
  if (roles.length) parts.push(w.nobodyHasRole(join(roles)));
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
