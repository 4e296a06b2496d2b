import { isTeamsUserId, MAX_REFRESH_USERS } from '../teams-user-ids.js';
import type { ReminderDeps } from './reminder-deps.js';

/**
 * Teams ids (MRI) of the latest (at most 60) people who marked a message read, oldest first: as
 * their own presses showed them, else as their personal chats with the bot recorded them. `pressed`
 * is someone whose id this very turn showed. People with no known id are left out.
 */
export async function readerIds(
  deps: Pick<ReminderDeps, 'acks' | 'registry' | 'teamsUsers'>,
  messageId: string,
  pressed?: { aadObjectId: string; userId: string },
): Promise<string[]> {
  const readers = (await deps.acks.list(messageId)).slice(-MAX_REFRESH_USERS).map((a) => a.aadObjectId);
  const known = deps.teamsUsers ? await deps.teamsUsers.of(readers) : new Map<string, string>();
  if (pressed && isTeamsUserId(pressed.userId)) known.set(pressed.aadObjectId.toLowerCase(), pressed.userId);
  const ids = await Promise.all(
    readers.map(async (aad) => {
      const id = known.get(aad.toLowerCase());
      if (id) return id;
      const chats = await deps.registry.list({ userAadObjectId: aad.toLowerCase(), kind: 'personal' });
      return chats.map((c) => c.reference.user?.id).find(isTeamsUserId);
    }),
  );
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}
