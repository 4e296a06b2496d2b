import type { CalendarEvent, Milestone, PlanFile } from './plan-schema.js';

/**
 * A dated milestone in the shape of a calendar entry, so the calendar, the `.ics` feeds and the
 * reminders show it beside the meetings — marked `kind: 'milestone'`, with no time slots and
 * nobody invited: its `participants` are the roles responsible for it.
 */
export interface MilestoneEntry extends CalendarEvent {
  readonly kind: 'milestone';
  /** `YYYY-MM` when the source prints only the month; `date` is then the month's first day. */
  readonly month?: string;
  readonly responsible: readonly string[];
}

/** Whether a calendar entry is a milestone rather than a meeting. */
export function isMilestone(event: CalendarEvent): event is MilestoneEntry {
  return (event as Partial<MilestoneEntry>).kind === 'milestone';
}

/** The day a milestone is shown on: its date, or the first day of its month; none if undated. */
export function milestoneDay(milestone: Pick<Milestone, 'date' | 'month'>): string | undefined {
  return milestone.date ?? (milestone.month ? `${milestone.month}-01` : undefined);
}

/** The plan's dated milestones as calendar entries (plans stored before format 2 have none). */
export function milestoneEntries(plan: Pick<PlanFile, 'milestones'>): MilestoneEntry[] {
  return (plan.milestones ?? []).flatMap((milestone) => {
    const date = milestoneDay(milestone);
    return date ? [toEntry(milestone, date)] : [];
  });
}

function toEntry(milestone: Milestone, date: string): MilestoneEntry {
  return {
    kind: 'milestone',
    id: milestone.id,
    date,
    ...(milestone.month ? { month: milestone.month } : {}),
    programme: milestone.programme ?? '',
    alsoFor: [],
    title: milestone.title,
    ...(milestone.description ? { description: milestone.description } : {}),
    slots: [],
    participants: [...milestone.responsible],
    ...(milestone.responsibleText ? { participantsText: milestone.responsibleText } : {}),
    responsible: milestone.responsible,
    rules: [],
    notes: milestone.notes,
    ...(milestone.sourceNotes ? { sourceNotes: milestone.sourceNotes } : {}),
  };
}

/** Meetings and dated milestones together: what a calendar shows. */
export function calendarEntries(plan: Pick<PlanFile, 'calendar' | 'milestones'>): CalendarEvent[] {
  return [...plan.calendar, ...milestoneEntries(plan)];
}
