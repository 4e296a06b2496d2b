import { ConflictError } from '../../domain/errors.js';
import type { Language } from '../../i18n/index.js';
import { reminderTexts } from '../../i18n/reminders.js';
import { asActivity, readingCard } from '../../teams/cards/reminder-cards.js';
import type { Principal } from '../access.js';
import { concernedPeople, findEvent, type ReminderDeps } from './reminder-deps.js';

export type AcknowledgeResult =
  | { readonly ok: true; readonly card: Record<string, unknown> }
  | { readonly ok: false; readonly message: string };

/**
 * "Lest / utført": records the acknowledgement once however often it is pressed, updates the shared
 * card's count for everyone (in Norwegian), and returns the presser's own view of the card, in
 * the presser's language.
 */
export async function acknowledgeReading(
  deps: ReminderDeps,
  principal: Principal,
  messageId: string,
  language: Language = 'nb',
): Promise<AcknowledgeResult> {
  const shared = reminderTexts('nb');
  const text = reminderTexts(language);
  const match = /^reading:([^:]+):(.+)$/.exec(messageId);
  const message = match ? await deps.outbox.message(messageId) : undefined;
  const stored = match && message ? await deps.plans.load(match[1]!) : undefined;
  const found = stored && findEvent(stored.plan, match![2]!);
  if (!found || !message || message.withdrawn) return { ok: false, message: text.unknownMessage };

  const ack = await deps.acks.add(messageId, principal.aadObjectId, deps.clock.now());
  const of = (await concernedPeople(deps, found.event)).length;
  const context = {
    ...found,
    planKey: match![1]!,
    publicUrl: deps.publicUrl,
    late: false,
    status: '',
    messageId,
  };
  if (ack.first) {
    // Two presses at once both revise the message; the one that loses the ETag race tries again.
    for (let attempt = 0; ; attempt++) {
      try {
        const read = await deps.acks.count(messageId);
        await deps.outbox.revise(messageId, asActivity(readingCard({ ...context, read, of }, shared)));
        break;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 4) throw error;
      }
    }
  }
  const day = new Intl.DateTimeFormat(text.locale, {
    day: 'numeric',
    month: 'long',
    timeZone: deps.timeZone,
  }).format(new Date(ack.at));
  const read = await deps.acks.count(messageId);
  return { ok: true, card: readingCard({ ...context, read, of, personal: text.youMarkedRead(day) }, text) };
}
