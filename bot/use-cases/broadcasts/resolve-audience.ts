import {
  audienceKey,
  parseAudience,
  uniqueConversations,
  type Audience,
} from '../../domain/agenda/audience.js';
import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import { effectiveRoles } from '../../domain/people/person.js';
import { invalidInput, refuse } from '../refusals.js';
import { personalChats } from '../agenda/agenda-deps.js';
import type { BroadcastDeps } from './broadcast-deps.js';
import { personName, recipientNames } from './recipient-names.js';
import type { Unreached } from './unreached.js';

export function parseAudiences(keys: readonly string[]): Audience[] {
  if (keys.length === 0) throw refuse(invalidInput, 'AUDIENCE_NONE');
  return keys.map((key) => {
    const audience = parseAudience(key);
    if (!audience) throw refuse(invalidInput, 'AUDIENCE_UNKNOWN', { audience: key });
    return audience;
  });
}

/** What a send reaches: each conversation once, and who it does not reach and why, by name. */
export interface Reach {
  readonly targets: ConversationRef[];
  readonly unreached: Unreached[];
}

type ResolveDeps = Pick<BroadcastDeps, 'links' | 'registry' | 'access'> & {
  /** Network and unit names by id, for naming those without a channel. */
  readonly names: ReadonlyMap<string, string>;
};

/** The conversations the audiences reach, each once, and who is left out (not-installed places). */
export async function resolveAudiences(deps: ResolveDeps, audiences: readonly Audience[]): Promise<Reach> {
  const lists: ConversationRef[][] = [];
  const unreached: Unreached[] = [];
  const left = new Set<string>(); // one entry per person or place, however many audiences name it
  const leave = (id: string, entry: Unreached) => {
    if (left.has(id)) return;
    left.add(id);
    unreached.push(entry);
  };
  for (const audience of audiences) {
    const key = audienceKey(audience);
    if (audience.kind === 'programme' || audience.kind === 'unit') {
      const links = await deps.links.byTarget(audience);
      const active: ConversationRef[] = [];
      for (const link of links) {
        const installation = await deps.registry.get(link.conversationId);
        if (installation?.status === 'active') active.push(installation.reference);
      }
      lists.push(active);
      if (active.length === 0) {
        const name = deps.names.get(`${audience.kind}:${audience.id}`);
        leave(key, {
          audience: key,
          reason: links.length === 0 ? 'no-linked-channel' : 'channel-not-installed',
          ...(name ? { name } : {}),
        });
      }
    } else if (audience.kind === 'conversation') {
      const installation = await deps.registry.get(audience.id);
      if (installation?.status === 'active') lists.push([installation.reference]);
      else {
        const [place] = await recipientNames({ registry: deps.registry, people: deps.access.people }, [
          { conversationId: audience.id },
        ]);
        leave(key, { audience: key, reason: 'not-installed', ...(place ? { place } : {}) });
      }
    } else {
      const people = await deps.access.people.list();
      const ids = people
        .filter((p) => effectiveRoles(p.aadObjectId, p, deps.access.configAdmins).has(audience.role))
        .map((p) => p.aadObjectId.toLowerCase());
      if (audience.role === 'admin') ids.push(...deps.access.configAdmins.map((id) => id.toLowerCase()));
      if (ids.length === 0) leave(key, { audience: key, reason: 'nobody-has-role', name: audience.role });
      for (const id of new Set(ids)) {
        const chats = await personalChats(deps.registry, id);
        lists.push(chats);
        if (chats.length > 0) continue;
        const name = await personName({ registry: deps.registry, people: deps.access.people }, id);
        leave(`person:${id}`, { audience: key, reason: 'no-personal-chat', ...(name ? { name } : {}) });
      }
    }
  }
  return { targets: uniqueConversations(lists), unreached };
}
