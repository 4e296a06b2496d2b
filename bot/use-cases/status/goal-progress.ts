import { localDate } from '../../domain/calendar/local-date.js';
import { servedGoalIds } from '../../domain/reports/action-serves.js';
import type { FuturePicture } from '../../domain/plan/plan-schema.js';
import type { ActionStatus } from '../../domain/reports/action-status.js';
import type { SignAnswer } from '../../domain/reports/report.js';
import { currentAndPrevious } from '../../domain/status/unit-status.js';
import type { Access } from '../access.js';
import { currentPlan } from '../read-plan.js';
import type { StatusDeps } from './status-deps.js';
import { visibleUnits } from './visible-units.js';

/** One unit's action serving a goal (directly, or through a theme that serves it). */
export interface GoalAction {
  readonly unitId: string;
  readonly unitName: string;
  readonly actionId: string;
  readonly text: string;
  readonly deadline: string;
  readonly status: ActionStatus;
  /** Not done and past its deadline (the deadline day itself is not overdue). */
  readonly overdue: boolean;
  /** Named through a theme rather than the goal itself: the theme's id. */
  readonly viaTheme?: string;
}

/** Answers to one sign across the units it applies to, in submitted half-year reports. */
export interface SignTally {
  readonly signId: string;
  readonly text: string;
  readonly pictureId: string;
  readonly now: Record<SignAnswer, number>;
  /** The period before; null when there is none. */
  readonly before: Record<SignAnswer, number> | null;
}

/** Progress on one of the plan's goals: its themes, the units' actions serving it, the signs under it. */
export interface GoalProgress {
  readonly goalId: string;
  readonly themes: readonly string[];
  readonly actions: readonly GoalAction[];
  /** Signs of the future pictures whose theme serves the goal. */
  readonly signs: readonly SignTally[];
}

export interface GoalProgressView {
  readonly today: string;
  /** The half-year periods the signs are counted in (`2026-H2`), or null. */
  readonly period: string | null;
  readonly previousPeriod: string | null;
  readonly goals: readonly GoalProgress[];
}

/**
 * Per goal of the plan, the themes that serve it and the actions of the units the caller may see
 * (as the status overview: the kommunalsjef all) that name the goal or such a theme, overdue first.
 */
export async function goalProgress(deps: StatusDeps, access: Access): Promise<GoalProgressView> {
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const stored = await currentPlan(deps.read);
  if (!stored) return { today, period: null, previousPeriod: null, goals: [] };
  const { plan } = stored;
  const units = new Map(visibleUnits(access, plan).map((u) => [u.id, u]));
  const { current, previous } = currentAndPrevious(
    (await deps.campaigns.list()).filter((c) => c.planKey === stored.info.key),
    today,
  );
  const periods = [current, previous].flatMap((c) => (c ? [c.id] : []));
  // The index's local-plan rows carry each serving action (its text too): no plan is read whole.
  const { localPlans, reports } = await deps.summaries.units(periods);
  /** Per sign id, how the visible units' submitted reports of a period answered it. */
  const tally = (campaignId: string | undefined, picture: FuturePicture, signId: string) => {
    const counts: Record<SignAnswer, number> = { ja: 0, delvis: 0, nei: 0 };
    for (const report of (campaignId && reports.get(campaignId)) || []) {
      const unit = units.get(report.unitId);
      if (report.status !== 'sendt' || !unit || !picture.appliesTo.includes(unit.type)) continue;
      const answer = report.answers[signId];
      if (answer) counts[answer] += 1;
    }
    return counts;
  };
  const actions = localPlans
    .filter((p) => units.has(p.unitId))
    .flatMap((p) =>
      p.actions.flatMap(({ status, deadline, serving }) =>
        serving
          ? [
              {
                unitId: p.unitId,
                action: { ...serving, status, deadline },
                goals: servedGoalIds(plan, serving.serves),
              },
            ]
          : [],
      ),
    );
  const goals = (plan.goals ?? []).map((goal): GoalProgress => {
    const serving = actions
      .filter((a) => a.goals.includes(goal.id))
      .map(({ unitId, action }): GoalAction => ({
        unitId,
        unitName: units.get(unitId)?.name ?? unitId,
        actionId: action.id,
        text: action.text,
        deadline: action.deadline,
        status: action.status,
        overdue: action.status !== 'fullført' && !!action.deadline && action.deadline < today,
        ...(action.serves.startsWith('theme:') ? { viaTheme: action.serves.slice(6) } : {}),
      }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.unitName.localeCompare(b.unitName, 'nb'));
    const themes = plan.themes.filter((t) => (t.servesGoals ?? []).includes(goal.id)).map((t) => t.id);
    const signs = plan.futurePictures
      .filter((picture) => picture.theme !== undefined && themes.includes(picture.theme))
      .flatMap((picture) =>
        picture.signs.map((sign): SignTally => ({
          signId: sign.id,
          text: sign.text,
          pictureId: picture.id,
          now: tally(current?.id, picture, sign.id),
          before: previous ? tally(previous.id, picture, sign.id) : null,
        })),
      );
    return { goalId: goal.id, themes, actions: serving, signs };
  });
  return { today, period: current?.id ?? null, previousPeriod: previous?.id ?? null, goals };
}
