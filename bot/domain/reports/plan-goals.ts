import type { FuturePicture, PlanFile, Theme } from '../plan/plan-schema.js';

/**
 * The plan's goals as the half-year document groups by them. Goals are being added to the plan
 * format (issue 16) while this is written, so they are read defensively: a plan without them, or
 * with an older shape, groups by future picture instead. When the schema lands, these three
 * functions are the only place to connect (see the integrator's notes in the merge message).
 */
export interface PlanGoal {
  readonly id: string;
  readonly text: string;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** `plan.goals` when it is a list of `{ id, text }`, in the plan's order; else none. */
export function planGoals(plan: PlanFile): PlanGoal[] {
  const raw = (plan as { goals?: unknown }).goals;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((g: unknown) => {
    const goal = g as { id?: unknown; text?: unknown; title?: unknown };
    const text = typeof goal.text === 'string' ? goal.text : goal.title;
    return typeof goal.id === 'string' && typeof text === 'string' ? [{ id: goal.id, text }] : [];
  });
}

/**
 * The goal ids a theme serves: `goalIds`, or entries of `goals` that name a goal by id (today
 * `goals` holds the theme's own goal texts, which match no id and so link nothing).
 */
export function themeGoalIds(theme: Theme, goals: readonly PlanGoal[]): string[] {
  const known = new Set(goals.map((g) => g.id));
  const named = [...strings((theme as { goalIds?: unknown }).goalIds), ...strings(theme.goals)];
  return [...new Set(named.filter((id) => known.has(id)))];
}

/**
 * The goal ids a future picture's signs fall under: its own `goalIds`, and the goals of the
 * themes it names in `themeIds`. A picture linked to nothing is listed after the goals.
 */
export function pictureGoalIds(picture: FuturePicture, plan: PlanFile, goals: readonly PlanGoal[]): string[] {
  const known = new Set(goals.map((g) => g.id));
  const own = strings((picture as { goalIds?: unknown }).goalIds).filter((id) => known.has(id));
  const themeIds = new Set(strings((picture as { themeIds?: unknown }).themeIds));
  const viaThemes = plan.themes.filter((t) => themeIds.has(t.id)).flatMap((t) => themeGoalIds(t, goals));
  return [...new Set([...own, ...viaThemes])];
}
