import type { TurnContext } from 'botbuilder';
import type { Language } from '../i18n/index.js';

/** Who sent the activity: their Entra object id (lower case) and name. */
export function principalOf(context: TurnContext): { aadObjectId: string; name?: string } {
  const from = context.activity.from;
  return {
    aadObjectId: (from.aadObjectId ?? from.id).toLowerCase(),
    ...(from.name ? { name: from.name } : {}),
  };
}

/** Sets the turn's language: what handlers read with `languageOf(context.activity.locale)`. */
export function speak(context: TurnContext, language: Language): void {
  const locale = language === 'en' ? 'en-US' : 'nb-NO';
  context.activity.locale = locale;
  context.locale = locale;
}
