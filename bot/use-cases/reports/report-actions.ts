import { isCampaignId, isClosed } from '../../domain/reports/campaign.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { ConflictError } from '../../domain/errors.js';
import { assignActionIds, samePlan, type LocalPlan } from '../../domain/reports/local-plan.js';
import { contentFromInput, sameContent, type Report } from '../../domain/reports/report.js';
import { reportProblems } from '../../domain/reports/validate-report.js';
import { dateTimeInWords } from '../../i18n/dates.js';
import type { Language } from '../../i18n/messages.js';
import { problemsText } from '../../i18n/problems.js';
import type { ReportTexts } from '../../i18n/reports.js';
import type { Access } from '../access.js';
import { requestMessageId } from './campaigns.js';
import { leaderMris, type ReportDeps, type ReportView } from './report-deps.js';
import { EDIT_HOLD_MS, isHeld, type OpenEdit } from './report-edits.js';

/**
 * `vis`: Teams refreshes a shared summary for a leader (Universal Actions `refresh`);
 * `avbryt`: the leader leaves the «Endre» form without saving.
 */
export type ReportAction = 'lagre' | 'send' | 'endre' | 'vis' | 'avbryt';

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
  // Card data is anyone's to forge: an id no campaign can have is not looked up.
  const found = !isCampaignId(id)
    ? undefined
    : deps.cache
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
  const closed = isClosed(campaign, localDate(now, deps.read.timeZone));
  const { report: current, localPlan } = await deps.reports.getWithPlan(campaign.id, unit.id);
  // Only leaders and admins get this far, so the summary they get back offers «Endre».
  const base = { campaign, plan, unit, report: current, localPlan, closed, editor: true };
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

  // Closed by the kommunalsjef: nothing more comes in, submitted or not; the card says so.
  if (campaign.closedAt) {
    await release();
    return { kind: 'view', view: { ...base, mode: 'summary', notice: attention(text.campaignClosedNotice) } };
  }
  if (closed && current?.status === 'sendt') {
    await release();
    return {
      kind: 'view',
      view: { ...base, mode: 'summary', notice: attention(text.afterDeadline(deadline)) },
    };
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

  const input = contentFromInput(data, plan, unit, campaign);
  // Actions keep the ids the plan (or an earlier draft) gave them; new rows get new ids.
  const known = [...(localPlan?.actions ?? []), ...(current?.content.actions ?? [])];
  const content = { ...input, actions: assignActionIds(input.actions, known) };
  const final = action === 'send';
  const problems = reportProblems(content, plan, unit, campaign, final);
  if (problems.length > 0)
    return heldForm({
      ...base,
      mode: 'form',
      input: content,
      notice: attention(text.invalid(problemsText(problems, text.language))),
    });
  if (!final && current?.status === 'sendt')
    return heldForm({ ...base, mode: 'form', input: content, notice: attention(text.alreadySubmitted) });

  // Pressing «Send inn» twice: the second press finds its own report already in, and answers with it.
  const alreadyIn = (report: Report | undefined) =>
    final && report?.status === 'sendt' && sameContent(report.content, content);
  const stale = async (report: Report | undefined): Promise<ActionResult> => {
    if (!alreadyIn(report)) {
      const notice = attention(
        text.stale(report?.savedByName || '?', when(deps, report?.savedAt, text.language)),
      );
      return heldForm({ ...base, report, mode: 'form', notice });
    }
    await release();
    return { kind: 'view', view: { ...base, report, mode: 'summary' } };
  };

  const expected = Number(data.version ?? 0);
  if (!Number.isInteger(expected) || expected !== (current?.version ?? 0)) return stale(current);
  // The form was filled from a version of the unit's local plan; if the plan has changed since
  // (in the tab, or by another report), saving would undo that change.
  const halfYear = campaign.kind === 'halvår';
  const planStale = (latest: LocalPlan | undefined, report: Report | undefined) =>
    heldForm({
      ...base,
      report,
      localPlan: latest,
      mode: 'form',
      notice: attention(
        text.planStale(
          latest?.savedByName || undefined,
          when(deps, latest?.savedAt, text.language) || undefined,
        ),
      ),
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
  await release();
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
  // Only a submit (or a cancel after one) schedules this job, so before the first one there is none.
  await reviseLater(deps, campaign.id, unit.id, now, view, current?.status !== 'sendt');
  return { kind: 'view', view };
}

/** Revises the unit's posted request cards: with jobs, by a due job off the invoke; else at once. */
async function reviseLater(
  deps: ReportDeps,
  campaignId: string,
  unitId: string,
  now: Date,
  view: ReportView,
  firstTime = false,
): Promise<void> {
  if (!deps.jobs) return reviseRequests(deps, view, now);
  await deps.jobs.schedule(
    {
      // A group: when many leaders submit at once, their jobs are written together.
      id: `@rapport-revider/${campaignId}:${unitId}`,
      kind: 'rapport-revider',
      dueAt: now,
      payload: { campaignId, unitId },
    },
    { firstTime },
  );
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

/**
 * Everyone who got the unit's request now sees the summary in its place; a leader's own chat with
 * «Endre» (only they see it), a shared channel through the leaders' refresh. A card that already
 * shows this is left alone, and so is the chat of a leader whose «Endre» form is open: a
 * background update must not replace a form under someone's hands (cancel or save catches up).
 */
export async function reviseRequests(
  deps: ReportDeps,
  view: ReportView,
  now: Date = deps.read.clock.now(),
): Promise<void> {
  const { campaign, unit } = view;
  const [mris, editors] = await Promise.all([
    view.closed ? [] : leaderMris(deps, unit.id),
    view.closed ? [] : (deps.edits?.editors(campaign.id, unit.id) ?? []),
  ]);
  const held = editors.filter((e) => isHeld(e, now));
  const editing = new Set(held.map((e) => e.person));
  let heldBack = false;
  const shared = deps.render.request({ ...view, editor: false, leaderMris: mris });
  const own = deps.render.request({ ...view, editor: true, leaderMris: mris });
  const chatOf = requestMessageId(campaign.id, unit.id, '');
  for (const id of campaign.requests[unit.id] ?? []) {
    const leader = id.startsWith(chatOf) ? id.slice(chatOf.length).toLowerCase() : 'kanal';
    if (editing.has(leader)) {
      heldBack = true;
      continue;
    }
    const activity = leader === 'kanal' ? shared : own;
    const posted = await deps.outbox.message(id);
    if (posted && JSON.stringify(posted.activity) === JSON.stringify(activity)) continue;
    try {
      await deps.outbox.revise(id, activity);
    } catch (error) {
      // Another revise of the same message won the race; ours is newer, so once more.
      if (!(error instanceof ConflictError)) throw error;
      await deps.outbox.revise(id, activity);
    }
  }
  // A form left open (a closed laptop) holds its card back for EDIT_HOLD_MS at most; then this
  // catches up. Its own id: the runner removes the job that is running when it returns.
  if (heldBack && deps.jobs) {
    const until = Math.min(...held.map((e) => Date.parse(e.openedAt))) + EDIT_HOLD_MS;
    await deps.jobs.schedule({
      id: `rapport-revider-holdt:${campaign.id}:${unit.id}`,
      kind: 'rapport-revider',
      dueAt: new Date(until),
      payload: { campaignId: campaign.id, unitId: unit.id },
    });
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

/**
 * When a report or plan was saved, in words with the weekday and the time, in the plan's time
 * zone: «tirsdag 15. desember 2026 kl. 09:30», «Tuesday 15 December 2026 at 09:30».
 */
export function when(
  deps: Pick<ReportDeps, 'read'>,
  iso: string | undefined,
  language: Language = 'nb',
): string {
  return dateTimeInWords(iso, deps.read.timeZone, language);
}
