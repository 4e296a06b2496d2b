import type { CalendarEvent, PlanFile } from './plan-schema.js';

/** An entry as participants see it: without its notes on how it was transcribed from the source. */
function withoutSourceNotes<E extends { sourceNotes?: readonly string[] }>(entry: E): E {
  if (entry.sourceNotes === undefined) return entry;
  const rest = { ...entry };
  delete rest.sourceNotes;
  return rest;
}

/** An event as participants see it: without the notes on how it was transcribed from the source. */
export function eventForParticipants<E extends CalendarEvent>(event: E): E {
  return withoutSourceNotes(event);
}

/**
 * The plan as participants see it: every event, unit, goal and milestone without its
 * transcription notes (plans stored before format 2 may lack goals and milestones).
 */
export function planForParticipants(plan: PlanFile): PlanFile {
  return {
    ...plan,
    calendar: plan.calendar.map(eventForParticipants),
    units: plan.units.map(withoutSourceNotes),
    goals: (plan.goals ?? []).map(withoutSourceNotes),
    milestones: (plan.milestones ?? []).map(withoutSourceNotes),
  };
}
