import { isoWeekOf } from '../../domain/calendar/iso-week.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { networksOf, nextMeetingOf, type NetworkReason } from '../../domain/my-work/my-networks.js';
import type { CalendarEvent, PlanFile, TimeSlot } from '../../domain/plan/plan-schema.js';
import type { Access } from '../access.js';
import type { PeopleRepository } from '../people-repository.js';
import { currentPlan, type ReadPlanDeps } from '../read-plan.js';
import { inviteeOf } from './my-meetings.js';

/** A network's next meeting, as «Mine nettverk» and `meg` show it. */
export interface NetworkMeeting {
  readonly planKey: string;
  readonly eventId: string;
  readonly title: string;
  readonly date: string;
  readonly endDate: string | null;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly isoWeek: number;
  readonly slots: readonly TimeSlot[];
}

/** One network of hers: why she is in it, who coordinates it, and when it meets next. */
export interface MyNetwork {
  readonly id: string;
  readonly name: string;
  /** The programme it is a group inside (LP for LPs prosjektgruppe), by name. */
  readonly partOf: string | null;
  readonly reasons: readonly NetworkReason[];
  /** The people who coordinate it (or the programme it is inside) in Planpuls, by name. */
  readonly coordinators: readonly string[];
  readonly next: NetworkMeeting | null;
}

export interface MyNetworks {
  /** The plan clock's date in the municipality's time zone. */
  readonly today: string;
  /** The units she leads in the current plan, by name (those no longer in the plan left out). */
  readonly leads: readonly { readonly id: string; readonly name: string }[];
  readonly networks: readonly MyNetwork[];
}

export interface MyNetworksDeps {
  read: ReadPlanDeps;
  people: Pick<PeopleRepository, 'list'>;
}

/**
 * The networks the person belongs to in the current plan (through her own membership, a unit she
 * leads or her role), each with its coordinators and its next meeting in any stored plan, so the
 * next school year's first meeting shows once this year's are over.
 */
export async function myNetworks(deps: MyNetworksDeps, access: Access): Promise<MyNetworks> {
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const current = await currentPlan(deps.read);
  if (!current) return { today, leads: [], networks: [] };
  const leads = current.plan.units
    .filter((u) => access.person?.leads.includes(u.id))
    .map((u) => ({ id: u.id, name: u.name }));
  const memberships = networksOf(current.plan, inviteeOf(access));
  if (memberships.length === 0) return { today, leads, networks: [] };
  const stored: { key: string; plan: PlanFile }[] = [];
  for (const info of await deps.read.plans.list()) {
    const found = info.key === current.info.key ? current : await deps.read.plans.load(info.key);
    if (found) stored.push({ key: info.key, plan: found.plan });
  }
  const people = await deps.people.list();
  const programmes = new Map(current.plan.programmes.map((p) => [p.id, p]));
  const networks = memberships.map(({ programme, reasons }): MyNetwork => {
    const around = [programme.id, ...(programme.parent ? [programme.parent] : [])];
    const coordinators = people
      .filter((p) => p.roles.includes('koordinator') && p.coordinates.some((c) => around.includes(c)))
      .flatMap((p) => (p.name ? [p.name] : []))
      .sort((a, b) => a.localeCompare(b, 'nb'));
    return {
      id: programme.id,
      name: programme.name,
      partOf: programme.parent ? (programmes.get(programme.parent)?.name ?? null) : null,
      reasons,
      coordinators,
      next: nextOf(stored, programme.id, today),
    };
  });
  return { today, leads, networks };
}

function nextOf(stored: { key: string; plan: PlanFile }[], programme: string, today: string) {
  const candidates = stored.flatMap(({ key, plan }) => {
    const event = nextMeetingOf(plan.calendar, programme, today);
    return event ? [{ key, event }] : [];
  });
  candidates.sort((a, b) => a.event.date.localeCompare(b.event.date));
  const first = candidates[0];
  return first ? meetingView(first.key, first.event) : null;
}

function meetingView(planKey: string, event: CalendarEvent): NetworkMeeting {
  const week = isoWeekOf(event.date);
  return {
    planKey,
    eventId: event.id,
    title: event.title,
    date: event.date,
    endDate: event.endDate ?? null,
    weekday: week.weekday,
    isoWeek: week.week,
    slots: event.slots,
  };
}
