import { localDate } from '../../domain/calendar/local-date.js';
import { norwegianDate } from '../../domain/agenda/deadlines.js';
import { ConflictError } from '../../domain/errors.js';
import { assignActionIds, samePlan, type LocalPlan } from '../../domain/reports/local-plan.js';
import { contentFromInput, sameContent, type Report } from '../../domain/reports/report.js';
import { reportProblems } from '../../domain/reports/validate-report.js';
import type { ReportTexts } from '../../i18n/reports.js';
import type { Access } from '../access.js';
import { leaderMris, type ReportDeps, type ReportView } from './report-deps.js';

/** `vis`: Teams refreshes a shared summary for a leader (Universal Actions `refresh`). */
export type ReportAction = 'lagre' | 'send' | 'endre' | 'vis';

/** What an action answers: a view of the unit's report (form or summary), or a refusal alone. */
export type ActionResult =
  { kind: 'view'; view: ReportView & { mode: 'form' | 'summary' } } | { kind: 'refused'; text: string };

/** Who may change a unit's report: its leaders and admins. Checked on every action. */
export function mayChange(access: Access, unitId: string): boolean {
  return access.roles.has('admin') || (access.person?.leads.includes(unitId) ?? false);
}

/** Who may read it: also coordinators. */
export function mayRead(access: Access, unitId: string): boolean {
  return mayChange(access, unitId) || access.roles.has('koordinator');
}

/**
 * Saves a draft, submits, or opens the form again. Whatever the card data says, the campaign,
 * unit, role, deadline, input and version are checked here; a refusal stores nothing.
 */
export async function runReportAction(
  deps: ReportDeps,
  access: Access,
  action: ReportAction,
  data: Record<string, unknown>,
  text: ReportTexts,
): Promise<ActionResult> {
  const id = String(data.campaignId ?? '');
  const found = deps.cache
    ? await deps.cache.get(id)
    : await (async () => {
        const campaign = await deps.campaigns.get(id);
        const plan = campaign && (await deps.read.plans.load(campaign.planKey))?.plan;
        return campaign && plan ? { campaign, plan } : undefined;
      })();
  if (!found) return { kind: 'refused', text: text.unknownCampaign };
  const { campaign, plan } = found;
  const unit = plan.units.find((u) => u.id === data.unitId);
  if (!unit) return { kind: 'refused', text: text.unknownUnit };
  if (action === 'vis') return refreshView(deps, access, { campaign, plan, unit }, text);
  if (!mayChange(access, unit.id)) return { kind: 'refused', text: text.notLeader };

  const now = deps.read.clock.now();
  const closed = localDate(now, deps.read.timeZone) > campaign.deadline;
  const { report: current, localPlan } = await deps.reports.getWithPlan(campaign.id, unit.id);
  // Only leaders and admins get this far, so the summary they get back offers «Endre».
  const base = { campaign, plan, unit, report: current, localPlan, closed, editor: true };
  const deadline = norwegianDate(campaign.deadline);
  const attention = (t: string) => ({ text: t, tone: 'attention' as const });

  if (closed && current?.status === 'sendt')
    return {
      kind: 'view',
      view: { ...base, mode: 'summary', notice: attention(text.afterDeadline(deadline)) },
    };
  if (action === 'endre') return { kind: 'view', view: { ...base, mode: 'form' } };

  const input = contentFromInput(data, plan, unit, campaign);
  // Actions keep the ids the plan (or an earlier draft) gave them; new rows get new ids.
  const known = [...(localPlan?.actions ?? []), ...(current?.content.actions ?? [])];
  const content = { ...input, actions: assignActionIds(input.actions, known) };
  const final = action === 'send';
  const problems = reportProblems(content, plan, unit, campaign, final);
  if (problems.length > 0)
    return {
      kind: 'view',
      view: { ...base, mode: 'form', input: content, notice: attention(text.invalid(problems)) },
    };
  if (!final && current?.status === 'sendt')
    return {
      kind: 'view',
      view: { ...base, mode: 'form', input: content, notice: attention(text.alreadySubmitted) },
    };

  // Pressing «Send inn» twice: the second press finds its own report already in, and answers with it.
  const alreadyIn = (report: Report | undefined) =>
    final && report?.status === 'sendt' && sameContent(report.content, content);
  const stale = (report: Report | undefined): ActionResult =>
    alreadyIn(report)
      ? { kind: 'view', view: { ...base, report, mode: 'summary' } }
      : {
          kind: 'view',
          view: {
            ...base,
            report,
            mode: 'form',
            notice: attention(text.stale(report?.savedByName || '?', when(deps, report?.savedAt))),
          },
        };

  const expected = Number(data.version ?? 0);
  if (!Number.isInteger(expected) || expected !== (current?.version ?? 0)) return stale(current);
  // The form was filled from a version of the unit's local plan; if the plan has changed since
  // (in the tab, or by another report), saving would undo that change.
  const halfYear = campaign.kind === 'halvår';
  const planStale = (latest: LocalPlan | undefined, report: Report | undefined): ActionResult => ({
    kind: 'view',
    view: {
      ...base,
      report,
      localPlan: latest,
      mode: 'form',
      notice: attention(text.planStale(latest?.savedByName || '?', when(deps, latest?.savedAt))),
    },
  });
  const expectedPlan = Number(data.planVersion ?? 0);
  if (halfYear && expectedPlan !== (localPlan?.version ?? 0)) {
    // The two reads are no snapshot: a submit that just won may show in the plan and not yet in
    // the report read before it. A changed report explains it (and a double submit gets its summary).
    const again = await deps.reports.get(campaign.id, unit.id);
    if ((again?.version ?? 0) !== (current?.version ?? 0)) return stale(again);
    return planStale(localPlan, current);
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
    return planStale(planNow, again);
  }
  if (!final)
    return {
      kind: 'view',
      view: {
        ...base,
        report,
        mode: 'form',
        notice: { text: text.draftSaved(report.version), tone: 'good' },
      },
    };
  const view = { ...base, report, localPlan: nextPlan ?? localPlan, mode: 'summary' as const };
  if (deps.jobs)
    await deps.jobs.schedule(
      {
        // A group: when many leaders submit at once, their jobs are written together.
        id: `@rapport-revider/${campaign.id}:${unit.id}`,
        kind: 'rapport-revider',
        dueAt: now,
        payload: { campaignId: campaign.id, unitId: unit.id },
      },
      // Only a submit schedules this job, so before the first one there is none.
      { firstTime: current?.status !== 'sendt' },
    );
  else await reviseRequests(deps, view);
  return { kind: 'view', view };
}

