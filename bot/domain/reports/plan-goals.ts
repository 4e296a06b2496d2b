import type { FuturePicture, PlanFile, Theme } from '../plan/plan-schema.js';

/** A plan-level goal as the half-year document groups by it. */
export interface PlanGoal {
  readonly id: string;
  readonly text: string;
}

/** The plan's goals, in the plan's order, with their label («Mål 1») before the text when they have one. */
export function planGoals(plan: PlanFile): PlanGoal[] {
  return plan.goals.map((goal) => ({
    id: goal.id,
    text: goal.label ? `${goal.label}: ${goal.text}` : goal.text,
  }));
}

/** The goal ids a theme serves (`servesGoals`), known ones only. */
export function themeGoalIds(theme: Theme, goals: readonly PlanGoal[]): string[] {
  const known = new Set(goals.map((g) => g.id));
  return [...new Set((theme.servesGoals ?? []).filter((id) => known.has(id)))];
}

/** The goal ids a future picture's signs fall under: those its theme serves (none without a theme). */
export function pictureGoalIds(picture: FuturePicture, plan: PlanFile, goals: readonly PlanGoal[]): string[] {
  const theme = plan.themes.find((t) => t.id === picture.theme);
  return theme ? themeGoalIds(theme, goals) : [];
}
