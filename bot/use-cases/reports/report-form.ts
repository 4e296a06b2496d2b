import { isClosed } from '../../domain/reports/campaign.js';
import { ConflictError, ForbiddenError } from '../../domain/errors.js';
import { LOCAL_PLAN_LIMITS } from '../../domain/reports/local-plan.js';
import type { Problem } from '../../domain/problems.js';
import type { Campaign } from '../../domain/reports/campaign.js';
import {
  contentFromJson,
  emptyContent,
  signsFor,
  type ReportContent,
  type ReportJson,
  type ReportStatus,
} from '../../domain/reports/report.js';
import { MAX_COMMENT, MAX_TEXT } from '../../domain/reports/validate-report.js';
import type { ReportTexts } from '../../i18n/reports.js';
import { notFound, refuse } from '../refusals.js';
import type { Access } from '../access.js';
import { campaignsToAnswer, requestView } from './my-requests.js';
import type { ReportDeps, ReportView } from './report-deps.js';
import { when } from './report-rules.js';
import { findReportTarget, readReportState, saveReport, type ReportTarget } from './save-report.js';

/**
 * What a form shows: the refused input as it came; else the report, as long as it was based on
 * the unit's current local plan; else the report's own fields with the current plan's elements.
 * The card and the tab show the same.
 */
export function formContent(view: ReportView): ReportContent {
  if (view.input) return view.input;
  const report = view.report?.content ?? emptyContent();
  const plan = view.localPlan;
  if (!plan || (view.report && (view.report.planVersion ?? 0) === plan.version)) return report;
  return {
    ...report,
    kartlegging: plan.kartlegging,
    analyse: plan.analyse,
    mal: plan.mal,
    actions: plan.actions,
  };
}

/** One unit's report form for the tab: what the card's form shows, as data. */
export interface ReportForm {
  readonly campaign: Pick<Campaign, 'id' | 'kind' | 'title' | 'opens' | 'deadline'> & {
    /** Past the deadline. */
    readonly closed: boolean;
    /** Closed by the kommunalsjef (before or after the deadline). */
    readonly closedByAdmin: boolean;
  };
  readonly unit: { readonly id: string; readonly name: string; readonly type: string };
  readonly report: {
    readonly status: ReportStatus;
    readonly version: number;
    readonly savedByName: string;
    readonly savedAt: string;
    readonly submittedAt?: string | undefined;
    readonly late?: boolean | undefined;
  } | null;
  /** The versions to send back with a save: a save over a newer one is refused (409). */
  readonly version: number;
  readonly planVersion: number;
  readonly content: ReportContent;
  /** The signs to answer, under their future picture. */
  readonly signs: { picture: string; signs: { id: string; text: string }[] }[];
  readonly questions: { id: string; text: string; required: boolean }[];
  readonly limits: {
    text: number;
    comment: number;
    actions: number;
    actionText: number;
    responsible: number;
  };
  /** False once submitted and past the deadline, and once an admin closed the campaign. */
  readonly mayEdit: boolean;
  /** In the person's language, dates in words: who saved what when; where the plan part comes from. */
  readonly notes: { readonly status: string; readonly plan: string };
}

