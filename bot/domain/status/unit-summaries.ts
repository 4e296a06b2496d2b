import type { ActionStatus } from '../reports/action-status.js';
import type { LocalPlan } from '../reports/local-plan.js';
import type { Report, SignAnswer } from '../reports/report.js';

/**
 * What the status overview needs of a unit's local plan: who saved which version when, and its
 * actions' status and deadline (no texts). Kept beside the plan so the overview reads 800 small
 * rows instead of scanning every plan and version.
 */
export interface LocalPlanSummary {
  readonly unitId: string;
  readonly version: number;
  readonly savedAt: string;
  readonly savedBy: string;
  readonly savedByName: string;
  readonly actions: readonly { readonly status: ActionStatus; readonly deadline: string }[];
}

/** What the overview and the sign matrix need of a unit's report in a campaign: its state and the signs' answers. */
export interface ReportSummary {
  readonly campaignId: string;
  readonly unitId: string;
  readonly status: Report['status'];
  readonly version: number;
  readonly savedAt: string;
  readonly submittedAt?: string;
  readonly late?: boolean;
  /** Answered signs only, by sign id. */
  readonly answers: Readonly<Record<string, SignAnswer>>;
}

export function summariseLocalPlan(plan: LocalPlan): LocalPlanSummary {
  return {
    unitId: plan.unitId,
    version: plan.version,
    savedAt: plan.savedAt,
    savedBy: plan.savedBy,
    savedByName: plan.savedByName,
    actions: plan.actions.map(({ status, deadline }) => ({ status, deadline })),
  };
}

export function summariseReport(report: Report): ReportSummary {
  const answers: Record<string, SignAnswer> = {};
  for (const [id, sign] of Object.entries(report.content.signs)) if (sign.answer) answers[id] = sign.answer;
  return {
    campaignId: report.campaignId,
    unitId: report.unitId,
    status: report.status,
    version: report.version,
    savedAt: report.savedAt,
    ...(report.submittedAt ? { submittedAt: report.submittedAt } : {}),
    ...(report.late ? { late: true } : {}),
    answers,
  };
}
