import type { EventView } from '../../api/types';

/** Whether a calendar entry is a milestone (something due), not a meeting. */
export function isMilestone(event: Pick<EventView, 'kind'>): boolean {
  return event.kind === 'milestone';
}

/**
 * The last day an entry is still current: a meeting's (last) day, or for a milestone known only
 * by its month, the month's last day — «november» is not over on 1 November.
 */
export function lastDayOf(event: Pick<EventView, 'date' | 'endDate' | 'month'>): string {
  if (!event.month) return event.endDate ?? event.date;
  const [year, month] = event.month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0));
  return last.toISOString().slice(0, 10);
}
