import { CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import { languageOf, messages } from '../i18n/index.js';
import type { Logger } from '../log/logger.js';
import { helpCardData, renderHelpCard } from './cards/help-card.js';
import { parseCommand } from './commands.js';

export interface PlanpulsBotOptions {
  logger: Logger;
}

/** The Teams bot: reads commands from messages and answers with cards. */
export class PlanpulsBot extends TeamsActivityHandler {
  constructor(private readonly options: PlanpulsBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
    const command = parseCommand(text);
    const fallback = languageOf(context.activity.locale);
    const language = command.name === 'help' ? (command.language ?? fallback) : fallback;
    const card = renderHelpCard(helpCardData(messages(language), command.name === 'unknown'));
    this.options.logger.debug('answered with help', {
      command: command.name,
      conversationType: context.activity.conversation?.conversationType,
    });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }
}
