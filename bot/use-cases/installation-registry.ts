import type { Installation } from '../domain/conversations/installation.js';

export type InstallationInput = Omit<Installation, 'status' | 'updatedAt' | 'staleReason'>;

/** Storage port: where the bot is installed, with the references needed to reach each place. */
export interface InstallationRegistry {
  /** Records (or revives) an installation as active. */
  record(installation: InstallationInput): Promise<void>;
  markStale(conversationId: string, reason: string): Promise<void>;
  get(conversationId: string): Promise<Installation | undefined>;
  /**
   * Claims the one welcome of a recorded conversation: true for the first caller ever (installing
   * sends an installationUpdate and a conversationUpdate, and a reinstall sends them again), false
   * for every later one, concurrent callers included. An uninstall does not forget it.
   */
  claimWelcome(conversationId: string): Promise<boolean>;
  list(filter?: {
    teamId?: string;
    kind?: Installation['kind'];
    userAadObjectId?: string;
  }): Promise<Installation[]>;
}
