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

/** Validates a submission; returns the Norwegian problems, empty when it is fine. */
export function itemProblems(input: Partial<Record<keyof AgendaItemInput, unknown>>): string[] {
  const problems: string[] = [];
  if (typeof input.title !== 'string' || input.title.trim().length === 0)
    problems.push('Saken må ha en tittel.');
  else if (input.title.length > 200) problems.push('Tittelen kan være høyst 200 tegn.');
  if (typeof input.description === 'string' && input.description.length > 4000)
    problems.push('Beskrivelsen kan være høyst 4000 tegn.');
  const minutes = Number(input.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240)
    problems.push('Oppgi hvor mange minutter saken trenger (1–240).');
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
