import { localDate } from '../../domain/calendar/local-date.js';
import { ConflictError } from '../../domain/errors.js';
import type { Language } from '../../i18n/index.js';
import type { Principal } from '../access.js';
import { readerIds } from './reader-ids.js';
import {
  concernedPeople,
  findEvent,
  postedVariants,
  reviseEveryLanguage,
  type ReadingCardView,
  type ReminderDeps,
} from './reminder-deps.js';

export type AcknowledgeResult =
  | { readonly ok: true; readonly card: Record<string, unknown> }
  /** The message is no reading assignment Planpuls knows, or it was withdrawn. */
  | { readonly ok: false; readonly reason: 'unknown-message' };

/** The person who pressed: who they are, and their Teams id (`29:…`) when Teams told it. */
export type Reader = Principal & { readonly teamsUserId?: string };

/**
 * "Lest / utført": records the acknowledgement once however often it is pressed, updates the shared
 * card's count for everyone, and returns the presser's own view of the card. The shared card asks
 * Teams to refresh it for everyone who has read (`lest-vis`, {@link showReading}), so the count
 * update does not take away their own line.
 */
export async function acknowledgeReading(
  deps: ReminderDeps,
  reader: Reader,
  messageId: string,
  language: Language = 'nb',
): Promise<AcknowledgeResult> {
  const reading = await readingOf(deps, messageId);
  if (!reading) return { ok: false, reason: 'unknown-message' };

  const ack = await deps.acks.add(messageId, reader.aadObjectId, deps.clock.now());
  const pressed = reader.teamsUserId
    ? { aadObjectId: reader.aadObjectId, userId: reader.teamsUserId }
    : undefined;
  if (ack.first) {
    // Two presses at once both revise the message; the one that loses the ETag race tries again.
    for (let attempt = 0; ; attempt++) {
      try {
        const view = await countOf(deps, reading, pressed);
        // The Norwegian card and each language's variant show the one shared count.
        await reviseEveryLanguage(deps, messageId, (render) => render.reading(view));
        break;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 4) throw error;
      }
    }
  }
  const view = { ...(await countOf(deps, reading, pressed)), markedReadOn: dayOf(deps, ack.at) };
  return { ok: true, card: deps.render.readingFor(view, language) };
}

/**
 * The card Teams refreshes to for one person (Universal Actions `refresh`, verb `lest-vis`): the
 * current count, with their own "Du markerte dette som lest …" when they have.
 */
export async function showReading(
  deps: ReminderDeps,
  reader: Reader,
  messageId: string,
  language: Language = 'nb',
): Promise<AcknowledgeResult> {
  const reading = await readingOf(deps, messageId);
  if (!reading) return { ok: false, reason: 'unknown-message' };
  const at = await deps.acks.when(messageId, reader.aadObjectId);
  const view = await countOf(deps, reading);
  return {
    ok: true,
    card: deps.render.readingFor(at ? { ...view, markedReadOn: dayOf(deps, at) } : view, language),
  };
}

type Reading = NonNullable<Awaited<ReturnType<typeof readingOf>>>;

/** The posted reading card's event, unless the message is unknown or withdrawn. */
async function readingOf(deps: ReminderDeps, messageId: string) {
  const match = /^reading:([^:]+):(.+)$/.exec(messageId);
  if (!match) return undefined;
  // Posted in Norwegian or only in another language: either stands for the reading.
  const posted = (await postedVariants(deps, messageId)).some((m) => !m.withdrawn);
  const stored = posted ? await deps.plans.load(match[1]!) : undefined;
  const found = stored && findEvent(stored.plan, match[2]!);
  if (!found) return undefined;
  return { ...found, planKey: match[1]!, late: false, messageId };
}

async function countOf(
  deps: ReminderDeps,
  reading: Reading,
  pressed?: { aadObjectId: string; userId: string },
): Promise<ReadingCardView> {
  const [read, concerned, readers] = await Promise.all([
    deps.acks.count(reading.messageId),
    concernedPeople(deps, reading.event),
    readerIds(deps, reading.messageId, pressed),
  ]);
  return { ...reading, read, of: concerned.length, readerIds: readers };
}

/** The day, in plan time, of an acknowledgement stored as an ISO instant. */
function dayOf(deps: ReminderDeps, iso: string): string {
  return localDate(new Date(iso), deps.timeZone);
}
