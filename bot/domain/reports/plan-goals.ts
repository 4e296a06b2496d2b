import type { FuturePicture, PlanFile, Theme } from '../plan/plan-schema.js';

/**
 * The two plans a Planpuls plan's goals come from, as people name them: the municipality's plan for
 * children and youth (kommunedelplan oppvekst) and the development plan (utviklingsplan). A source
 * that is neither is named by its own text.
 */
export type GoalPlan = 'oppvekstplan' | 'utviklingsplan';

/** Which of the two plans a goal's `source` is, or null when it is another. */
export function goalPlan(source: string): GoalPlan | null {
  if (/utviklingsplan/i.test(source)) return 'utviklingsplan';
  if (/oppvekst/i.test(source)) return 'oppvekstplan';
  return null;
}

/** A plan-level goal as the half-year document groups by it. */
export interface PlanGoal {
  readonly id: string;
  /** The label before the text when it has one («Mål 1: …»). */
  readonly text: string;
  /** The goal's own text, without its label. */
  readonly goalText: string;
  /** The plan it comes from, verbatim. */
  readonly source: string;
  /** Its place among the goals of its source, from 1: two plans each have a «mål 1». */
  readonly number: number;
}

/** The plan's goals, in the plan's order, numbered within their source plan. */
export function planGoals(plan: Pick<PlanFile, 'goals'>): PlanGoal[] {
  const bySource = new Map<string, number>();
  return (plan.goals ?? []).map((goal) => {
    const number = (bySource.get(goal.source) ?? 0) + 1;
    bySource.set(goal.source, number);
    return {
      id: goal.id,
      text: goal.label ? `${goal.label}: ${goal.text}` : goal.text,
      goalText: goal.text,
      source: goal.source,
      number,
    };
  });
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
