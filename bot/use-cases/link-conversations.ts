import type { Clock } from '../domain/clock.js';
import { parseTargetKey, targetKey, type Link, type LinkTarget } from '../domain/links/link.js';
import type { PlanFile } from '../domain/plan/plan-schema.js';
import { requireRole, type Access } from './access.js';
import type { InstallationRegistry } from './installation-registry.js';
import type { LinkRepository } from './link-repository.js';
import { invalidInput, notFound, refuse } from './refusals.js';

export interface LinkDeps {
  links: LinkRepository;
  registry: InstallationRegistry;
  clock: Clock;
}

/** A target people can pick, with the name they know it by. */
export interface LinkOption {
  readonly key: string;
  readonly title: string;
}

/** Programmes and networks first, then units, as the plan names them. */
export function linkOptions(plan: PlanFile): LinkOption[] {
  return [
    ...plan.programmes.map((p) => ({ key: targetKey({ kind: 'programme', id: p.id }), title: p.name })),
    ...plan.units.map((u) => ({ key: targetKey({ kind: 'unit', id: u.id }), title: u.name })),
  ];
}

export const LINK_ROLES = ['admin', 'koordinator'] as const;

/**
 * Links a conversation to targets, replacing its earlier links. Only admins and coordinators;
 * every target must exist in the plan and the conversation must be one the bot is in.
 */
export async function setConversationLinks(
  deps: LinkDeps,
  access: Access,
  plan: PlanFile,
  conversationId: string,
  targetKeys: readonly string[],
  refusal: string,
): Promise<{ added: LinkTarget[]; removed: LinkTarget[] }> {
  requireRole(access, LINK_ROLES, refusal);
  const targets = resolveTargets(plan, targetKeys);
  const installation = await deps.registry.get(conversationId);
  if (!installation || installation.status !== 'active') {
    throw refuse(notFound, 'NOT_INSTALLED_IN', { conversationId });
  }
  const current = (await deps.links.all()).filter((l) => l.conversationId === conversationId);
  const wanted = new Set(targets.map(targetKey));
  const have = new Set(current.map((l) => targetKey(l.target)));
  const added = targets.filter((t) => !have.has(targetKey(t)));
  const removed = current.map((l) => l.target).filter((t) => !wanted.has(targetKey(t)));
  const linkedAt = deps.clock.now().toISOString();
  for (const target of added) {
    await deps.links.add({ target, conversationId, linkedBy: access.principal.aadObjectId, linkedAt });
  }
  for (const target of removed) await deps.links.remove(target, conversationId);
  return { added, removed };
}

/** Adds one link (the tab's "link this channel" action). */
export async function addLink(
  deps: LinkDeps,
  access: Access,
  plan: PlanFile,
  conversationId: string,
  targetKeyText: string,
  refusal: string,
): Promise<Link> {
  requireRole(access, LINK_ROLES, refusal);
  const [target] = resolveTargets(plan, [targetKeyText]);
  const installation = await deps.registry.get(conversationId);
  if (!installation || installation.status !== 'active') {
    throw refuse(notFound, 'NOT_INSTALLED_IN', { conversationId });
  }
  const link: Link = {
    target: target!,
    conversationId,
    linkedBy: access.principal.aadObjectId,
    linkedAt: deps.clock.now().toISOString(),
  };
  await deps.links.add(link);
  return link;
}

export function resolveTargets(plan: PlanFile, keys: readonly string[]): LinkTarget[] {
  const programmes = new Set(plan.programmes.map((p) => p.id));
  const units = new Set(plan.units.map((u) => u.id));
  return keys.map((key) => {
    const target = parseTargetKey(key);
    const known = target && (target.kind === 'programme' ? programmes : units).has(target.id);
    if (!target || !known) throw refuse(invalidInput, 'LINK_TARGET_UNKNOWN', { key });
    return target;
  });
}
