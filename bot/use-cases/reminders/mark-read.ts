import { localDate } from '../../domain/calendar/local-date.js';
import { plannedReminders } from '../../domain/reminders/reminder-rules.js';
import { acknowledgeReading, type Reader } from './acknowledge.js';
import { readingMessageId } from './event-reads.js';
import type { ReminderDeps } from './reminder-deps.js';

export type MarkReadResult =
  /** Marked (now, or before: the first day stays); `readOn` is that day, plan time. */
  | { readonly ok: true; readonly title: string; readonly readOn: string }
  /** No such meeting, or it has no reading assignment, or its card was called off. */
  | { readonly ok: false; readonly reason: 'no-reading' }
  /** The assignment is not given out yet: from `sendsOn` it can be marked read. */
  | { readonly ok: false; readonly reason: 'not-out'; readonly sendsOn: string };

/**
 * «Marker som lest» away from the reading card (the tab's reading list, the weekly digest,
 * `lesing`): for people who never get the card, e.g. those who chose the digest only. It goes
 * through {@link acknowledgeReading}, so the receipt is stored once however often she presses,
 * and the shared card's count goes up for everyone where it was posted.
 *
 * The assignment counts as given out when its time has come and Planpuls stored its card, even
 * if the card reached no conversation (everyone concerned chose the digest only and no channel
 * is linked): then the receipt is stored, and the tab's count shows it. Before its time it
 * cannot be marked read, as «Mine» says; the answer tells the day.
 */
export async function markReadingRead(
  deps: ReminderDeps,
  reader: Reader,
  planKey: string,
  eventId: string,
): Promise<MarkReadResult> {
  const stored = await deps.plans.load(planKey);
  const event = stored?.plan.calendar.find((e) => e.id === eventId);
  if (!stored || !event?.reading) return { ok: false, reason: 'no-reading' };
  const messageId = readingMessageId(planKey, eventId);
  const message = await deps.outbox.message(messageId);
  if (!message) {
    const due = plannedReminders(planKey, stored.plan, deps.timeZone).find((r) => r.id === messageId);
    if (!due) return { ok: false, reason: 'no-reading' };
    return { ok: false, reason: 'not-out', sendsOn: localDate(due.dueAt, deps.timeZone) };
  }
  const acknowledged = await acknowledgeReading(deps, reader, messageId);
  if (!acknowledged.ok) return { ok: false, reason: 'no-reading' };
  const at = await deps.acks.when(messageId, reader.aadObjectId);
  return { ok: true, title: event.title, readOn: localDate(new Date(at!), deps.timeZone) };
}
