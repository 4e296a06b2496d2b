import { NOTIFICATION_CHOICES, type NotificationChoice } from '../../domain/people/notification-choice.js';
import type { DigestTexts } from '../../i18n/digest.js';
import { adaptiveCard, execute, heading, textBlock, when, type AdaptiveCard } from './elements.js';

/**
 * The `varsler` card: the three choices, each with what it means, the one in use marked; a
 * press saves it (verb `varsler`, `choice`). `notice` says what was saved or not understood.
 */
export function renderNotificationCard(
  data: { current: NotificationChoice; notice?: { text: string; tone: 'good' | 'attention' } },
  text: DigestTexts,
): AdaptiveCard {
  return adaptiveCard(
    [
      heading(text.choiceTitle),
      ...when(
        data.notice,
        textBlock(data.notice?.text ?? '', {
          wrap: true,
          color: data.notice?.tone === 'attention' ? 'Attention' : 'Good',
        }),
      ),
      textBlock(text.choiceIntro, { wrap: true }),
      ...NOTIFICATION_CHOICES.map((choice) =>
        textBlock(`**${text.choice[choice].title}**: ${text.choice[choice].description}`, { wrap: true }),
      ),
      textBlock(text.current(text.choice[data.current].title), { wrap: true, weight: 'Bolder' }),
    ],
    NOTIFICATION_CHOICES.map((choice) =>
      execute(
        text.choice[choice].title,
        'varsler',
        { choice },
        {
          style: choice === data.current ? 'positive' : 'default',
        },
      ),
    ),
  );
}
