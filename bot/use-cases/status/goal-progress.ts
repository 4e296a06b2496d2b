import { localDate } from '../../domain/calendar/local-date.js';
import { servedGoalIds } from '../../domain/reports/action-serves.js';
import type { ActionStatus } from '../../domain/reports/action-status.js';
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

/** Progress on one of the plan's goals: its themes and the units' actions serving it. */
export interface GoalProgress {
  readonly goalId: string;
  readonly themes: readonly string[];
  readonly actions: readonly GoalAction[];
}

export interface GoalProgressView {
  readonly today: string;
  readonly goals: readonly GoalProgress[];
}

/**
 * Per goal of the plan, the themes that serve it and the actions of the units the caller may see
 * (as the status overview: the kommunalsjef all) that name the goal or such a theme, overdue first.
 */
export async function goalProgress(deps: StatusDeps, access: Access): Promise<GoalProgressView> {
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const stored = await currentPlan(deps.read);
  if (!stored) return { today, goals: [] };
  const { plan } = stored;
  const units = new Map(visibleUnits(access, plan).map((u) => [u.id, u]));
  const actions = (await deps.localPlans.all())
    .filter((p) => units.has(p.unitId))
    .flatMap((p) =>
      p.actions.map((action) => ({ unitId: p.unitId, action, goals: servedGoalIds(plan, action.serves) })),
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
        ...(action.serves?.startsWith('theme:') ? { viaTheme: action.serves.slice(6) } : {}),
      }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.unitName.localeCompare(b.unitName, 'nb'));
    return {
      goalId: goal.id,
      themes: plan.themes.filter((t) => (t.servesGoals ?? []).includes(goal.id)).map((t) => t.id),
      actions: serving,
    };
  });
  return { today, goals };
}
