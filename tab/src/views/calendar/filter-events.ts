import { eventConcernsUnit } from '../../../../bot/domain/plan/unit-events';
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
  const concerns = (event: EventView, set: Set<string>) =>
    set.has(event.programme) || event.alsoFor.some((id) => set.has(id));
  return events.filter(
    (event) =>
      (!programmes || concerns(event, programmes)) && (!unit || eventConcernsUnit(event, plan, unit)),
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
