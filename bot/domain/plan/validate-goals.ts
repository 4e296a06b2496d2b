import type { PlanProblem, PlanIssue } from './plan-problems.js';
import type { PlanFile } from './plan-schema.js';

type Report = (path: string, problem: PlanProblem) => void;

/**
 * References of the plan's goals and milestones: goal ids unique, themes and milestones naming
 * goals that exist, milestones naming known roles and programmes, milestone ids unique.
 */
export function checkGoalsAndMilestones(plan: PlanFile): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const report: Report = (path, problem) => issues.push({ path, problem });
  const goalIds = unique('goals', plan.goals, report);
  unique('milestones', plan.milestones, report);
  const roleIds = new Set(plan.roles.map((r) => r.id));
  const programmeIds = new Set(plan.programmes.map((p) => p.id));
  const unknown = (kind: 'goal' | 'role' | 'programme' | 'theme', id: string): PlanProblem => ({
    code: 'PLAN_UNKNOWN_REFERENCE',
    kind,
    id,
  });

  plan.themes.forEach((theme, i) =>
    (theme.servesGoals ?? []).forEach((id, j) => {
      if (!goalIds.has(id)) report(`themes[${i}] (${theme.id}).servesGoals[${j}]`, unknown('goal', id));
    }),
  );
  const themeIds = new Set(plan.themes.map((t) => t.id));
  plan.futurePictures.forEach((picture, i) => {
    if (picture.theme !== undefined && !themeIds.has(picture.theme))
      report(`futurePictures[${i}] (${picture.id}).theme`, unknown('theme', picture.theme));
  });
  plan.milestones.forEach((milestone, i) => {
    const at = `milestones[${i}] (${milestone.id})`;
    if (milestone.programme !== undefined && !programmeIds.has(milestone.programme))
      report(`${at}.programme`, unknown('programme', milestone.programme));
    milestone.responsible.forEach((id, j) => {
      if (!roleIds.has(id)) report(`${at}.responsible[${j}]`, unknown('role', id));
    });
    (milestone.goals ?? []).forEach((id, j) => {
      if (!goalIds.has(id)) report(`${at}.goals[${j}]`, unknown('goal', id));
    });
  });
  return issues;
}

function unique(list: string, entries: readonly { id: string }[], report: Report): Set<string> {
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    if (ids.has(entry.id))
      report(`${list}[${i}] (${entry.id}).id`, { code: 'PLAN_DUPLICATE_ID', id: entry.id });
    ids.add(entry.id);
  });
  return ids;
}
