import { parseAudience, uniqueConversations, type Audience } from '../../domain/agenda/audience.js';
import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import { effectiveRoles } from '../../domain/people/person.js';
import { BadRequestError } from '../../domain/errors.js';
import { linkedChannels, personalChats } from '../agenda/agenda-deps.js';
import type { BroadcastDeps } from './broadcast-deps.js';

export function parseAudiences(keys: unknown): Audience[] {
  if (!Array.isArray(keys) || keys.length === 0)
    throw new BadRequestError('Velg minst én mottakergruppe (f.eks. «programme:kulg»).');
  return keys.map((key) => {
    const audience = typeof key === 'string' ? parseAudience(key) : undefined;
    if (!audience) throw new BadRequestError(`Ukjent mottakergruppe: «${String(key)}».`);
    return audience;
  });
}

/** The conversations the audiences reach, each once. Not-installed places are simply not reached. */
export async function resolveAudiences(
  deps: Pick<BroadcastDeps, 'links' | 'registry' | 'access'>,
  audiences: readonly Audience[],
): Promise<ConversationRef[]> {
  const lists: ConversationRef[][] = [];
  for (const audience of audiences) {
    if (audience.kind === 'programme' || audience.kind === 'unit') {
      lists.push(await linkedChannels(deps, audience));
    } else if (audience.kind === 'conversation') {
      const installation = await deps.registry.get(audience.id);
      lists.push(installation?.status === 'active' ? [installation.reference] : []);
    } else {
      const people = await deps.access.people.list();
      const ids = people
        .filter((p) => effectiveRoles(p.aadObjectId, p, deps.access.configAdmins).has(audience.role))
        .map((p) => p.aadObjectId);
      if (audience.role === 'admin') ids.push(...deps.access.configAdmins);
      for (const id of new Set(ids)) lists.push(await personalChats(deps.registry, id));
    }
  }
  return uniqueConversations(lists);
}
