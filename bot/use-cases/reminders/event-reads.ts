import { ForbiddenError } from '../../domain/errors.js';
import { personConcerned, reminderId } from '../../domain/reminders/reminder-rules.js';
import { notFound, refuse } from '../refusals.js';
import type { Access } from '../access.js';
import type { PeopleRepository } from '../people-repository.js';
import { currentPlan, type ReadPlanDeps } from '../read-plan.js';
import type { Acknowledgements } from './acknowledgements.js';

export interface EventReadsDeps {
  read: ReadPlanDeps;
  people: PeopleRepository;
  acks: Acknowledgements;
}

/** Who has read an event's reading assignment («Lest / utført» on its card). */
export interface EventReads {
  readonly eventId: string;
  readonly hasReading: boolean;
  /** «12 av 18 har lest»: acknowledgements, and the people the event concerns (as on the card). */
  readonly read: number;
  readonly of: number;
  /** When the caller marked it read, if they did. */
  readonly youReadAt: string | null;
  /** Admins and coordinators only (else null): who has read and when, and who has not yet. */
  readonly readers: readonly { aadObjectId: string; name: string | null; at: string }[] | null;
  readonly notYet: readonly { aadObjectId: string; name: string | null }[] | null;
}

/** The reading card's outbox message id (also the reading job's id). */
export const readingMessageId = (planKey: string, eventId: string) =>
  reminderId('reading-assignment', planKey, eventId);

/**
 * The read receipts of an event of the current plan. Admins and coordinators see names; the
 * people the event concerns see the count and their own receipt; anyone else is refused.
 */
export async function eventReads(
  deps: EventReadsDeps,
  access: Access,
  eventId: string,
  refused: string,
): Promise<EventReads> {
  const stored = await currentPlan(deps.read);
  const event = stored?.plan.calendar.find((e) => e.id === eventId);
  if (!stored || !event) throw refuse(notFound, 'EVENT_NOT_FOUND');
  const overseer = access.roles.has('admin') || access.roles.has('koordinator');
  const people = await deps.people.list();
  const concerned = people.filter((p) => personConcerned(p, event));
  const me = access.principal.aadObjectId.toLowerCase();
  if (!overseer && !concerned.some((p) => p.aadObjectId === me)) throw new ForbiddenError(refused);

  const acks = await deps.acks.list(readingMessageId(stored.info.key, event.id));
  const names = new Map(people.map((p) => [p.aadObjectId, p.name ?? null]));
  const readBy = new Set(acks.map((a) => a.aadObjectId));
  return {
    eventId: event.id,
    hasReading: Boolean(event.reading),
    read: acks.length,
    of: concerned.length,
    youReadAt: acks.find((a) => a.aadObjectId === me)?.at ?? null,
    readers: overseer ? acks.map((a) => ({ ...a, name: names.get(a.aadObjectId) ?? null })) : null,
    notYet: overseer
      ? concerned
          .filter((p) => !readBy.has(p.aadObjectId))
          .map((p) => ({ aadObjectId: p.aadObjectId, name: p.name ?? null }))
      : null,
  };
}
