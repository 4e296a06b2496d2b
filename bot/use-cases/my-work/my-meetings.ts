import { addDays, isoWeekOf } from '../../domain/calendar/iso-week.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { whyInvited, type InvitedReason } from '../../domain/my-work/why-invited.js';
import type { CalendarEvent, PlanFile, TimeSlot } from '../../domain/plan/plan-schema.js';
import { DEFAULT_READING_LEAD_DAYS, planRolesOf } from '../../domain/reminders/reminder-rules.js';
import type { Access } from '../access.js';
import { readingMessageId } from '../reminders/event-reads.js';
import type { MyWorkDeps } from './my-work-deps.js';

/** The reading assignment of one of her meetings, and where she stands with it. */
export interface MyReading {
  readonly text: string;
  /** `not-sent`: the card goes out on `sendsOn`; until then it cannot be marked read. */
  readonly state: 'read' | 'unread' | 'not-sent';
  readonly readAt: string | null;
  readonly sendsOn: string;
}

/** One meeting of hers, as «Mine møter» shows it. */
export interface MyMeeting {
  readonly planKey: string;
  readonly eventId: string;
  readonly title: string;
  readonly programmeName: string;
  readonly date: string;
  readonly endDate: string | null;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly isoWeek: number;
  readonly slots: readonly TimeSlot[];
  readonly location: string | null;
  readonly reasons: readonly InvitedReason[];
  readonly reading: MyReading | null;
}

export interface MyMeetings {
  /** The plan clock's date in the municipality's time zone. */
  readonly today: string;
  /** The last day looked at. */
  readonly until: string;
  /** She has no role that takes part, leads no unit and is in no network: nothing can be hers. */
  readonly belongsNowhere: boolean;
  readonly meetings: readonly MyMeeting[];
}

/** The person's roles, units and networks, as `whyInvited` takes them. */
export function inviteeOf(access: Access) {
  return {
    roles: access.roles,
    leads: access.person?.leads ?? [],
    networks: access.person?.networks ?? [],
  };
}

/**
 * The person's meetings from today (ongoing ones included) through `days` days ahead, in date
 * order, each with why it is hers and its reading assignment as she stands with it. Every stored
 * plan whose events reach the window counts, as the calendar does.
 */
export async function myMeetings(deps: MyWorkDeps, access: Access, days: number): Promise<MyMeetings> {
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const until = addDays(today, days);
  const who = inviteeOf(access);
  const found: { planKey: string; plan: PlanFile; event: CalendarEvent; reasons: InvitedReason[] }[] = [];
  for (const info of await deps.read.plans.list()) {
    const stored = await deps.read.plans.load(info.key);
    if (!stored) continue;
    for (const event of stored.plan.calendar) {
      if ((event.endDate ?? event.date) < today || event.date > until) continue;
      const reasons = whyInvited(event, stored.plan, who);
      if (reasons.length > 0) found.push({ planKey: info.key, plan: stored.plan, event, reasons });
    }
  }
  found.sort(
    (a, b) =>
      a.event.date.localeCompare(b.event.date) ||
      (a.event.slots[0]?.start ?? '').localeCompare(b.event.slots[0]?.start ?? ''),
  );
  const me = access.principal.aadObjectId;
  const meetings = await Promise.all(
    found.map(async ({ planKey, plan, event, reasons }): Promise<MyMeeting> => {
      const week = isoWeekOf(event.date);
      return {
        planKey,
        eventId: event.id,
        title: event.title,
        programmeName: plan.programmes.find((p) => p.id === event.programme)?.name ?? event.programme,
        date: event.date,
        endDate: event.endDate ?? null,
        weekday: week.weekday,
        isoWeek: week.week,
        slots: event.slots,
        location: event.location ?? null,
        reasons,
        reading: event.reading ? await readingOf(deps, planKey, plan, event, me) : null,
      };
    }),
  );
  const belongsNowhere =
    who.leads.length === 0 && who.networks.length === 0 && planRolesOf(access.roles).length === 0;
  return { today, until, belongsNowhere, meetings };
}

/** The reading card's state for her: out and read (when), out and unread, or not out yet. */
async function readingOf(
  deps: MyWorkDeps,
  planKey: string,
  plan: PlanFile,
  event: CalendarEvent,
  aadObjectId: string,
): Promise<MyReading> {
  const programme = plan.programmes.find((p) => p.id === event.programme);
  const lead =
    event.reminders?.readingLeadDays ?? programme?.defaults?.readingLeadDays ?? DEFAULT_READING_LEAD_DAYS;
  const sendsOn = addDays(event.date, -lead);
  const id = readingMessageId(planKey, event.id);
  const message = await deps.outbox.message(id);
  const base = { text: event.reading!, sendsOn };
  if (!message || message.withdrawn) return { ...base, state: 'not-sent', readAt: null };
  const readAt = await deps.acks.when(id, aadObjectId);
  return readAt ? { ...base, state: 'read', readAt } : { ...base, state: 'unread', readAt: null };
}
