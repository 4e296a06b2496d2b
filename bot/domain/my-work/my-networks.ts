import type { CalendarEvent, PlanFile, Programme } from '../plan/plan-schema.js';
import { rolesAtUnit } from '../plan/unit-events.js';
import { planRolesOf } from '../reminders/reminder-rules.js';
import type { Invitee } from './why-invited.js';

/**
 * Why a network (a programme of the plan) is hers: she is a member herself, a unit she leads
 * follows it, or a role of hers takes part in it.
 */
export type NetworkReason =
  | { readonly kind: 'member' }
  | { readonly kind: 'unit'; readonly id: string; readonly name: string }
  | { readonly kind: 'role'; readonly id: string; readonly name: string };

/** One network of the plan that is hers, with every reason, in the order above. */
export interface NetworkMembership {
  readonly programme: Programme;
  readonly reasons: readonly NetworkReason[];
}

/**
 * The plan's programmes and networks the person belongs to, in the plan's order. A unit counts
 * for the programmes it follows itself (not the groups inside them, as for meetings); a role
 * counts where the programme's participants include a plan role hers stands for, and a role held
 * at units (rektorer, styrere) only when held at a unit she leads — the rule `whyInvited` uses.
 */
export function networksOf(plan: PlanFile, who: Invitee): NetworkMembership[] {
  const units = plan.units.filter((u) => who.leads.includes(u.id));
  const heldAtHers = new Set(units.flatMap((u) => [...rolesAtUnit(plan, u)]));
  const roles = [...new Set(planRolesOf(who.roles))].flatMap((id) => {
    const role = plan.roles.find((r) => r.id === id);
    if (!role || (role.heldAt && units.length > 0 && !heldAtHers.has(id))) return [];
    return [role];
  });
  return plan.programmes.flatMap((programme) => {
    const reasons: NetworkReason[] = [];
    if (who.networks.includes(programme.id)) reasons.push({ kind: 'member' });
    for (const unit of units)
      if (unit.programmes.includes(programme.id))
        reasons.push({ kind: 'unit', id: unit.id, name: unit.name });
    for (const role of roles)
      if (programme.participants.includes(role.id))
        reasons.push({ kind: 'role', id: role.id, name: role.name });
    return reasons.length > 0 ? [{ programme, reasons }] : [];
  });
}

/**
 * The network's next meeting from `today` (an ongoing one included): its own meetings and those
 * also for it, earliest first; milestones are not meetings and are not looked at.
 */
export function nextMeetingOf(
  calendar: readonly CalendarEvent[],
  programme: string,
  today: string,
): CalendarEvent | undefined {
  return calendar
    .filter((e) => (e.endDate ?? e.date) >= today && [e.programme, ...e.alsoFor].includes(programme))
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || (a.slots[0]?.start ?? '').localeCompare(b.slots[0]?.start ?? ''),
    )[0];
}
