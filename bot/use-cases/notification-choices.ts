import {
  DEFAULT_NOTIFICATION_CHOICE,
  type NotificationChoice,
} from '../domain/people/notification-choice.js';
import type { Language } from '../i18n/index.js';

/** What one person chose: how Planpuls reaches her, and in which language. */
export interface PersonSettings {
  readonly aadObjectId: string;
  readonly notifications?: NotificationChoice;
  readonly language?: Language;
}

/**
 * Storage port: each person's notification choice, kept with her language (one row per person),
 * by Entra object id.
 */
export interface NotificationChoices {
  get(aadObjectId: string): Promise<NotificationChoice | undefined>;
  /** Saves the choice; her language is left as it was. */
  set(aadObjectId: string, choice: NotificationChoice): Promise<void>;
  /** Everyone who chose anything, in one read (the digest reaches thousands at once). */
  everyone(): Promise<PersonSettings[]>;
}

/** The person's choice, else the default (every reminder, as before). */
export async function notificationChoiceFor(
  choices: Pick<NotificationChoices, 'get'> | undefined,
  aadObjectId: string,
): Promise<NotificationChoice> {
  return (await choices?.get(aadObjectId)) ?? DEFAULT_NOTIFICATION_CHOICE;
}
