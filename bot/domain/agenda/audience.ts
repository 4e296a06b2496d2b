import type { PersonRole } from '../people/person.js';
import { problem, type AudienceName, type Problem } from '../problems.js';

/** Whom a broadcast goes to. */
export type Audience =
  | { readonly kind: 'programme'; readonly id: string }
  | { readonly kind: 'unit'; readonly id: string }
  | { readonly kind: 'role'; readonly role: PersonRole }
  | { readonly kind: 'conversation'; readonly id: string };

export function audienceKey(audience: Audience): string {
  return audience.kind === 'role' ? `role:${audience.role}` : `${audience.kind}:${audience.id}`;
}

const ROLES: readonly string[] = ['admin', 'koordinator', 'enhetsleder', 'medlem'];

/** `programme:kulg`, `unit:leknes-skole`, `role:enhetsleder`, `conversation:19:…`. */
export function parseAudience(key: string): Audience | undefined {
  const at = key.indexOf(':');
  if (at < 1) return undefined;
  const kind = key.slice(0, at);
  const id = key.slice(at + 1).trim();
  if (!id) return undefined;
  if (kind === 'programme' || kind === 'unit' || kind === 'conversation') return { kind, id };
  if (kind === 'role' && ROLES.includes(id)) return { kind, role: id as PersonRole };
  return undefined;
}

/**
 * The union of the conversations each audience resolved to, each conversation once: someone
 * reached through two audiences gets one message.
 */
export function uniqueConversations<T extends { conversation: { id: string } }>(
  lists: readonly (readonly T[])[],
): T[] {
  const seen = new Map<string, T>();
  for (const list of lists)
    for (const ref of list) if (!seen.has(ref.conversation.id)) seen.set(ref.conversation.id, ref);
  return [...seen.values()];
}

export type SendVerdict = { readonly allowed: true } | { readonly allowed: false; readonly problem: Problem };

/**
 * Who may send where: admins anywhere; coordinators only to networks they coordinate; everyone
 * else nowhere. The refusal is a code naming the audiences out of reach; `nameOf` names a network
 * or unit as people know it (its name from the plan), else its key is shown.
 */
export function maySend(
  sender: { roles: ReadonlySet<PersonRole>; coordinates: readonly string[] },
  audiences: readonly Audience[],
  nameOf: (audience: Audience) => string | undefined = () => undefined,
): SendVerdict {
  if (sender.roles.has('admin')) return { allowed: true };
  if (!sender.roles.has('koordinator'))
    return { allowed: false, problem: problem('BROADCAST_SENDERS_ONLY', {}) };
  const outside = audiences.filter((a) => a.kind !== 'programme' || !sender.coordinates.includes(a.id));
  if (outside.length > 0)
    return {
      allowed: false,
      problem: problem('BROADCAST_OUTSIDE_NETWORKS', { audiences: outside.map((a) => named(a, nameOf)) }),
    };
  return { allowed: true };
}

function named(audience: Audience, nameOf: (audience: Audience) => string | undefined): AudienceName {
  if (audience.kind === 'role') return { kind: 'role', role: audience.role };
  if (audience.kind === 'conversation') return { kind: 'conversation' };
  return { kind: 'named', name: nameOf(audience) ?? audienceKey(audience) };
}
