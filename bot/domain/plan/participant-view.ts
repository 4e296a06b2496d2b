import type { CalendarEvent, PlanFile } from './plan-schema.js';

/** An event as participants see it: without the notes on how it was transcribed from the source. */
export function eventForParticipants<E extends CalendarEvent>(event: E): E {
  if (event.sourceNotes === undefined) return event;
  const rest = { ...event };
  delete rest.sourceNotes;
  return rest;
}

/** The plan as participants see it: every event without its transcription notes. */
export function planForParticipants(plan: PlanFile): PlanFile {
  return { ...plan, calendar: plan.calendar.map(eventForParticipants) };
}
