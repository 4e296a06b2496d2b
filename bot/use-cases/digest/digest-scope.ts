import { whyInvited } from '../../domain/my-work/why-invited.js';
import type { PersonRole } from '../../domain/people/person.js';
import { eventConcernsUnit } from '../../domain/plan/unit-events.js';
import type { CalendarEvent, PlanFile } from '../../domain/plan/plan-schema.js';
import { personConcerned } from '../../domain/reminders/reminder-rules.js';
import type { Language } from '../../i18n/index.js';

/**
 * Whom one digest is for, as far as its content goes: a channel's links, or a person's networks,
 * units and roles. Places with equal scopes get the same digest, so it is built, rendered and
 * stored once for all of them.
 */
export interface DigestScope {
  /** Programmes and networks: their meetings, agenda deadlines and broadcasts. */
  readonly programmes: readonly string[];
  /** Units: the meetings they take part in, their report deadlines and local-plan actions. */
  readonly units: readonly string[];
  /** A person's Planpuls roles: the meetings and broadcasts for them. */
  readonly roles: readonly string[];
  /** A channel: broadcasts sent to it by name. */
  readonly conversationId?: string;
  readonly language: Language;
  /** A channel's digest names what it is linked to. */
  readonly named: boolean;
  /**
   * A person's digest: her meetings are those «Mine» and `neste` list (`whyInvited`), with
   * `programmes` as her networks and `units` as the units she leads.
   */
  readonly person?: true;
}

/** Equal for equal scopes (the lists are kept sorted). */
export function scopeKey(scope: DigestScope): string {
  return JSON.stringify([
    scope.programmes,
    scope.units,
    scope.roles,
    scope.conversationId ?? '',
    scope.language,
    scope.named,
    scope.person ?? false,
  ]);
}

export const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * Whether an event is the scope's. A person's: by the rule of «Mine» (`whyInvited`), so a member
 * of LP is not told of the regional project group inside LP. A channel's: one of its networks'
 * (or inside one), or a linked unit's.
 */
export function eventInScope(event: CalendarEvent, plan: PlanFile, scope: DigestScope): boolean {
  if (scope.person)
    return (
      whyInvited(event, plan, {
        roles: scope.roles as readonly PersonRole[],
        leads: scope.units,
        networks: scope.programmes,
      }).length > 0
    );
  const networks = new Set(scope.programmes);
  const parent = (id: string) => plan.programmes.find((p) => p.id === id)?.parent;
  if ([event.programme, ...event.alsoFor].some((id) => networks.has(id) || networks.has(parent(id) ?? '')))
    return true;
  for (const unitId of scope.units) {
    const unit = plan.units.find((u) => u.id === unitId);
    if (unit && eventConcernsUnit(event, plan, unit)) return true;
  }
  return scope.roles.length > 0 && personConcerned({ roles: scope.roles, networks: [] }, event);
}

/** Whether a broadcast's audience keys (`programme:…`, `unit:…`, `role:…`, `conversation:…`) reach the scope. */
export function audienceInScope(audiences: readonly string[], scope: DigestScope): boolean {
  return audiences.some((key) => {
    const [kind, id = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'programme') return scope.programmes.includes(id);
    if (kind === 'unit') return scope.units.includes(id);
    if (kind === 'role') return scope.roles.includes(id);
    if (kind === 'conversation') return scope.conversationId === id;
    return false;
  });
}
