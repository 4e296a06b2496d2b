import type { CalendarEvent, PlanFile, Unit } from './plan-schema.js';

type Event = Pick<CalendarEvent, 'programme' | 'alsoFor' | 'participants'>;

/** The roles the unit's people hold (its leader, its staff, its owner), from the roles' `heldAt`. */
export function rolesAtUnit(plan: PlanFile, unit: Unit): Set<string> {
  return new Set(
    plan.roles
      .filter(
        (r) => r.heldAt?.types.includes(unit.type) && (!r.heldAt.owner || r.heldAt.owner === unit.owner),
      )
      .map((r) => r.id),
  );
}

/**
 * Whether the unit's people take part in the event: it belongs to a programme the unit follows
 * (or to a network inside one), and its participants, or else its programme's, include a role
 * held at the unit. So a regional project group inside LP is not every LP unit's meeting. Plans
 * whose roles say nothing of units (no `heldAt`) are matched on the programme alone.
 */
export function eventConcernsUnit(event: Event, plan: PlanFile, unit: Unit): boolean {
  const followed = new Set(unit.programmes);
  const parents = new Map(plan.programmes.map((p) => [p.id, p.parent]));
  const follows = (id: string) => followed.has(id) || followed.has(parents.get(id) ?? '');
  if (![event.programme, ...event.alsoFor].some(follows)) return false;
  if (!plan.roles.some((r) => r.heldAt)) return true;
  const roles = rolesAtUnit(plan, unit);
  const participants =
    event.participants.length > 0
      ? event.participants
      : (plan.programmes.find((p) => p.id === event.programme)?.participants ?? []);
  return participants.length === 0 || participants.some((id) => roles.has(id));
}

/** Whom a personal calendar is for: the units they lead and the programmes and networks they are in. */
export interface FeedOwner {
  readonly leads: readonly string[];
  readonly networks: readonly string[];
}

/**
 * A person's own events: those of their programmes and networks (and the networks inside them)
 * and those the units they lead take part in. Someone with neither gets the whole calendar.
 */
export function eventsForPerson<E extends Event>(
  events: readonly E[],
  plan: PlanFile,
  owner: FeedOwner,
): E[] {
  if (owner.leads.length === 0 && owner.networks.length === 0) return [...events];
  const networks = new Set(owner.networks);
  for (const p of plan.programmes) if (p.parent && networks.has(p.parent)) networks.add(p.id);
  const units = plan.units.filter((u) => owner.leads.includes(u.id));
  return events.filter(
    (event) =>
      [event.programme, ...event.alsoFor].some((id) => networks.has(id)) ||
      units.some((unit) => eventConcernsUnit(event, plan, unit)),
  );
}