/** The form data of a view, for the tab. */
export function reportForm(deps: Pick<ReportDeps, 'read'>, view: ReportView, text: ReportTexts): ReportForm {
  const { campaign, unit, plan, report } = view;
  const at = (iso: string | undefined) => when(deps, iso, text.language);
  const edited = report?.status === 'sendt' && report.submittedAt && report.submittedAt !== report.savedAt;
  const status = !report
    ? `${text.notStarted}.`
    : report.status === 'utkast'
      ? text.formDraft(report.version, at(report.savedAt), report.savedByName)
      : edited
        ? text.formEdited(at(report.submittedAt), at(report.savedAt), report.savedByName)
        : text.formSubmitted(at(report.savedAt), report.savedByName);
  return {
    campaign: {
      id: campaign.id,
      kind: campaign.kind,
      title: campaign.title,
      opens: campaign.opens,
      deadline: campaign.deadline,
      closed: view.closed,
      closedByAdmin: campaign.closedAt !== undefined,
    },
    unit: { id: unit.id, name: unit.name, type: unit.type },
    report: report
      ? {
          status: report.status,
          version: report.version,
          savedByName: report.savedByName,
          savedAt: report.savedAt,
          submittedAt: report.submittedAt,
          late: report.late,
        }
      : null,
    version: report?.version ?? 0,
    planVersion: view.localPlan?.version ?? 0,
    content: formContent(view),
    signs:
      campaign.kind === 'halvår'
        ? signsFor(plan, unit).map(({ picture, signs }) => ({
            picture: picture.title,
            signs: signs.map((s) => ({ id: s.id, text: s.text })),
          }))
        : [],
    questions: campaign.questions.map((q) => ({ id: q.id, text: q.text, required: q.required })),
    limits: {
      text: MAX_TEXT,
      comment: MAX_COMMENT,
      actions: LOCAL_PLAN_LIMITS.actions,
      actionText: LOCAL_PLAN_LIMITS.actionText,
      responsible: LOCAL_PLAN_LIMITS.responsible,
    },
    mayEdit: !campaign.closedAt && !(view.closed && report?.status === 'sendt'),
    notes: {
      // Closed by the kommunalsjef says so first: the deadline may not have passed.
      status: campaign.closedAt ? `${text.campaignClosed(at(campaign.closedAt))} ${status}` : status,
      plan: text.fromLocalPlan(view.localPlan?.version ?? 0),
    },
  };
}

/** A request the signed-in leader has to answer, for the tab's list. */
export interface MyRequest {
  readonly campaignId: string;
  readonly kind: Campaign['kind'];
  readonly title: string;
  readonly opens: string;
  readonly deadline: string;
  readonly closed: boolean;
  readonly unitId: string;
  readonly unitName: string;
  readonly status: ReportStatus | 'mangler';
  readonly version: number;
}

/** The requests the person has to answer, as `rapport` chooses them (campaignsToAnswer). */
export async function myRequestList(deps: ReportDeps, access: Access): Promise<MyRequest[]> {
  const found = await campaignsToAnswer(deps, access);
  if (found.kind === 'none') return [];
  const chosen = found.open.length > 0 ? found.open : [found.latest];
  const list: MyRequest[] = [];
  for (const { campaign, units } of chosen)
    for (const unit of units) {
      const report = await deps.reports.get(campaign.id, unit.id);
      list.push({
        campaignId: campaign.id,
        kind: campaign.kind,
        title: campaign.title,
        opens: campaign.opens,
        deadline: campaign.deadline,
        closed: isClosed(campaign, found.today),
        unitId: unit.id,
        unitName: unit.name,
        status: report?.status ?? 'mangler',
        version: report?.version ?? 0,
      });
    }
  return list;
}

/** The form of one campaign for one unit the person leads (or any unit, for an admin). */
export async function readReportForm(
  deps: ReportDeps,
  access: Access,
  campaignId: string,
  unitId: string,
  text: ReportTexts,
): Promise<ReportForm> {
  const view = await requestView(deps, access, campaignId, unitId);
  if (view === 'unknown') throw refuse(notFound, 'NOT_FOUND');
  if (view === 'not-leader') throw new ForbiddenError(text.notLeader);
  return reportForm(deps, view, text);
}

/** A problem of a refused save, with the form field it is about (`signs.miljo-01.answer`). */
export interface FormProblem {
  readonly problem: Problem;
  /** The field's key in the tab's form; `form` when it is about the whole form. */
  readonly field: string;
}

export type TabSave =
  | { readonly kind: 'saved'; readonly form: ReportForm }
  | { readonly kind: 'invalid'; readonly problems: FormProblem[] };

