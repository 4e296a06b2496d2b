import type { AgendaItem } from '../../domain/agenda/agenda-item.js';
import { itemDeadline, publishDate } from '../../domain/agenda/deadlines.js';
import { problem } from '../../domain/problems.js';
import type { CalendarEvent, Programme } from '../../domain/plan/plan-schema.js';
import type { Access } from '../access.js';
import { currentPlan, type ReadPlanDeps } from '../read-plan.js';
import { forbidden, notFound, refuse } from '../refusals.js';

/** A meeting of the current plan with its agenda dates. */
export interface Meeting {
  readonly planKey: string;
  readonly event: CalendarEvent;
  readonly programme: Programme | undefined;
  readonly deadline: string;
  readonly publishDate: string;
}

/** An agenda item with its meeting, as a change to the item returns it. */
export interface MeetingItem {
  readonly meeting: Meeting;
  readonly item: AgendaItem;
}

export async function findMeeting(read: ReadPlanDeps, eventId: string): Promise<Meeting> {
  const stored = await currentPlan(read);
  const event = stored?.plan.calendar.find((e) => e.id === eventId);
  if (!stored || !event) throw notFound([problem('MEETING_NOT_FOUND', {})]);
  const programme = stored.plan.programmes.find((p) => p.id === event.programme);
  return {
    planKey: stored.info.key,
    event,
    programme,
    deadline: itemDeadline(event, programme),
    publishDate: publishDate(event, programme),
  };
}

/** Admins, and coordinators of the meeting's network, run its agenda. */
export function mayRunAgenda(access: Access, meeting: Meeting): boolean {
  if (access.roles.has('admin')) return true;
  return (
    access.roles.has('koordinator') && (access.person?.coordinates ?? []).includes(meeting.event.programme)
  );
}

export function requireAgendaRunner(access: Access, meeting: Meeting): void {
  if (!mayRunAgenda(access, meeting)) throw refuse(forbidden, 'AGENDA_RUNNERS_ONLY');
}