/**
 * The view a shared summary refreshes to (Universal Actions `refresh`, `trigger: automatic`):
 * for the unit's leaders and admins the summary with «Endre» (and the form while nothing is
 * submitted); for anyone else the plain summary once submitted, else a refusal.
 */
async function refreshView(
  deps: ReportDeps,
  access: Access,
  found: Pick<ReportView, 'campaign' | 'plan' | 'unit'>,
  text: ReportTexts,
): Promise<ActionResult> {
  const { campaign, unit } = found;
  const closed = localDate(deps.read.clock.now(), deps.read.timeZone) > campaign.deadline;
  const editor = mayChange(access, unit.id);
  const [report, localPlan, mris] = await Promise.all([
    deps.reports.get(campaign.id, unit.id),
    editor ? deps.localPlans.get(unit.id) : undefined,
    editor && !closed ? leaderMris(deps, unit.id) : [],
  ]);
  if (!editor && report?.status !== 'sendt') return { kind: 'refused', text: text.notLeader };
  const mode = report?.status === 'sendt' ? 'summary' : 'form';
  return {
    kind: 'view',
    view: { ...found, report, localPlan, closed, editor, leaderMris: mris, mode },
  };
}

/** Everyone who got the unit's request now sees the summary in its place; its leaders with «Endre». */
export async function reviseRequests(deps: ReportDeps, view: ReportView): Promise<void> {
  const mris = view.closed ? [] : await leaderMris(deps, view.unit.id);
  const activity = deps.render.request({ ...view, editor: false, leaderMris: mris });
  for (const id of view.campaign.requests[view.unit.id] ?? []) {
    try {
      await deps.outbox.revise(id, activity);
    } catch (error) {
      // Another revise of the same message won the race; ours is newer, so once more.
      if (!(error instanceof ConflictError)) throw error;
      await deps.outbox.revise(id, activity);
    }
  }
}

/** Who saved a report or local plan, by object id and by name as people see it, and when. */
export function savedStamp(access: Access, now: Date) {
  return {
    savedBy: access.principal.aadObjectId,
    savedByName: access.person?.name ?? access.principal.name ?? access.principal.aadObjectId,
    savedAt: now.toISOString(),
  };
}

const whenFormats = new Map<string, Intl.DateTimeFormat>();

/** `15.12.2026, 09:30` in the plan's time zone. */
export function when(deps: Pick<ReportDeps, 'read'>, iso: string | undefined): string {
  if (!iso) return '';
  const timeZone = deps.read.timeZone;
  let format = whenFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('nb-NO', { timeZone, dateStyle: 'short', timeStyle: 'short' });
    whenFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}
