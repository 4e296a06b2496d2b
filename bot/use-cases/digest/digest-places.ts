import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import type { Installation } from '../../domain/conversations/installation.js';
import { wantsPersonally } from '../../domain/people/notification-choice.js';
import type { PlanFile } from '../../domain/plan/plan-schema.js';
import type { DigestDeps } from './digest-deps.js';
import { sorted, type DigestScope } from './digest-scope.js';

/** One place a digest goes to, with what it covers. */
export interface DigestPlace {
  readonly reference: ConversationRef;
  readonly scope: DigestScope;
  /** For a channel: the names of what it is linked to. */
  readonly forName?: string;
}

/**
 * Every place that gets this week's digest: each active channel (or group chat) linked to
 * networks or units, for those; and the personal chat of each person who chose the digest, for
 * her networks, units and roles, in her language. A handful of reads however many places.
 */
export async function digestPlaces(deps: DigestDeps, plan: PlanFile): Promise<DigestPlace[]> {
  const [links, installations, settings, people] = await Promise.all([
    deps.links.all(),
    deps.registry.list(),
    deps.choices.everyone(),
    deps.people.list(),
  ]);
  const active = new Map<string, Installation>();
  for (const i of installations) if (i.status === 'active') active.set(i.conversationId, i);

  const places: DigestPlace[] = [];
  const linked = new Map<string, { programmes: string[]; units: string[] }>();
  for (const link of links) {
    const entry = linked.get(link.conversationId) ?? { programmes: [], units: [] };
    (link.target.kind === 'programme' ? entry.programmes : entry.units).push(link.target.id);
    linked.set(link.conversationId, entry);
  }
  const programmeName = new Map(plan.programmes.map((p) => [p.id, p.name]));
  const unitName = new Map(plan.units.map((u) => [u.id, u.name]));
  for (const [conversationId, targets] of linked) {
    const installation = active.get(conversationId);
    if (!installation || installation.kind === 'personal') continue;
    const programmes = sorted(targets.programmes.filter((id) => programmeName.has(id)));
    const units = sorted(targets.units.filter((id) => unitName.has(id)));
    if (programmes.length + units.length === 0) continue;
    places.push({
      reference: installation.reference,
      scope: { programmes, units, roles: [], conversationId, language: 'nb', named: true },
      forName: [
        ...programmes.map((id) => programmeName.get(id)!),
        ...units.map((id) => unitName.get(id)!),
      ].join(', '),
    });
  }

  const byPerson = new Map(people.map((p) => [p.aadObjectId.toLowerCase(), p]));
  const chats = new Map<string, Installation[]>();
  for (const i of active.values()) {
    if (i.kind !== 'personal' || !i.userAadObjectId) continue;
    const id = i.userAadObjectId.toLowerCase();
    chats.set(id, [...(chats.get(id) ?? []), i]);
  }
  for (const chosen of settings) {
    if (!chosen.notifications || !wantsPersonally(chosen.notifications, 'digest')) continue;
    const id = chosen.aadObjectId.toLowerCase();
    const person = byPerson.get(id);
    const scope: DigestScope = {
      programmes: sorted([...(person?.networks ?? []), ...(person?.coordinates ?? [])]),
      units: sorted(person?.leads ?? []),
      roles: sorted(person?.roles ?? ['medlem']),
      language: chosen.language ?? 'nb',
      named: false,
      person: true,
    };
    for (const chat of chats.get(id) ?? []) places.push({ reference: chat.reference, scope });
  }
  return places;
}
