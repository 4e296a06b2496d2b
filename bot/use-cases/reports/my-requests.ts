import { localDate } from '../../domain/calendar/local-date.js';
import type { PlanFile, Unit } from '../../domain/plan/plan-schema.js';
import { isCampaignId, isClosed, type Campaign } from '../../domain/reports/campaign.js';
import type { Access } from '../access.js';
import { mayChange } from './report-rules.js';
import type { ReportDeps, ReportView } from './report-deps.js';

/** One unit's answer to one open campaign, as the `rapport` command lists it. */
export interface OpenRequest {
  readonly campaign: Campaign;
  readonly unitId: string;
  readonly unitName: string;
  readonly status: 'sendt' | 'utkast' | 'mangler';
}

export type MyRequests =
  | { kind: 'none'; reason: 'no-campaign' | 'leads-nothing' }
  /** One campaign to answer (open now, or else the newest that has opened): its forms, one per unit. */
  | { kind: 'forms'; views: ReportView[] }
  /** Several open campaigns: each campaign and unit, to choose from. */
  | { kind: 'choose'; requests: OpenRequest[] };

/**
 * What `rapport` shows a leader: every campaign open now (opened, deadline not passed) for the
 * units she leads. With one, its forms at once; with several, a list to choose from, so the
 * half-year report is not hidden behind a newer request. With none open, the newest campaign
 * that has opened (its summary, or the form for a late answer), as before.
 */
export async function myRequests(deps: ReportDeps, access: Access): Promise<MyRequests> {
  const found = await campaignsToAnswer(deps, access);
  if (found.kind === 'none') return found;
  const { today, open, latest } = found;
  if (open.length > 1) {
    const requests: OpenRequest[] = [];
    for (const { campaign, units } of open)
      for (const unit of units) {
        const report = await deps.reports.get(campaign.id, unit.id);
        requests.push({
          campaign,
          unitId: unit.id,
          unitName: unit.name,
          status: report?.status ?? 'mangler',
        });
      }
    return { kind: 'choose', requests };
  }
  const { campaign, plan, units } = open[0] ?? latest;
  const closed = isClosed(campaign, today);
  const views = await Promise.all(
    units.map(async (unit) => ({
      campaign,
      plan,
      unit,
      report: await deps.reports.get(campaign.id, unit.id),
      localPlan: await deps.localPlans.get(unit.id),
      closed,
      editor: true,
    })),
  );
  return { kind: 'forms', views };
}

/** A campaign with the units of it the person leads. */
interface ToAnswer {
  readonly campaign: Campaign;
  readonly plan: PlanFile;
  readonly units: Unit[];
}

/**
 * The campaigns a leader has to answer, as `rapport` and the tab both list them: every one open
 * now (soonest deadline first) for the units she leads, and the newest that has opened (for its
 * summary, or a late answer) when none is open.
 */
export async function campaignsToAnswer(
  deps: ReportDeps,
  access: Access,
): Promise<
  | { kind: 'none'; reason: 'no-campaign' | 'leads-nothing' }
  | { kind: 'some'; today: string; open: ToAnswer[]; latest: ToAnswer }
> {
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const started = (await deps.campaigns.list()).filter((c) => c.opens <= today);
  if (started.length === 0) return { kind: 'none', reason: 'no-campaign' };
  const leads = access.person?.leads ?? [];
  const mine = await Promise.all(
    started.map(async (campaign) => {
      const plan = (await deps.read.plans.load(campaign.planKey))?.plan;
      return { campaign, plan, units: (plan?.units ?? []).filter((u) => leads.includes(u.id)) };
    }),
  );
  const answerable = mine.filter((m): m is ToAnswer => m.plan !== undefined && m.units.length > 0);
  if (answerable.length === 0) return { kind: 'none', reason: 'leads-nothing' };
  // Soonest deadline first: that is the one to answer first.
  const open = answerable
    .filter((m) => !isClosed(m.campaign, today))
    .sort((a, b) => a.campaign.deadline.localeCompare(b.campaign.deadline));
  return { kind: 'some', today, open, latest: answerable.at(-1)! };
}

/**
 * The form (or summary, once submitted) of one campaign for one unit the person leads: the
 * choice from `rapport`'s list. `undefined` when the campaign or unit is unknown; refused when
 * she does not lead the unit, whatever the card data says.
 */
export async function requestView(
  deps: ReportDeps,
  access: Access,
  campaignId: string,
  unitId: string,
): Promise<ReportView | 'unknown' | 'not-leader'> {
  // Card data is anyone's to forge: an id no campaign can have is not looked up.
  const campaign = isCampaignId(campaignId) ? await deps.campaigns.get(campaignId) : undefined;
  const plan = campaign && (await deps.read.plans.load(campaign.planKey))?.plan;
  const unit = plan?.units.find((u) => u.id === unitId);
  if (!campaign || !plan || !unit) return 'unknown';
  if (!mayChange(access, unit.id)) return 'not-leader';
  const [report, localPlan] = await Promise.all([
    deps.reports.get(campaign.id, unit.id),
    deps.localPlans.get(unit.id),
  ]);
  const closed = isClosed(campaign, localDate(deps.read.clock.now(), deps.read.timeZone));
  return { campaign, plan, unit, report, localPlan, closed, editor: true };
}
