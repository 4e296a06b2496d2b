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
