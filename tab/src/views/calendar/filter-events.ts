import type { EventView, PlanFile } from '../../api/types';

export interface CalendarFilter {
  readonly programme?: string | undefined;
  readonly unit?: string | undefined;
}

/** A programme and the networks inside it (`parent`), since choosing LP means LP's networks too. */
function withChildren(plan: PlanFile, ids: Iterable<string>): Set<string> {
  const set = new Set(ids);
  for (const p of plan.programmes) if (p.parent && set.has(p.parent)) set.add(p.id);
  return set;
}

type Unit = PlanFile['units'][number];

/** The roles the unit's people hold (its leader, its staff, its owner), from the roles' `heldAt`. */
function rolesAt(plan: PlanFile, unit: Unit): Set<string> {
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
 * held at the unit. A regional project group inside LP is not an LP unit's meeting. Plans whose
 * roles say nothing of units (no `heldAt`) are matched on the programme alone.
 */
function concernsUnit(event: EventView, plan: PlanFile, unit: Unit, roles: Set<string>): boolean {
  const followed = new Set(unit.programmes);
  const parents = new Map(plan.programmes.map((p) => [p.id, p.parent]));
  const follows = (id: string) => followed.has(id) || followed.has(parents.get(id) ?? '');
  if (![event.programme, ...event.alsoFor].some(follows)) return false;
  if (!plan.roles.some((r) => r.heldAt)) return true;
  const participants =
    event.participants.length > 0
      ? event.participants
      : (plan.programmes.find((p) => p.id === event.programme)?.participants ?? []);
  return participants.length === 0 || participants.some((id) => roles.has(id));
}

/**
 * Events of the chosen programme or network (and its networks), and those the chosen unit's
 * people take part in. Both filters apply together.
 */
export function filterEvents(
  events: readonly EventView[],
  plan: PlanFile,
  filter: CalendarFilter,
): EventView[] {
  const programmes = filter.programme ? withChildren(plan, [filter.programme]) : undefined;
  const unit = filter.unit ? plan.units.find((u) => u.id === filter.unit) : undefined;
  const roles = unit ? rolesAt(plan, unit) : new Set<string>();
  const concerns = (event: EventView, set: Set<string>) =>
    set.has(event.programme) || event.alsoFor.some((id) => set.has(id));
  return events.filter(
    (event) =>
      (!programmes || concerns(event, programmes)) && (!unit || concernsUnit(event, plan, unit, roles)),
  );
}

/** Programmes in plan order with their networks right after them, for the filter list. */
export function programmeOptions(plan: PlanFile): { id: string; label: string }[] {
  const top = plan.programmes.filter((p) => !p.parent || !plan.programmes.some((q) => q.id === p.parent));
  return top.flatMap((p) => [
    { id: p.id, label: p.name },
    ...plan.programmes.filter((c) => c.parent === p.id).map((c) => ({ id: c.id, label: `– ${c.name}` })),
  ]);
}
