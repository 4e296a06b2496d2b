import type { PlanFile } from '../plan/plan-schema.js';
import { goalPlan, type GoalPlan } from './plan-goals.js';

/**
 * What a unit's action serves in the plan: one of the plan's goals (`goal:<id>`) or themes
 * (`theme:<id>`). One string, so a card's choice, the tab's select and the stored action carry
 * the same value; {@link servedGoalIds} turns it into goals for those who report per goal.
 */
export type ServesRef = `goal:${string}` | `theme:${string}`;

const SERVES = /^(goal|theme):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Whether the value is shaped like a reference (the plan may still not know it). */
export function isServesRef(value: string): value is ServesRef {
  return SERVES.test(value);
}

/** Whether the plan has the goal or theme the value names. */
export function planKnowsServes(plan: Pick<PlanFile, 'goals' | 'themes'>, value: string): boolean {
  const match = SERVES.exec(value);
  if (!match) return false;
  const list = match[1] === 'goal' ? (plan.goals ?? []) : plan.themes;
  return list.some((entry) => entry.id === match[2]);
}

/** The plan's goals an action serves: the goal it names, or the goals its theme serves. */
export function servedGoalIds(
  plan: Pick<PlanFile, 'goals' | 'themes'>,
  serves: string | undefined,
): string[] {
  const match = serves ? SERVES.exec(serves) : null;
  if (!match) return [];
  if (match[1] === 'goal') return (plan.goals ?? []).some((g) => g.id === match[2]) ? [match[2]!] : [];
  return [...(plan.themes.find((t) => t.id === match[2])?.servesGoals ?? [])];
}

/** One choice of what an action serves, as a form offers it. */
export interface ServesChoice {
  readonly value: ServesRef;
  /** «Mål 1: Barn og unge …» or «Tema 2: Inkluderende barnehage- og skolemiljø». */
  readonly title: string;
  readonly kind: 'goal' | 'theme';
  /** Where it comes from: a goal's source plan; for themes, the word for themes. */
  readonly group: string;
  /** The goal's whole label and text, when `title` is cut. */
  readonly full: string;
  /** The label alone: «Utviklingsplanens mål 1», «Tema 2». */
  readonly label: string;
}

/** Names a goal by its plan and number («Utviklingsplanen, mål 1»), in the caller's language. */
export type GoalLabel = (plan: GoalPlan | null, source: string, n: number) => string;

/**
 * The plan's goals, then its themes, as choices. `goalWord`/`themeWord` come from the caller's
 * language («Mål»/«Goal», «Tema»/«Theme»); a goal without a printed label is numbered by its
 * place among the goals of its source plan. Long goal texts are cut for a one-line choice.
 */
export function servesChoices(
  plan: Pick<PlanFile, 'goals' | 'themes'>,
  words: { goal: string; theme: string; themes: string; goalLabel?: GoalLabel },
  maxLength = 120,
): ServesChoice[] {
  // Cut at the last space that keeps most of the text, so no word is left half.
  const cut = (text: string) => {
    if (text.length <= maxLength) return text;
    const head = text.slice(0, maxLength - 1);
    const space = head.lastIndexOf(' ');
    return `${(space > maxLength * 0.7 ? head.slice(0, space) : head)
      .trimEnd()
      .replace(/[,;:–-]$/, '')
      .trimEnd()}…`;
  };
  const bySource = new Map<string, number>();
  const goals = (plan.goals ?? []).map((goal): ServesChoice => {
    const n = (bySource.get(goal.source) ?? 0) + 1;
    bySource.set(goal.source, n);
    // With `goalLabel`, every goal is named by its plan and its number there, so the two plans'
    // «Mål 1» tell apart; without, «Mål 1» as printed and an unlabelled goal names its plan.
    const label = words.goalLabel
      ? words.goalLabel(goalPlan(goal.source), goal.source, n)
      : (goal.label ?? `${words.goal} ${n} (${goal.source})`);
    return {
      value: `goal:${goal.id}`,
      title: cut(`${label}: ${goal.text}`),
      kind: 'goal',
      group: goal.source,
      full: `${label}: ${goal.text}`,
      label,
    };
  });
  const themes = plan.themes.map((theme): ServesChoice => ({
    value: `theme:${theme.id}`,
    title: cut(`${words.theme} ${theme.number}: ${theme.title}`),
    kind: 'theme',
    group: words.themes,
    full: `${words.theme} ${theme.number}: ${theme.title}`,
    label: `${words.theme} ${theme.number}`,
  }));
  return [...goals, ...themes];
}
