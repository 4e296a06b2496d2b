import { localDate } from '../../domain/calendar/local-date.js';
import { ConflictError } from '../../domain/errors.js';
import type { PlanFile, Unit } from '../../domain/plan/plan-schema.js';
import { isCampaignId, isClosed, type Campaign } from '../../domain/reports/campaign.js';
import { assignActionIds, samePlan, type LocalPlan } from '../../domain/reports/local-plan.js';
import { sameContent, type Report, type ReportContent } from '../../domain/reports/report.js';
import { reportProblems } from '../../domain/reports/validate-report.js';
import type { Problem } from '../../domain/problems.js';
import type { Access } from '../access.js';
import type { ReportDeps, ReportView } from './report-deps.js';
import { mayChange, savedStamp } from './report-rules.js';
import { reviseLater } from './revise-requests.js';

/** A campaign, its plan and one of its units: what every report action is about. */
export type ReportTarget = Pick<ReportView, 'campaign' | 'plan' | 'unit'>;

/**
 * The campaign and unit a card or the tab names, or why not. Ids come from card data or a URL,
 * anyone's to forge: an id no campaign can have is not looked up.
 */
export async function findReportTarget(
  deps: ReportDeps,
  campaignId: string,
  unitId: string,
): Promise<ReportTarget | 'unknown-campaign' | 'unknown-unit'> {
  const found = !isCampaignId(campaignId)
    ? undefined
    : deps.cache
      ? await deps.cache.get(campaignId)
      : await (async () => {
          const campaign = await deps.campaigns.get(campaignId);
          const plan = campaign && (await deps.read.plans.load(campaign.planKey))?.plan;
          return campaign && plan ? { campaign, plan } : undefined;
        })();
  if (!found) return 'unknown-campaign';
  const unit = found.plan.units.find((u) => u.id === unitId);
  return unit ? { ...found, unit } : 'unknown-unit';
}

/** The unit's report and local plan as stored now, read once per action, and the time. */
export interface ReportState {
  readonly now: Date;
  /** Past the deadline (in the plan's time zone), or closed by an admin. */
  readonly closed: boolean;
  /** The view of what is stored, for one of the unit's leaders or an admin. */
  readonly base: ReportView & { editor: true };
}

export async function readReportState(deps: ReportDeps, target: ReportTarget): Promise<ReportState> {
  const now = deps.read.clock.now();
  const closed = isClosed(target.campaign, localDate(now, deps.read.timeZone));
  const { report, localPlan } = await deps.reports.getWithPlan(target.campaign.id, target.unit.id);
  return { now, closed, base: { ...target, report, localPlan, closed, editor: true } };
}

/** A submitted report cannot be changed after the deadline. */
export const lockedAfterDeadline = (state: ReportState) =>
  state.closed && state.base.report?.status === 'sendt';

/** A save from the card or the tab: the form's content and the versions it was made from. */
export interface ReportSave {
  /** `send` submits (or submits changes); `lagre` keeps a draft. */
  readonly final: boolean;
  /** The report version the form showed (0: none yet). Anything but a whole number is stale. */
  readonly version: unknown;
  /** The local plan version the form's plan part came from (half-year reports). */
  readonly planVersion: unknown;
  /** What the form says; its action ids are checked here against the unit's plan. */
  readonly content: (plan: PlanFile, unit: Unit, campaign: Campaign) => ReportContent;
  /**
   * Revise the posted cards after a draft too: a save in the tab must show on the card. A draft
   * saved on the card itself does not revise it (the card she is typing in is the one pressed).
   */
  readonly reviseDraft?: boolean;
}

/** What a save came to; the card and the tab each say it their own way. */
export type SaveOutcome =
  | { readonly kind: 'not-leader' }
  /** Past the deadline and submitted: nothing can change. */
  | { readonly kind: 'closed' }
  /** Closed by the kommunalsjef: nothing more comes in, submitted or not. */
  | { readonly kind: 'campaign-closed' }
  | { readonly kind: 'invalid'; readonly content: ReportContent; readonly problems: Problem[] }
  /** A draft over a submitted report. */
  | { readonly kind: 'already-submitted'; readonly content: ReportContent }
  /** Someone saved the report after the form was made: `report` is the latest. */
  | { readonly kind: 'stale'; readonly report: Report | undefined }
  /** «Send inn» pressed twice: the report is in with this very content. */
  | { readonly kind: 'already-in'; readonly report: Report }
  /** The unit's local plan changed after the form was made: `localPlan` is the latest. */
  | {
      readonly kind: 'plan-stale';
      readonly report: Report | undefined;
      readonly localPlan: LocalPlan | undefined;
    }
  | { readonly kind: 'saved'; readonly report: Report; readonly localPlan: LocalPlan | undefined };

