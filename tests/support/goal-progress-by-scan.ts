import { localDate } from '../../bot/domain/calendar/local-date.js';
import { servedGoalIds } from '../../bot/domain/reports/action-serves.js';
import type { FuturePicture } from '../../bot/domain/plan/plan-schema.js';
import type { SignAnswer } from '../../bot/domain/reports/report.js';
import { currentAndPrevious } from '../../bot/domain/status/unit-status.js';
import type { Access } from '../../bot/use-cases/access.js';
import { currentPlan } from '../../bot/use-cases/read-plan.js';
import type { LocalPlanRepository } from '../../bot/use-cases/reports/local-plan-repository.js';
import type {
  GoalAction,
  GoalProgress,
  GoalProgressView,
  SignTally,
} from '../../bot/use-cases/status/goal-progress.js';
import type { StatusDeps } from '../../bot/use-cases/status/status-deps.js';
import { visibleUnits } from '../../bot/use-cases/status/visible-units.js';

/**
 * «Planens mål» as it was computed before the index carried the serving actions (commit 54ce780):
 * from every unit's whole local plan, one scan of the units' table. Kept unchanged as the answer
 * the index must give; only its deps gained back the scan it read.
 */
export async function goalProgressByScan(
  deps: StatusDeps & { localPlans: Pick<LocalPlanRepository, 'all'> },
  access: Access,
): Promise<GoalProgressView> {
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
  const { reports } = await deps.summaries.units(periods);
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
