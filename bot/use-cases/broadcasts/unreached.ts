import type { RecipientName } from './recipient-names.js';

/** Why an audience, or a person in it, gets nothing from a send. */
export type UnreachedReason =
  /** A person (reached by role) who has not opened Planpuls in a personal chat. */
  | 'no-personal-chat'
  /** A network or unit with no channel linked to it. */
  | 'no-linked-channel'
  /** A network or unit whose linked channels no longer have Planpuls. */
  | 'channel-not-installed'
  /** A chosen channel or chat that no longer has Planpuls. */
  | 'not-installed'
  /** A role nobody has. */
  | 'nobody-has-role';

/**
 * Someone a send does not reach, named as people know them: a person, a network or unit, a role,
 * or a place. Stored with the send so the sender can see it afterwards too.
 */
export interface Unreached {
  /** The audience key it came from (`role:enhetsleder`, `programme:kulg`, …). */
  readonly audience: string;
  readonly reason: UnreachedReason;
  /** A person's, network's or unit's name, or the role id; absent when not known. */
  readonly name?: string;
  /** For a chosen channel or chat. */
  readonly place?: RecipientName;
}

const join = (parts: readonly string[]) =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}`;

const ROLE_NAMES: Readonly<Record<string, string>> = {
  admin: 'kommunalsjef',
  koordinator: 'koordinator',
  enhetsleder: 'enhetsleder',
  medlem: 'medlem',
};

function placeName(place: RecipientName | undefined): string {
  if (!place) return 'en kanal eller chat';
  if (place.kind === 'channel')
    return place.team ? `${place.team} › ${place.channel ?? 'Generelt'}` : (place.channel ?? 'en kanal');
  if (place.kind === 'personal') return `den personlige chatten til ${place.name ?? 'en ukjent person'}`;
  return place.name ? `gruppechatten ${place.name}` : 'en gruppechat uten navn';
}

/** Who is not reached and why, in Norwegian, for the sender: «Rita Rektor har ikke Planpuls …». */
export function unreachedText(unreached: readonly Unreached[]): string {
  const names = (reason: UnreachedReason, unknown: string) =>
    unreached.filter((u) => u.reason === reason).map((u) => u.name ?? unknown);
  const parts: string[] = [];
  const people = names('no-personal-chat', 'en person uten navn');
  if (people.length) parts.push(`${join(people)} har ikke Planpuls i en personlig chat ennå`);
  const unlinked = names('no-linked-channel', 'et nettverk');
  if (unlinked.length) parts.push(`${join(unlinked)} har ingen koblet kanal`);
  const removed = names('channel-not-installed', 'et nettverk');
  if (removed.length) parts.push(`kanalen til ${join(removed)} har ikke lenger Planpuls`);
  const gone = unreached.filter((u) => u.reason === 'not-installed').map((u) => placeName(u.place));
  if (gone.length) parts.push(`Planpuls er ikke lenger i ${join(gone)}`);
  const roles = names('nobody-has-role', '').map((r) => ROLE_NAMES[r] ?? r);
  if (roles.length) parts.push(`ingen har rollen ${join(roles)}`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
