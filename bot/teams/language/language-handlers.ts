import { MessageFactory, type TurnContext } from 'botbuilder';
import { languageOf, messages, type Language } from '../../i18n/index.js';
import { parseLanguage, type LanguagePreferences } from '../../use-cases/language-preferences.js';
import { cardMessage } from '../card-message.js';
import { languageCardData, renderLanguageCard } from '../cards/language-card.js';
import type { CardActionHandler, ChatCommand } from '../extensions.js';
import { principalOf, speak } from '../principal.js';

/** `språk`: without a language the card to choose with; with one, saved at once. */
export function languageCommand(languages: LanguagePreferences): ChatCommand {
  return {
    words: { språk: 'nb', sprak: 'nb', language: 'en' },
    help: { nb: messages('nb').language.command, en: messages('en').language.command },
    async handle(context, args) {
      const language = languageOf(context.activity.locale);
      const text = messages(language);
      if (!args) return cardMessage(renderLanguageCard(languageCardData(text, language)));
      const chosen = parseLanguage(args);
      if (!chosen)
        return cardMessage(
          renderLanguageCard(languageCardData(text, language, text.language.notKnown(args))),
        );
      await save(languages, context, chosen);
      return MessageFactory.text(messages(chosen).language.saved);
    },
  };
}

/** The `sprak` button: saves the choice and answers with the card in the chosen language. */
export function languageAction(languages: LanguagePreferences): CardActionHandler {
  return {
    verb: 'sprak',
    async handle(context, data, text) {
      const chosen = parseLanguage(String(data.language ?? ''));
      if (!chosen) return { message: text.unknownAction };
      await save(languages, context, chosen);
      const chosenText = messages(chosen);
      return {
        card: renderLanguageCard({
          ...languageCardData(chosenText, chosen),
          current: chosenText.language.saved,
        }),
      };
    },
  };
}

/** Stores the choice and answers the rest of this turn in it. */
async function save(languages: LanguagePreferences, context: TurnContext, language: Language): Promise<void> {
  await languages.set(principalOf(context).aadObjectId, language);
  speak(context, language);
}