/**
 * A save from the tab, through `saveReport` as the card's: a draft or a submit. Refusals are
 * errors (403, 404, 409 naming who saved when), except invalid input, which comes back per field.
 * The posted cards are revised after a draft too, so the card shows what the tab saved.
 */
export async function saveReportForm(
  deps: ReportDeps,
  access: Access,
  campaignId: string,
  unitId: string,
  save: { final: boolean; version: number; planVersion: number | undefined; body: ReportJson },
  text: ReportTexts,
): Promise<TabSave> {
  const target = await findReportTarget(deps, campaignId, unitId);
  if (typeof target === 'string') throw refuse(notFound, 'NOT_FOUND');
  const state = await readReportState(deps, target);
  const outcome = await saveReport(deps, access, state, {
    final: save.final,
    version: save.version,
    planVersion: save.planVersion,
    content: (plan, unit, campaign) => contentFromJson(save.body, plan, unit, campaign),
    reviseDraft: true,
  });
  const { base } = state;
  const at = (iso: string | undefined) => when(deps, iso, text.language);
  switch (outcome.kind) {
    case 'not-leader':
      throw new ForbiddenError(text.notLeader);
    case 'closed':
      throw new ConflictError(text.afterDeadline(text.date(target.campaign.deadline)));
    case 'campaign-closed':
      throw new ConflictError(text.campaignClosedNotice);
    case 'already-submitted':
      throw new ConflictError(text.alreadySubmitted);
    case 'stale':
      throw new ConflictError(
        text.staleInTab(outcome.report?.savedByName || '?', at(outcome.report?.savedAt)),
      );
    case 'plan-stale':
      throw new ConflictError(
        text.planStaleInTab(
          outcome.localPlan?.savedByName || undefined,
          at(outcome.localPlan?.savedAt) || undefined,
        ),
      );
    case 'invalid':
      return {
        kind: 'invalid',
        problems: outcome.problems.map((p) => ({ problem: p, field: fieldOf(p, target) })),
      };
    case 'already-in':
      return { kind: 'saved', form: reportForm(deps, { ...base, report: outcome.report }, text) };
    case 'saved':
      return {
        kind: 'saved',
        form: reportForm(deps, { ...base, report: outcome.report, localPlan: outcome.localPlan }, text),
      };
  }
}

/**
 * The form field a problem is about, as the tab names its fields: `kartlegging`, `actions.2.deadline`
 * (0-based), `signs.<id>.answer`, `signs.<id>.comment`, `answers.<id>`; `actions` for the list.
 */
export function fieldOf(p: Problem, target: ReportTarget): string {
  const signId = (text: string) =>
    signsFor(target.plan, target.unit)
      .flatMap((g) => g.signs)
      .find((s) => s.text === text)?.id ?? '';
  switch (p.code) {
    case 'SIGN_UNANSWERED':
    case 'SIGN_ANSWER_UNKNOWN':
      return `signs.${signId(p.params.sign)}.answer`;
    case 'PLAN_NO_ACTIONS':
    case 'PLAN_TOO_MANY_ACTIONS':
      return 'actions';
  }
  const field = 'field' in p.params ? p.params.field : undefined;
  if (!field) return 'form';
  switch (field.kind) {
    case 'kartlegging':
    case 'analyse':
    case 'mal':
    case 'tidsressurser':
    case 'fritekst':
      return field.kind;
    case 'action':
      return `actions.${field.n - 1}.text`;
    case 'action-deadline':
      return `actions.${field.n - 1}.deadline`;
    case 'action-status':
      return `actions.${field.n - 1}.status`;
    case 'action-responsible':
      return `actions.${field.n - 1}.responsible`;
    case 'sign-comment':
      return `signs.${signId(field.sign)}.comment`;
    case 'question':
      return `answers.${target.campaign.questions.find((q) => q.text === field.text)?.id ?? ''}`;
    default:
      return 'form';
  }
}
