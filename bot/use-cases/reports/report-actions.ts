import { localDate } from '../../domain/calendar/local-date.js';
import { isClosed } from '../../domain/reports/campaign.js';
import { contentFromInput } from '../../domain/reports/report.js';
import { problemsText } from '../../i18n/problems.js';
import type { ReportTexts } from '../../i18n/reports.js';
import type { Access } from '../access.js';
import { leaderMris, type ReportDeps, type ReportView } from './report-deps.js';
import { isHeld, type OpenEdit } from './report-edits.js';
import { mayChange, when } from './report-rules.js';
import { reviseLater } from './revise-requests.js';
import {
  findReportTarget,
  lockedAfterDeadline,
  readReportState,
  saveReport,
  type ReportTarget,
  type SaveOutcome,
} from './save-report.js';

export { mayChange, mayRead, savedStamp, when } from './report-rules.js';
export { reviseRequests } from './revise-requests.js';

/**
 * `vis`: Teams refreshes a shared summary for a leader (Universal Actions `refresh`);
 * `avbryt`: the leader leaves the «Endre» form without saving.
 */
export type ReportAction = 'lagre' | 'send' | 'endre' | 'vis' | 'avbryt';

/** What an action answers: a view of the unit's report (form or summary), or a refusal alone. */
export type ActionResult =
  { kind: 'view'; view: ReportView & { mode: 'form' | 'summary' } } | { kind: 'refused'; text: string };

/**
 * The card's actions: saves a draft, submits, or opens the form again. Saving goes through
 * `saveReport`, the same path as the tab's; this says its outcome as a card view.
 */
export async function runReportAction(
  deps: ReportDeps,
  access: Access,
  action: ReportAction,
  data: Record<string, unknown>,
  text: ReportTexts,
): Promise<ActionResult> {
  const target = await findReportTarget(deps, String(data.campaignId ?? ''), String(data.unitId ?? ''));
  if (target === 'unknown-campaign') return { kind: 'refused', text: text.unknownCampaign };
  if (target === 'unknown-unit') return { kind: 'refused', text: text.unknownUnit };
  if (action === 'vis') return refreshView(deps, access, target, text);
  if (!mayChange(access, target.unit.id)) return { kind: 'refused', text: text.notLeader };

  const state = await readReportState(deps, target);
  const { campaign, unit } = target;
  const { now, base } = state;
  const current = base.report;
  const deadline = text.date(campaign.deadline);
  const attention = (t: string) => ({ text: t, tone: 'attention' as const });
  // The person's open form: kept for them until they save or cancel (see report-edits).
  const person = access.principal.aadObjectId;
  const hold = async (edit: Omit<OpenEdit, 'openedAt'> = {}) =>
    deps.edits?.open(campaign.id, unit.id, person, { openedAt: now.toISOString(), ...edit });
  const release = async () => deps.edits?.close(campaign.id, unit.id, person);
  /**
   * A form over a submitted report is the person's own: a refresh of the card gives it back,
   * with the same reason. (Before the submit, the card everyone has is the form anyway.)
   */
  const heldForm = async (view: ReportView & { mode: 'form' }): Promise<ActionResult> => {
    if (view.report?.status === 'sendt')
      await hold({
        ...(view.input ? { input: view.input } : {}),
        ...(view.notice ? { notice: view.notice } : {}),
      });
    return { kind: 'view', view };
  };
  const closedView = (): ActionResult => ({
    kind: 'view',
    view: { ...base, mode: 'summary', notice: attention(text.afterDeadline(deadline)) },
  });

  // Closed by the kommunalsjef: nothing more comes in, submitted or not; the card says so.
  if (campaign.closedAt) {
    await release();
    return { kind: 'view', view: { ...base, mode: 'summary', notice: attention(text.campaignClosedNotice) } };
  }
  if (lockedAfterDeadline(state)) {
    await release();
    return closedView();
  }
  if (action === 'endre') return heldForm({ ...base, mode: 'form' });
  if (action === 'avbryt') {
    await release();
    // A revision held back while the form was open catches up now.
    if (current?.status === 'sendt') await reviseLater(deps, campaign.id, unit.id, now, base);
    return {
      kind: 'view',
      view: { ...base, mode: current?.status === 'sendt' ? 'summary' : 'form' },
    };
  }

  const outcome: SaveOutcome = await saveReport(deps, access, state, {
    final: action === 'send',
    version: data.version,
    planVersion: data.planVersion,
    content: (plan, unit, campaign) => contentFromInput(data, plan, unit, campaign),
  });
  switch (outcome.kind) {
    case 'not-leader':
      return { kind: 'refused', text: text.notLeader };
    case 'closed':
      return closedView();
    case 'campaign-closed':
      return {
        kind: 'view',
        view: { ...base, mode: 'summary', notice: attention(text.campaignClosedNotice) },
      };
    case 'invalid':
      return heldForm({
        ...base,
        mode: 'form',
        input: outcome.content,
        notice: attention(text.invalid(problemsText(outcome.problems, text.language))),
      });
    case 'already-submitted':
      return heldForm({
        ...base,
        mode: 'form',
        input: outcome.content,
        notice: attention(text.alreadySubmitted),
      });
    case 'stale': {
      const { report } = outcome;
      const notice = attention(
        text.stale(report?.savedByName || '?', when(deps, report?.savedAt, text.language)),
      );
      return heldForm({ ...base, report, mode: 'form', notice });
    }
    case 'already-in':
      return { kind: 'view', view: { ...base, report: outcome.report, mode: 'summary' } };
    case 'plan-stale': {
      const latest = outcome.localPlan;
      return heldForm({
        ...base,
        report: outcome.report,
        localPlan: latest,
        mode: 'form',
        notice: attention(
          text.planStale(
            latest?.savedByName || undefined,
            when(deps, latest?.savedAt, text.language) || undefined,
          ),
        ),
      });
    }
    case 'saved': {
      const { report, localPlan } = outcome;
      if (report.status === 'utkast')
        return {
          kind: 'view',
          view: {
            ...base,
            report,
            mode: 'form',
            notice: { text: text.draftSaved(report.version), tone: 'good' },
          },
        };
      return { kind: 'view', view: { ...base, report, localPlan, mode: 'summary' } };
    }
  }
}

