/**
 * Teams user ids (MRI, `29:…`) of people, by Entra object id, as their own activities showed them
 * (a message or a card press anywhere, a channel included). Teams needs them to refresh a card for
 * certain users (Universal Actions `refresh.userIds`), and a leader without a personal chat with
 * the bot is known by nothing else.
 */
export interface TeamsUserIds {
  /** Someone with this object id acted as this Teams user. Known at once in this process. */
  remember(aadObjectId: string, userId: string): Promise<void>;
  /** The known Teams user ids of these people (by lower-case object id); unknown ones are left out. */
  of(aadObjectIds: readonly string[]): Promise<Map<string, string>>;
}

/** Teams refreshes a card for at most 60 users (Universal Actions `refresh.userIds`). */
export const MAX_REFRESH_USERS = 60;

/** Only Teams users' ids (not bots', not other channels') are worth keeping. */
export function isTeamsUserId(id: string | undefined): id is string {
  return typeof id === 'string' && id.startsWith('29:');
}
