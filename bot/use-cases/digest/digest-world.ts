import { localDate } from '../../domain/calendar/local-date.js';
import { digestWindow, type DigestWeek } from '../../domain/digest/digest-week.js';
import { plannedReminders } from '../../domain/reminders/reminder-rules.js';
import type { CalendarEvent, PlanFile } from '../../domain/plan/plan-schema.js';
import type { Campaign } from '../../domain/reports/campaign.js';
import type { LocalPlan } from '../../domain/reports/local-plan.js';
import type { AgendaPublication } from '../agenda/agenda-repository.js';
import type { Broadcast } from '../broadcasts/broadcast-repository.js';
import { currentPlan } from '../read-plan.js';
import type { DigestDeps } from './digest-deps.js';

/**
 * Everything a week's digests are made of, read once for all places: the plan, the open
 * campaigns due in the two weeks and who has answered them, the units' local plans, the
 * broadcasts and agendas that went out in the week before. Building each place's digest from it
 * then costs no storage call.
 */
export interface DigestWorld {
  readonly planKey: string;
  readonly plan: PlanFile;
  readonly week: DigestWeek;
  /** First and last local date shown, and the Monday of next week. */
  readonly window: { from: string; to: string; nextMonday: string };
  /** Campaigns due in the window, each with the units that have submitted. */
  readonly campaigns: readonly { campaign: Campaign; submitted: ReadonlySet<string> }[];
  readonly localPlans: ReadonlyMap<string, LocalPlan>;
  /** Broadcasts sent in the seven days before the digest. */
  readonly broadcasts: readonly Broadcast[];
  /** Agendas of the window's meetings that went out in the seven days before, by event id. */
  readonly published: ReadonlyMap<string, AgendaPublication>;
  /** The local day each reading assignment of the plan is given out, by event id. */
  readonly readingsOut: ReadonlyMap<string, string>;
}

/** A week is news from one digest to the next. */
const NEWS_DAYS = 7;

const inWindow = (date: string, window: { from: string; to: string }) =>
  date >= window.from && date <= window.to;

/** Events overlapping the window. */
export function windowEvents(plan: PlanFile, window: { from: string; to: string }): CalendarEvent[] {
  return plan.calendar.filter((e) => (e.endDate ?? e.date) >= window.from && e.date <= window.to);
}

export async function loadDigestWorld(
  deps: DigestDeps,
  week: DigestWeek,
  now: Date,
): Promise<DigestWorld | undefined> {
  const stored = await currentPlan(deps.read);
  if (!stored) return undefined;
  const window = digestWindow(week);
  const since = new Date(now.getTime() - NEWS_DAYS * 86_400_000).toISOString();
  const sent = (iso: string | undefined) => iso !== undefined && iso > since && iso <= now.toISOString();
  const today = localDate(now, deps.read.timeZone);
  const [campaigns, localPlans, broadcasts] = await Promise.all([
    deps.campaigns.list(),
    deps.localPlans.all(),
    deps.broadcasts.list(),
  ]);
  const due = campaigns.filter(
    (c) => c.planKey === stored.info.key && c.opens <= today && inWindow(c.deadline, window),
  );
  const answered = await Promise.all(
    due.map(async (campaign) => ({
      campaign,
      submitted: new Set(
        (await deps.reports.list(campaign.id)).filter((r) => r.status === 'sendt').map((r) => r.unitId),
      ),
    })),
  );
  const events = windowEvents(stored.plan, window);
  const publications = await Promise.all(events.map((e) => deps.agenda.publication(stored.info.key, e.id)));
  const published = new Map<string, AgendaPublication>();
  for (const publication of publications)
    if (publication && sent(publication.sendAt)) published.set(publication.eventId, publication);
  return {
    planKey: stored.info.key,
    plan: stored.plan,
    week,
    window,
    campaigns: answered,
    localPlans: new Map(localPlans.map((p) => [p.unitId, p])),
    broadcasts: broadcasts.filter((b) => b.status === 'sent' && sent(b.sendAt ?? b.createdAt)),
    published,
    readingsOut: new Map(
      plannedReminders(stored.info.key, stored.plan, deps.read.timeZone)
        .filter((r) => r.kind === 'reading-assignment')
        .map((r) => [r.eventId, localDate(r.dueAt, deps.read.timeZone)]),
    ),
  };
}
