import type { Person } from '../people/person.js';
import type { PlanFile, Unit } from '../plan/plan-schema.js';
import { ACTION_STATUSES, type ActionStatus } from '../reports/action-status.js';
import { isAsked, type Campaign, type Unreached } from '../reports/campaign.js';
import { ANSWERS, signsFor, type SignAnswer } from '../reports/report.js';
import type { ReportSummary } from './unit-summaries.js';

/** Actions of a local plan by status, and how many of those not done are past their deadline. */
export type ActionCounts = Record<ActionStatus, number> & { readonly overdue: number };

/** `today` is the plan clock's local date in the municipality's time zone. */
export function countActions(
  actions: readonly { readonly status: ActionStatus; readonly deadline: string }[],
  today: string,
): ActionCounts {
  const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  let overdue = 0;
  for (const action of actions) {
    if (action.status in counts) counts[action.status] += 1;
    // A deadline is the last day: an action due today is not overdue yet.
    if (action.status !== 'fullført' && action.deadline && action.deadline < today) overdue += 1;
  }
  return { ...counts, overdue };
}

/**
 * Where a unit stands in a campaign: never asked (no request reached it and it saved nothing),
 * asked, a draft saved, submitted, or late (the deadline passed and nothing was submitted).
 */
export type CampaignState = 'not-asked' | 'asked' | 'draft' | 'submitted' | 'late';

export interface UnitCampaignState {
  readonly state: CampaignState;
  /**
   * The date that goes with the state: the deadline when asked or late, the day of the draft's
   * last save, the day it was submitted; none when not asked. A local date or an ISO instant.
   */
  readonly date: string | null;
  /** Submitted after the deadline. */
  readonly submittedLate: boolean;
  /** Late with a draft: when the draft was last saved. */
  readonly draftSavedAt?: string;
}

export function campaignStateOf(
  campaign: Pick<Campaign, 'deadline' | 'requests'>,
  unitId: string,
  report: Pick<ReportSummary, 'status' | 'submittedAt' | 'savedAt' | 'late'> | undefined,
  today: string,
): UnitCampaignState {
  if (report?.status === 'sendt')
    return { state: 'submitted', date: report.submittedAt ?? report.savedAt, submittedLate: !!report.late };
  const asked = isAsked(campaign, unitId);
  if (!asked && !report) return { state: 'not-asked', date: null, submittedLate: false };
  if (today > campaign.deadline)
    return {
      state: 'late',
      date: campaign.deadline,
      submittedLate: false,
      ...(report ? { draftSavedAt: report.savedAt } : {}),
    };
  if (report) return { state: 'draft', date: report.savedAt, submittedLate: false };
  return { state: 'asked', date: campaign.deadline, submittedLate: false };
}

/** Signs a unit answered in one report, by answer; `unanswered`: its signs with no answer there. */
export type SignCounts = Record<SignAnswer, number> & { readonly unanswered: number };

export function countSigns(plan: PlanFile, unit: Unit, report: Pick<ReportSummary, 'answers'>): SignCounts {
  const counts = Object.fromEntries(ANSWERS.map((a) => [a, 0])) as Record<SignAnswer, number>;
  let total = 0;
  for (const { signs } of signsFor(plan, unit))
    for (const sign of signs) {
      total += 1;
      const answer = report.answers[sign.id];
      if (answer) counts[answer] += 1;
    }
  return { ...counts, unanswered: total - counts.ja - counts.delvis - counts.nei };
}

/** The latest submitted signs of a unit, and how ja / delvis / nei moved since the period before. */
export interface UnitSigns {
  readonly campaignId: string;
  readonly counts: SignCounts;
  /** This period's count minus the previous period's; null when there is no report to compare with. */
  readonly change: Record<SignAnswer, number> | null;
  readonly previousCampaignId: string | null;
}

/**
 * From the unit's submitted reports of the current and the previous half-year period (newest
 * first): the newest one's counts, compared with the one before it when both were submitted.
 */
export function latestSigns(
  plan: PlanFile,
  unit: Unit,
  submitted: readonly (ReportSummary | undefined)[],
): UnitSigns | null {
  const [latest, before] = submitted.filter((r): r is ReportSummary => r?.status === 'sendt');
  if (!latest) return null;
  const counts = countSigns(plan, unit, latest);
  const earlier = before ? countSigns(plan, unit, before) : undefined;
  return {
    campaignId: latest.campaignId,
    counts,
    change: earlier
      ? { ja: counts.ja - earlier.ja, delvis: counts.delvis - earlier.delvis, nei: counts.nei - earlier.nei }
      : null,
    previousCampaignId: before?.campaignId ?? null,
  };
}

/**
 * Whether a unit can be reached in Teams, by the same rule as a campaign's request: a leader's
 * active personal chat, or a linked channel where a leader on record is @mentioned. If not, why
 * (the reasons of `Unreached`).
 */
export type Reachability =
  | { readonly reachable: true; readonly by: 'chat' | 'channel' }
  | { readonly reachable: false; readonly reason: Unreached['reason']; readonly leaders: readonly string[] };

export function reachabilityOf(
  leaders: readonly Person[],
  hasChat: (aadObjectId: string) => boolean,
  hasChannel: boolean,
): Reachability {
  if (leaders.some((l) => hasChat(l.aadObjectId))) return { reachable: true, by: 'chat' };
  if (leaders.length === 0)
    return { reachable: false, reason: hasChannel ? 'no-leader-channel' : 'no-leader', leaders: [] };
  if (hasChannel) return { reachable: true, by: 'channel' };
  return { reachable: false, reason: 'no-chat', leaders: leaders.map((l) => l.name ?? l.aadObjectId) };
}

/**
 * The half-year campaign that is current on `today`: the one open now (opening day passed,
 * deadline not), else the latest by opening; and the one before it.
 */
export function currentAndPrevious<C extends Pick<Campaign, 'kind' | 'opens' | 'deadline'>>(
  campaigns: readonly C[],
  today: string,
): { current: C | undefined; previous: C | undefined } {
  const halfYears = campaigns
    .filter((c) => c.kind === 'halvår')
    .sort((a, b) => a.opens.localeCompare(b.opens));
  let index = halfYears.length - 1;
  for (let i = halfYears.length - 1; i >= 0; i--)
    if (halfYears[i]!.opens <= today && today <= halfYears[i]!.deadline) {
      index = i;
      break;
    }
  return { current: halfYears[index], previous: index > 0 ? halfYears[index - 1] : undefined };
}
