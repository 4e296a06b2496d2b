import { problem, type Problem } from '../problems.js';
import { markdownProblems } from './markdown.js';

/** An agenda item (sak) someone submitted for a meeting. */
export interface AgendaItem {
  readonly id: string;
  readonly planKey: string;
  readonly eventId: string;
  readonly title: string;
  readonly description: string;
  /** Who presents it. */
  readonly presenter: string;
  readonly minutes: number;
  readonly submittedBy: string;
  /** The submitter's display name when they submitted, if Teams or the token gave one. */
  readonly submitterName?: string;
  readonly submittedAt: string;
  /** `withdrawn`: the submitter (or the coordinator) took it back; it never shows on the agenda. */
  readonly status: 'submitted' | 'accepted' | 'declined' | 'withdrawn';
  /** Late, but a coordinator accepted it. */
  readonly late: boolean;
  /** Position on the agenda; lower first. */
  readonly order: number;
  /**
   * 1 when submitted, one more with every change. A change names the version its author saw,
   * so a change made on a stale view is refused instead of overwriting someone else's.
   */
  readonly version: number;
}

export interface AgendaItemInput {
  title: string;
  description: string;
  presenter: string;
  minutes: number;
}

/** Longest title and description, and the minutes an item may take. */
export const ITEM_LIMITS = { title: 200, description: 4000, minMinutes: 1, maxMinutes: 240 } as const;

/** Validates a submission; returns its problems by code, empty when it is fine. */
export function itemProblems(input: Partial<Record<keyof AgendaItemInput, unknown>>): Problem[] {
  const problems: Problem[] = [];
  const max = ITEM_LIMITS;
  if (typeof input.title !== 'string' || input.title.trim().length === 0)
    problems.push(problem('ITEM_TITLE_MISSING', {}));
  else if (input.title.length > max.title) problems.push(problem('ITEM_TITLE_TOO_LONG', { max: max.title }));
  if (typeof input.description === 'string' && input.description.length > max.description)
    problems.push(problem('ITEM_DESCRIPTION_TOO_LONG', { max: max.description }));
  // Title and description become card text: the one rule for card markdown (markdown.ts), so
  // a javascript: or http: link cannot reach the agenda card through an item either.
  for (const name of ['title', 'description', 'presenter'] as const) {
    const value = input[name];
    if (typeof value === 'string')
      problems.push(...markdownProblems(value, { kind: 'input', name }, Infinity));
  }
  const minutes = Number(input.minutes);
  if (!Number.isInteger(minutes) || minutes < max.minMinutes || minutes > max.maxMinutes)
    problems.push(problem('ITEM_MINUTES', { min: max.minMinutes, max: max.maxMinutes }));
  return problems;
}

/** The agenda: accepted items by order, then by when they came in. */
export function agendaOrder(items: readonly AgendaItem[]): AgendaItem[] {
  return items
    .filter((i) => i.status === 'accepted')
    .sort((a, b) => a.order - b.order || a.submittedAt.localeCompare(b.submittedAt));
}

/** New orders after the coordinator lists item ids in the order she wants; others keep theirs after. */
export function reorder(items: readonly AgendaItem[], ids: readonly string[]): Map<string, number> {
  const orders = new Map<string, number>();
  ids.forEach((id, index) => orders.set(id, index + 1));
  let next = ids.length + 1;
  for (const item of [...items].sort((a, b) => a.order - b.order)) {
    if (!orders.has(item.id)) orders.set(item.id, next++);
  }
  return orders;
}
