import { isoWeekOf } from '../../domain/calendar/iso-week.js';
import { byDate, type Digest, type DigestMeeting, type DigestNews } from '../../domain/digest/digest.js';
import { DEADLINE_SOURCES, type DeadlineSource } from './deadline-sources.js';
import { audienceInScope, eventInScope, type DigestScope } from './digest-scope.js';
import { windowEvents, type DigestWorld } from './digest-world.js';

/** A scope's digest for the world's week: pure, from what `loadDigestWorld` read. */
export function buildDigest(
  world: DigestWorld,
  scope: DigestScope,
  sources: readonly DeadlineSource[] = DEADLINE_SOURCES,
): Digest {
  const { plan, window } = world;
  const names = new Map(plan.programmes.map((p) => [p.id, p.name]));
  const events = windowEvents(plan, window).filter((e) => eventInScope(e, plan, scope));
  const meetings = events
    .map((event): DigestMeeting => ({
      eventId: event.id,
      planKey: world.planKey,
      title: event.title,
      programmeName: names.get(event.programme) ?? event.programme,
      date: event.date,
      ...(event.endDate ? { endDate: event.endDate } : {}),
      ...(timeOf(event.slots) ? { time: timeOf(event.slots)! } : {}),
      ...(event.location ? { location: event.location } : {}),
      ...(event.reading ? { reading: event.reading } : {}),
      ...(event.reading && world.readingsOut.has(event.id)
        ? { readingOut: world.readingsOut.get(event.id)! }
        : {}),
      week: event.date < window.nextMonday ? 'this' : 'next',
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? ''));
  const news: DigestNews[] = [
    ...events.flatMap((e) => {
      const publication = world.published.get(e.id);
      return publication
        ? [{ kind: 'agenda-published' as const, title: e.title, at: publication.sendAt }]
        : [];
    }),
    ...world.broadcasts
      .filter((b) => audienceInScope(b.audiences, scope))
      .map((b) => ({ kind: 'broadcast' as const, title: b.title, at: b.sendAt ?? b.createdAt })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    week: world.week.key,
    firstDay: world.week.sendDay,
    weekNumber: isoWeekOf(window.from).week,
    nextWeekNumber: isoWeekOf(window.nextMonday).week,
    meetings,
    deadlines: sources.flatMap((source) => source(world, scope)).sort(byDate),
    news,
  };
}

/** `13:00–15:00` from the first and last slot, or undefined for a day without times. */
function timeOf(slots: readonly { start: string; end?: string | undefined }[]): string | undefined {
  const first = slots[0];
  if (!first) return undefined;
  const end = slots[slots.length - 1]?.end;
  return end ? `${first.start}–${end}` : first.start;
}
