import type { PlanIssue } from '../errors.js';
import type { PlanFile } from './plan-schema.js';

/**
 * The texts of the goal and milestone checks, in one place so they can move to i18n with the
 * validator's other texts.
 */
export const GOAL_CHECK_TEXTS = {
  duplicateId: (id: string) => `id «${id}» finnes fra før`,
  unknownGoal: (id: string) => `ukjent mål «${id}»`,
  unknownRole: (id: string) => `ukjent rolle «${id}»`,
  unknownProgramme: (id: string) => `ukjent program/nettverk «${id}»`,
} as const;

/**
 * References of the plan's goals and milestones: goal ids unique, themes and milestones naming
 * goals that exist, milestones naming known roles and programmes, milestone ids unique.
 */
export function checkGoalsAndMilestones(plan: PlanFile): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const report = (where: string, message: string) => issues.push({ where, message });
  const goalIds = unique('goals', plan.goals, report);
  unique('milestones', plan.milestones, report);
  const roleIds = new Set(plan.roles.map((r) => r.id));
  const programmeIds = new Set(plan.programmes.map((p) => p.id));

  plan.themes.forEach((theme, i) =>
    (theme.servesGoals ?? []).forEach((id, j) => {
      if (!goalIds.has(id))
        report(`themes[${i}] (${theme.id}).servesGoals[${j}]`, GOAL_CHECK_TEXTS.unknownGoal(id));
    }),
  );
  plan.milestones.forEach((milestone, i) => {
    const at = `milestones[${i}] (${milestone.id})`;
    if (milestone.programme !== undefined && !programmeIds.has(milestone.programme))
      report(`${at}.programme`, GOAL_CHECK_TEXTS.unknownProgramme(milestone.programme));
    milestone.responsible.forEach((id, j) => {
      if (!roleIds.has(id)) report(`${at}.responsible[${j}]`, GOAL_CHECK_TEXTS.unknownRole(id));
    });
    (milestone.goals ?? []).forEach((id, j) => {
      if (!goalIds.has(id)) report(`${at}.goals[${j}]`, GOAL_CHECK_TEXTS.unknownGoal(id));
    });
  });
  return issues;
}

function unique(
  list: string,
  entries: readonly { id: string }[],
  report: (where: string, message: string) => void,
): Set<string> {
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    if (ids.has(entry.id)) report(`${list}[${i}] (${entry.id}).id`, GOAL_CHECK_TEXTS.duplicateId(entry.id));
    ids.add(entry.id);
  });
  return ids;
}
