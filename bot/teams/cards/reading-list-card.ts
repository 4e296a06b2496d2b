import type { ReminderTexts } from '../../i18n/reminders.js';
import type { EventView } from '../../use-cases/read-plan.js';
import {
  actionSet,
  adaptiveCard,
  container,
  execute,
  textBlock,
  when,
  type AdaptiveCard,
} from './elements.js';

/** The verb of «Marker som lest» on a reading listed away from its card (digest, `lesing`). */
export const MARK_READ_VERB = 'marker-lest';

/** The button that marks one reading assignment read for the person who presses it. */
export function markReadButton(
  title: string,
  reading: { planKey: string; eventId: string },
  from: 'digest' | 'lesing',
) {
  return execute(title, MARK_READ_VERB, { planKey: reading.planKey, eventId: reading.eventId, from });
}

/**
 * `lesing`'s card under its text answer: each open reading with «Marker som lest», and after a
 * press what happened (then the card comes back without the reading just marked).
 */
export function renderReadingListCard(
  data: { readings: readonly EventView[]; notice?: { text: string; good: boolean } },
  text: ReminderTexts,
  line: (event: EventView) => string,
): AdaptiveCard {
  return adaptiveCard([
    ...when(
      data.notice,
      textBlock(data.notice?.text ?? '', { wrap: true, color: data.notice?.good ? 'Good' : 'Attention' }),
    ),
    ...(data.readings.length === 0
      ? [textBlock(text.nothingToRead, { wrap: true })]
      : data.readings.map((event, i) =>
          container(
            [
              textBlock(line(event).replace(/^- /, ''), { wrap: true }),
              textBlock(event.reading ?? '', { wrap: true, isSubtle: true, spacing: 'None' }),
              actionSet([
                markReadButton(text.markAsRead, { planKey: event.planKey, eventId: event.id }, 'lesing'),
              ]),
            ],
            { separator: i > 0, spacing: 'Medium' },
          ),
        )),
  ]);
}
