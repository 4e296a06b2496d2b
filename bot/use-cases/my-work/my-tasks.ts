import { addDays } from '../../domain/calendar/iso-week.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { dueActions, type DueAction } from '../../domain/my-work/due-actions.js';
import type { PlanFile } from '../../domain/plan/plan-schema.js';
import { isAsked, type CampaignKind } from '../../domain/reports/campaign.js';
import type { Access } from '../access.js';
import { currentPlan } from '../read-plan.js';
import { myMeetings } from './my-meetings.js';
import type { MyWorkDeps } from './my-work-deps.js';

/** A reading card goes out at most 60 days before its meeting (the plan's `readingLeadDays` limit). */
const READING_WINDOW_DAYS = 60;

/** A reading assignment out for one of her meetings that she has not marked read. */
export interface ReadingTask {
  readonly planKey: string;
  readonly eventId: string;
  readonly title: string;
  readonly date: string;
  readonly weekday: number;
  readonly text: string;
}

/** A report one of her units owes: the campaign open (or late), and not submitted. */
export interface ReportTask {
  readonly campaignId: string;
  readonly kind: CampaignKind;
  readonly title: string;
  readonly deadline: string;
  readonly unitId: string;
  readonly unitName: string;
  /**
   * `utkast`: a draft is saved; `mangler`: asked, nothing yet; `ikke-spurt`: nothing yet, and no
   * request has reached the unit (as Enheter says it, by the same rule: `isAsked`).
   */
  readonly status: 'utkast' | 'mangler' | 'ikke-spurt';
  readonly overdue: boolean;
}

/** An action of one of her units' local plans, due soon or late. */
export interface ActionTask extends DueAction {
  readonly unitId: string;
  readonly unitName: string;
}

export interface MyTasks {
  readonly today: string;
  /** Actions are listed to this day (and every overdue one). */
  readonly until: string;
  /** Reports and local plans are a unit leader's: whether she leads any unit. */
  readonly leadsUnits: boolean;
  readonly readings: readonly ReadingTask[];
  readonly reports: readonly ReportTask[];
  readonly actions: readonly ActionTask[];
}

/**
 * What is the person's to do: reading assignments out for her meetings and not marked read;
 * the reports her units owe to campaigns that have opened (open now, or late in this school
 * year's plan); and her units' local-plan actions not done with a deadline within `days` days or
 * passed. Reads her own units' local plans and reports one by one, never every unit's.
 */
export async function myTasks(deps: MyWorkDeps, access: Access, days: number): Promise<MyTasks> {
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const leads = access.person?.leads ?? [];
  const [meetings, current, campaigns] = await Promise.all([
    myMeetings(deps, access, READING_WINDOW_DAYS),
    currentPlan(deps.read),
    leads.length > 0 ? deps.campaigns.list() : Promise.resolve([]),
  ]);
  const readings = meetings.meetings
    .filter((m) => m.reading?.state === 'unread')
    .map((m) => ({
      planKey: m.planKey,
      eventId: m.eventId,
      title: m.title,
      date: m.date,
      weekday: m.weekday,
      text: m.reading!.text,
    }));

  const units = (current?.plan.units ?? []).filter((u) => leads.includes(u.id));
  const actions = (
    await Promise.all(
      units.map(async (unit) =>
        dueActions((await deps.localPlans.get(unit.id))?.actions ?? [], today, days).map((a) => ({
          ...a,
          unitId: unit.id,
          unitName: unit.name,
        })),
      ),
    )
  )
    .flat()
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.unitName.localeCompare(b.unitName, 'nb'));

  const plans = new Map<string, Promise<PlanFile | undefined>>();
  const planOf = (key: string) => {
    if (!plans.has(key))
      plans.set(
        key,
        deps.read.plans.load(key).then((s) => s?.plan),
      );
    return plans.get(key)!;
  };
  const owing = campaigns.filter(
    (c) => c.opens <= today && (c.deadline >= today || c.planKey === current?.info.key),
  );
  const reports = (
    await Promise.all(
      owing.flatMap(async (campaign) => {
        const plan = await planOf(campaign.planKey);
        const theirs = (plan?.units ?? []).filter((u) => leads.includes(u.id));
        return Promise.all(
          theirs.map(async (unit): Promise<ReportTask | undefined> => {
            const report = await deps.reports.get(campaign.id, unit.id);
            if (report?.status === 'sendt') return undefined;
            return {
              campaignId: campaign.id,
              kind: campaign.kind,
              title: campaign.title,
              deadline: campaign.deadline,
              unitId: unit.id,
              unitName: unit.name,
              status: report ? 'utkast' : isAsked(campaign, unit.id) ? 'mangler' : 'ikke-spurt',
              overdue: campaign.deadline < today,
            };
          }),
        );
      }),
    )
  )
    .flat()
    .filter((r): r is ReportTask => r !== undefined)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.unitName.localeCompare(b.unitName, 'nb'));

  return { today, until: addDays(today, days), leadsUnits: leads.length > 0, readings, reports, actions };
}
