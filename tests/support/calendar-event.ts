import type { CalendarEvent } from '../../bot/domain/plan/plan-schema.js';

/** A KULG leaders' meeting on Tuesday 24 March 2026 (week 13), 09:00–11:30: for card tests. */
export const kulgMeeting: CalendarEvent = {
  id: 'kulg-07',
  date: '2026-03-24',
  programme: 'kulg',
  alsoFor: [],
  title: 'Ledermøte KULG',
  slots: [{ start: '09:00', end: '11:30' }],
  participants: [],
  rules: [],
  notes: [],
};
