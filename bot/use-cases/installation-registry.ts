import type { Installation } from '../domain/conversations/installation.js';

export type InstallationInput = Omit<Installation, 'status' | 'updatedAt' | 'staleReason'>;

/** Storage port: where the bot is installed, with the references needed to reach each place. */
export interface InstallationRegistry {
  /** Records (or revives) an installation as active. */
  record(installation: InstallationInput): Promise<void>;
  markStale(conversationId: string, reason: string): Promise<void>;
  get(conversationId: string): Promise<Installation | undefined>;
  list(filter?: {
    teamId?: string;
    kind?: Installation['kind'];
    userAadObjectId?: string;
  }): Promise<Installation[]>;
}