/**
 * Saves a draft or submits: the one path of the card and the tab. The role, deadline, input and
 * both versions are checked here, whatever the form says; a refusal stores nothing. A successful
 * save ends the person's open «Endre» form (report-edits) and has the posted cards revised.
 */
export async function saveReport(
  deps: ReportDeps,
  access: Access,
  state: ReportState,
  save: ReportSave,
): Promise<SaveOutcome> {
  const { now, closed, base } = state;
  const { campaign, plan, unit, report: current, localPlan } = base;
  if (!mayChange(access, unit.id)) return { kind: 'not-leader' };
  const release = async () => deps.edits?.close(campaign.id, unit.id, access.principal.aadObjectId);
  if (campaign.closedAt) {
    await release();
    return { kind: 'campaign-closed' };
  }
  if (lockedAfterDeadline(state)) {
    await release();
    return { kind: 'closed' };
  }

  const input = save.content(plan, unit, campaign);
  // Actions keep the ids the plan (or an earlier draft) gave them; new rows get new ids.
  const known = [...(localPlan?.actions ?? []), ...(current?.content.actions ?? [])];
  const content = { ...input, actions: assignActionIds(input.actions, known) };
  const { final } = save;
  const problems = reportProblems(content, plan, unit, campaign, final);
  if (problems.length > 0) return { kind: 'invalid', content, problems };
  if (!final && current?.status === 'sendt') return { kind: 'already-submitted', content };

  // Pressing «Send inn» twice: the second press finds its own report already in, and answers with it.
  const stale = async (report: Report | undefined): Promise<SaveOutcome> => {
    if (!(final && report?.status === 'sendt' && sameContent(report.content, content)))
      return { kind: 'stale', report };
    await release();
    return { kind: 'already-in', report };
  };

  const expected = Number(save.version ?? 0);
  if (!Number.isInteger(expected) || expected !== (current?.version ?? 0)) return stale(current);
  // The form was filled from a version of the unit's local plan; if the plan has changed since
  // (in the tab, or by another report), saving would undo that change.
  const halfYear = campaign.kind === 'halvår';
  const expectedPlan = Number(save.planVersion ?? 0);
  if (halfYear && expectedPlan !== (localPlan?.version ?? 0)) {
    // The two reads are no snapshot: a submit that just won may show in the plan and not yet in
    // the report read before it. A changed report explains it (and a double submit gets its summary).
    const again = await deps.reports.get(campaign.id, unit.id);
    if ((again?.version ?? 0) !== (current?.version ?? 0)) return stale(again);
    return { kind: 'plan-stale', report: current, localPlan };
  }

  // A submitted half-year report is a dated snapshot of the local plan, and updates it.
  const planContent = { kartlegging: content.kartlegging, analyse: content.analyse, mal: content.mal };
  const nextPlan: LocalPlan | undefined =
    halfYear && final && !(localPlan && samePlan(localPlan, { ...planContent, actions: content.actions }))
      ? {
          unitId: unit.id,
          version: (localPlan?.version ?? 0) + 1,
          ...planContent,
          actions: content.actions,
          ...savedStamp(access, now),
          source: { kind: 'rapport', campaignId: campaign.id },
        }
      : undefined;

  const report: Report = {
    campaignId: campaign.id,
    unitId: unit.id,
    status: final ? 'sendt' : 'utkast',
    version: (current?.version ?? 0) + 1,
    content,
    ...savedStamp(access, now),
    ...(final
      ? { submittedAt: current?.submittedAt ?? now.toISOString(), late: current?.late ?? closed }
      : {}),
    ...(halfYear ? { planVersion: nextPlan?.version ?? localPlan?.version ?? 0 } : {}),
  };
  try {
    await deps.reports.save(report, current, nextPlan && { next: nextPlan, previous: localPlan });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // One transaction: nothing was written. Which one changed first tells what to say.
    const { report: again, localPlan: planNow } = await deps.reports.getWithPlan(campaign.id, unit.id);
    if ((again?.version ?? 0) !== (current?.version ?? 0) || !halfYear) return stale(again);
    return { kind: 'plan-stale', report: again, localPlan: planNow };
  }
  await release();
  const latestPlan = nextPlan ?? localPlan;
  if (final || save.reviseDraft) {
    const view = { ...base, report, localPlan: latestPlan };
    // A first submit knows of no earlier revision job (a tab draft's makes the hint cost one call).
    await reviseLater(deps, campaign.id, unit.id, now, view, final && current?.status !== 'sendt');
  }
  return { kind: 'saved', report, localPlan: latestPlan };
}
