import type { Unreached } from './unreached.js';

/** A message from the kommunalsjef or a coordinator to chosen audiences. */
export interface Broadcast {
  readonly id: string;
  readonly title: string;
  /** Simple markdown. */
  readonly text: string;
  readonly link?: string;
  /** A reading assignment; the card then has a "Lest" button. */
  readonly reading?: string;
  /** Audience keys: `programme:kulg`, `unit:…`, `role:enhetsleder`, `conversation:…`. */
  readonly audiences: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly status: 'draft' | 'scheduled' | 'sent' | 'cancelled';
  readonly sendAt?: string;
  /** How many conversations the send reached once audiences were resolved and de-duplicated. */
  readonly recipients?: number;
  /** Who the send did not reach, and why, as it stood when it was sent or scheduled. */
  readonly unreached?: readonly Unreached[];
  readonly previews: number;
}

export interface Acknowledgement {
  readonly aadObjectId: string;
  readonly name?: string;
  readonly at: string;
}

/** Storage port for broadcasts and who has acknowledged them. */
export interface BroadcastRepository {
  get(id: string): Promise<Broadcast | undefined>;
  save(broadcast: Broadcast): Promise<void>;
  list(): Promise<Broadcast[]>;
  acknowledge(id: string, ack: Acknowledgement): Promise<void>;
  acknowledgements(id: string): Promise<Acknowledgement[]>;
}
