import type { ServesRef } from '../reports/action-serves.js';
import type { ActionStatus } from '../reports/action-status.js';
import type { LocalPlan } from '../reports/local-plan.js';
import type { Report, SignAnswer } from '../reports/report.js';

/**
 * What the status overview needs of a unit's local plan: who saved which version when, and its
 * actions' status and deadline (none of the plan's texts). Kept beside the plan so the overview
 * and «Planens mål» read 800 small rows instead of scanning every plan and version.
 */
export interface LocalPlanSummary {
  readonly unitId: string;
  readonly version: number;
  readonly savedAt: string;
  readonly savedBy: string;
  readonly savedByName: string;
  readonly actions: readonly ActionSummary[];
}

/** One action of a local plan, as the index keeps it. */
export interface ActionSummary {
  readonly status: ActionStatus;
  readonly deadline: string;
  /**
   * Only for an action that names a goal or theme: what «Planens mål» lists of it. The reference
   * is kept, not the goals it reaches: a theme's goals are the plan's to change, and whether an
   * action is overdue changes with the day, so both are worked out when read. At most 10 actions
   * of 500 characters: a row stays far below a column's 32 K characters.
   */
  readonly serving?: { readonly id: string; readonly text: string; readonly serves: ServesRef };
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
    actions: plan.actions.map(({ id, text, status, deadline, serves }) => ({
      status,
      deadline,
      ...(serves ? { serving: { id, text, serves } } : {}),
    })),
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
