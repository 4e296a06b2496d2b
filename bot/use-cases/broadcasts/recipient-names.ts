import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import { kindOf, type Installation } from '../../domain/conversations/installation.js';
import type { PeopleRepository } from '../people-repository.js';
import type { InstallationRegistry } from '../installation-registry.js';

/**
 * A conversation as people know it: a channel by its team and channel name, a personal chat by
 * whose it is. No field is an id; what is not known is left out (the tab says "name unknown").
 */
export interface RecipientName {
  readonly conversationId: string;
  readonly kind: Installation['kind'];
  /** For a personal chat: the person; for a group chat: its name, if Teams gave one. */
  readonly name?: string;
  /** For a channel. */
  readonly team?: string;
  /** For a channel; Teams gives General no name of its own. */
  readonly channel?: string;
}

export interface NameDeps {
  readonly registry: InstallationRegistry;
  readonly people: PeopleRepository;
}

/** A person's name: from the people repository, else as Teams gave it in their personal chat. */
export async function personName(deps: NameDeps, aadObjectId: string): Promise<string | undefined> {
  const id = aadObjectId.toLowerCase();
  if (!id) return undefined;
  const person = await deps.people.get(id);
  if (person?.name) return person.name;
  const chats = await deps.registry.list({ userAadObjectId: id, kind: 'personal' });
  return chats.map((c) => c.reference.user?.name).find((name) => !!name);
}

/** Names the conversations; `reference` is the fallback for a place no longer in the registry. */
export async function recipientNames(
  deps: NameDeps,
  conversations: readonly { conversationId: string; reference?: ConversationRef }[],
): Promise<RecipientName[]> {
  const out: RecipientName[] = [];
  for (const { conversationId, reference } of conversations) {
    const installation = await deps.registry.get(conversationId);
    const kind = installation?.kind ?? kindOf(reference?.conversation.conversationType);
    const base = { conversationId, kind };
    if (kind === 'channel') {
      out.push({
        ...base,
        ...(installation?.teamName ? { team: installation.teamName } : {}),
        ...(installation?.channelName ? { channel: installation.channelName } : {}),
      });
    } else if (kind === 'personal') {
      const user = installation?.userAadObjectId ?? reference?.user?.aadObjectId;
      const name =
        (user ? await personName(deps, user) : undefined) ??
        installation?.reference.user?.name ??
        reference?.user?.name;
      out.push({ ...base, ...(name ? { name } : {}) });
    } else {
      const name = installation?.channelName;
      out.push({ ...base, ...(name ? { name } : {}) });
    }
  }
  return out;
}
