import type { PersonRole } from '../people/person.js';
import type { CalendarEvent, PlanFile } from '../plan/plan-schema.js';
import { eventConcernsUnit, rolesAtUnit } from '../plan/unit-events.js';
import { planRolesOf } from '../reminders/reminder-rules.js';

/** Why a meeting is someone's: a role of hers takes part, a unit she leads does, or a network she is in. */
export type InvitedReason =
  | { readonly kind: 'role'; readonly id: string; readonly name: string }
  | { readonly kind: 'unit'; readonly id: string; readonly name: string }
  | { readonly kind: 'network'; readonly id: string; readonly name: string };

/** What makes a meeting someone's: her app roles, the units she leads, the networks she is in. */
export interface Invitee {
  readonly roles: ReadonlySet<PersonRole> | readonly PersonRole[];
  readonly leads: readonly string[];
  readonly networks: readonly string[];
}

type Event = Pick<CalendarEvent, 'programme' | 'alsoFor' | 'participants'>;

/**
 * Every reason the event is the person's, roles first, then units, then networks; none when it
 * is not hers. A network counts for its own events (and those also for it), as for reminders:
 * a member of LP is not invited to the regional project group inside LP by that alone. A role
 * counts where the event's participants (else its programme's) include a plan role her app role
 * stands for; a plan role held at units (rektorer, styrere) counts for a leader only when it is
 * held at a unit she leads, so a rektor is not told she is invited as a styrer.
 */
export function whyInvited(event: Event, plan: PlanFile, who: Invitee): InvitedReason[] {
  const reasons: InvitedReason[] = [];
  const programmes = new Map(plan.programmes.map((p) => [p.id, p]));
  const participants =
    event.participants.length > 0
      ? event.participants
      : (programmes.get(event.programme)?.participants ?? []);
  const units = plan.units.filter((u) => who.leads.includes(u.id));
  const heldAtHers = new Set(units.flatMap((u) => [...rolesAtUnit(plan, u)]));
  for (const id of new Set(planRolesOf(who.roles))) {
    const role = plan.roles.find((r) => r.id === id);
    if (!role || !participants.includes(id)) continue;
    if (role.heldAt && units.length > 0 && !heldAtHers.has(id)) continue;
    reasons.push({ kind: 'role', id, name: role.name });
  }
  for (const unit of units)
    if (eventConcernsUnit(event, plan, unit)) reasons.push({ kind: 'unit', id: unit.id, name: unit.name });
  for (const id of new Set([event.programme, ...event.alsoFor]))
    if (who.networks.includes(id))
      reasons.push({ kind: 'network', id, name: programmes.get(id)?.name ?? id });
  return reasons;
}
