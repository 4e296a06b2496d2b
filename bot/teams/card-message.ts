import { CardFactory, MessageFactory } from 'botbuilder';

/** A message with one Adaptive Card. */
export function cardMessage(card: Record<string, unknown>) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
