import type { CalendarEvent, PlanFile } from './plan-schema.js';

/** An event whose date moved between two versions of a plan. */
export interface MovedEvent {
  readonly id: string;
  readonly title: string;
  readonly from: string;
  readonly to: string;
}

/** What importing `next` over `previous` changes, for an admin to confirm. */
export interface PlanChanges {
  /** No stored plan with the same id and school year: everything is new. */
  readonly isNew: boolean;
  readonly events: {
    readonly added: readonly Pick<CalendarEvent, 'id' | 'title' | 'date'>[];
    readonly removed: readonly Pick<CalendarEvent, 'id' | 'title' | 'date'>[];
    readonly moved: readonly MovedEvent[];
    /** Same date, other content (title, times, reading, reminders …). */
    readonly changed: readonly Pick<CalendarEvent, 'id' | 'title' | 'date'>[];
    readonly total: number;
  };
  readonly units: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly total: number;
  };
  readonly programmes: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly total: number;
  };
}

/** Compares two versions of a plan entry by entry (ids are stable across versions). */
export function planChanges(previous: PlanFile | undefined, next: PlanFile): PlanChanges {
  const before = new Map((previous?.calendar ?? []).map((e) => [e.id, e]));
  const after = new Map(next.calendar.map((e) => [e.id, e]));
  const brief = (e: CalendarEvent) => ({ id: e.id, title: e.title, date: e.date });
  const moved: MovedEvent[] = [];
  const changed: ReturnType<typeof brief>[] = [];
  for (const [id, event] of after) {
    const old = before.get(id);
    if (!old) continue;
    if (old.date !== event.date) moved.push({ id, title: event.title, from: old.date, to: event.date });
    else if (JSON.stringify(old) !== JSON.stringify(event)) changed.push(brief(event));
  }
  return {
    isNew: previous === undefined,
    events: {
      added: next.calendar.filter((e) => !before.has(e.id)).map(brief),
      removed: (previous?.calendar ?? []).filter((e) => !after.has(e.id)).map(brief),
      moved,
      changed,
      total: next.calendar.length,
    },
    units: idChanges(previous?.units ?? [], next.units),
    programmes: idChanges(previous?.programmes ?? [], next.programmes),
  };
}

function idChanges(before: readonly { id: string }[], after: readonly { id: string }[]) {
  const old = new Set(before.map((x) => x.id));
  const now = new Set(after.map((x) => x.id));
  return {
    added: [...now].filter((id) => !old.has(id)),
    removed: [...old].filter((id) => !now.has(id)),
    total: now.size,
  };
}

/** Whether two plans hold the same content, whatever order their keys came in. */
export function samePlan(a: PlanFile, b: PlanFile): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
