import { parseNotificationChoice } from '../../domain/people/notification-choice.js';
import { digestTexts } from '../../i18n/digest.js';
import { messages } from '../../i18n/index.js';
import { notificationChoiceFor, type NotificationChoices } from '../../use-cases/notification-choices.js';
import { cardMessage } from '../card-message.js';
import { adaptiveCard, textBlock } from '../cards/elements.js';
import { renderNotificationCard } from '../cards/notification-card.js';
import type { CardActionHandler, ChatCommand } from '../extensions.js';
import { principalOf } from '../principal.js';

/** `varsler`: without a word the card to choose with; with one (`varsler oversikt`), saved at once. */
export function notificationCommand(choices: NotificationChoices): ChatCommand {
  return {
    words: { varsler: 'nb', varsling: 'nb', notifications: 'en' },
    help: { nb: digestTexts('nb').command, en: digestTexts('en').command },
    async handle(context, args, _text, language = 'nb') {
      const text = digestTexts(language);
      const me = principalOf(context).aadObjectId;
      if (!args)
        return cardMessage(
          renderNotificationCard({ current: await notificationChoiceFor(choices, me) }, text),
        );
      const chosen = parseNotificationChoice(args);
      if (!chosen)
        return cardMessage(
          renderNotificationCard(
            {
              current: await notificationChoiceFor(choices, me),
              notice: { text: text.notKnown(args), tone: 'attention' },
            },
            text,
          ),
        );
      await choices.set(me, chosen);
      // The line that says it is saved, and under it what she gets now.
      return {
        ...cardMessage(adaptiveCard([textBlock(text.willGet[chosen], { wrap: true })])),
        text: text.saved(text.choice[chosen].title),
      };
    },
  };
}

/**
 * The `varsler` buttons: with `choice`, saves it and answers with the card showing it; without
 * (the digest's «Endre varsler»), the card to choose with.
 */
export function notificationAction(choices: NotificationChoices): CardActionHandler {
  return {
    verb: 'varsler',
    async handle(context, data, text) {
      const language = text === messages('en') ? 'en' : 'nb';
      const own = digestTexts(language);
      const me = principalOf(context).aadObjectId;
      if (data.choice === undefined)
        return { card: renderNotificationCard({ current: await notificationChoiceFor(choices, me) }, own) };
      const chosen = parseNotificationChoice(String(data.choice));
      if (!chosen) return { message: text.unknownAction };
      await choices.set(me, chosen);
      return {
        card: renderNotificationCard(
          {
            current: chosen,
            notice: { text: `${own.saved(own.choice[chosen].title)} ${own.willGet[chosen]}`, tone: 'good' },
          },
          own,
        ),
      };
    },
  };
}