/**
 * The view a shared summary refreshes to (Universal Actions `refresh`, `trigger: automatic`):
 * for the unit's leaders and admins the summary with «Endre» (and the form while nothing is
 * submitted); for anyone else the plain summary once submitted, else a refusal.
 */
async function refreshView(
  deps: ReportDeps,
  access: Access,
  found: ReportTarget,
  text: ReportTexts,
): Promise<ActionResult> {
  const { campaign, unit } = found;
  const now = deps.read.clock.now();
  const closed = isClosed(campaign, localDate(now, deps.read.timeZone));
  const editor = mayChange(access, unit.id);
  const [report, localPlan, mris, edit] = await Promise.all([
    deps.reports.get(campaign.id, unit.id),
    editor ? deps.localPlans.get(unit.id) : undefined,
    editor && !closed ? leaderMris(deps, unit.id) : [],
    editor && !closed ? deps.edits?.get(campaign.id, unit.id, access.principal.aadObjectId) : undefined,
  ]);
  if (!editor && report?.status !== 'sendt' && !campaign.closedAt)
    return { kind: 'refused', text: text.notLeader };
  const view = { ...found, report, localPlan, closed, editor, leaderMris: mris };
  // The person's open form stays theirs, with what a refused save said, until they save or cancel.
  if (isHeld(edit, now))
    return {
      kind: 'view',
      view: {
        ...view,
        mode: 'form',
        ...(edit.input ? { input: edit.input } : {}),
        ...(edit.notice ? { notice: edit.notice } : {}),
      },
    };
  const summary = report?.status === 'sendt' || campaign.closedAt !== undefined;
  return { kind: 'view', view: { ...view, mode: summary ? 'summary' : 'form' } };
}
