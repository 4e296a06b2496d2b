import { localDate } from '../../domain/calendar/local-date.js';
import { isMilestone } from '../../domain/plan/milestone-entries.js';
import { personConcerned, personResponsible, reminderId } from '../../domain/reminders/reminder-rules.js';
import { resolveAccess, type AccessDeps, type Principal } from '../access.js';
import { listEvents, type EventView } from '../read-plan.js';
import { postedVariants, type ReminderDeps } from './reminder-deps.js';

export type UpcomingDeps = Pick<
  ReminderDeps,
  'plans' | 'clock' | 'timeZone' | 'links' | 'outbox' | 'acks'
> & { access: AccessDeps };

/** Meetings ahead (ongoing ones included), in date order. */
async function ahead(deps: UpcomingDeps): Promise<EventView[]> {
  const today = localDate(deps.clock.now(), deps.timeZone);
  return listEvents({ plans: deps.plans, clock: deps.clock, timeZone: deps.timeZone }, { from: today });
}

/**
 * The meetings ahead that are the person's: of their networks, or where their role takes part.
 * Nobody else's: a person with none gets none (the whole calendar is offered apart from this).
 * Milestones are not meetings: {@link milestonesOf} lists those she answers for.
 */
export async function meetingsOf(deps: UpcomingDeps, principal: Principal): Promise<EventView[]> {
  const access = await resolveAccess(deps.access, principal);
  const person = { roles: [...access.roles], networks: access.person?.networks ?? [] };
  return (await ahead(deps)).filter((event) => !isMilestone(event) && personConcerned(person, event));
}

/**
 * The milestones ahead that a role of hers answers for (being in their programme is not enough,
 * as for their reminders), in date order. One dated only by its month is ahead until that month
 * is over: the half-year report due «i løpet av desember» is still hers on 3 December.
 */
export async function milestonesOf(deps: UpcomingDeps, principal: Principal): Promise<EventView[]> {
  const access = await resolveAccess(deps.access, principal);
  const today = localDate(deps.clock.now(), deps.timeZone);
  const thisMonth = today.slice(0, 7);
  const read = { plans: deps.plans, clock: deps.clock, timeZone: deps.timeZone };
  return (await listEvents(read, { from: `${thisMonth}-01` })).filter(
    (event) =>
      isMilestone(event) &&
      (event.month ? event.month >= thisMonth : (event.endDate ?? event.date) >= today) &&
      personResponsible({ roles: [...access.roles] }, event),
  );
}

/**
 * The meetings ahead of the networks linked to a conversation (a channel or group chat), with
 * those networks' names; `undefined` when no network is linked there.
 */
export async function meetingsOfConversation(
  deps: UpcomingDeps,
  conversationId: string,
): Promise<{ networks: string[]; events: EventView[] } | undefined> {
  const linked = new Set(
    (await deps.links.all())
      .filter((l) => l.conversationId === conversationId && l.target.kind === 'programme')
      .map((l) => l.target.id),
  );
  if (linked.size === 0) return undefined;
  const stored = await deps.plans.list();
  const names = new Map<string, string>();
  for (const info of stored) {
    const plan = (await deps.plans.load(info.key))?.plan;
    for (const p of plan?.programmes ?? []) if (linked.has(p.id)) names.set(p.id, p.name);
  }
  const events = (await ahead(deps)).filter((e) => [e.programme, ...e.alsoFor].some((p) => linked.has(p)));
  return { networks: [...linked].map((id) => names.get(id) ?? id), events };
}

/** The person's open reading assignments: meetings of theirs whose reading card is out and unread by them. */
export async function openReadingsOf(deps: UpcomingDeps, principal: Principal): Promise<EventView[]> {
  const open: EventView[] = [];
  for (const event of await meetingsOf(deps, principal)) {
    if (!event.reading) continue;
    const id = reminderId('reading-assignment', event.planKey, event.id);
    if ((await postedVariants(deps, id)).length === 0) continue; // not posted yet, in any language
    if (!(await deps.acks.when(id, principal.aadObjectId))) open.push(event);
  }
  return open;
}
