import type { Language } from '../i18n/index.js';

/**
 * Storage port: the one language each person chose for Planpuls, by Entra object id. Nobody has
 * to choose: without a choice Planpuls speaks Norwegian bokmål.
 */
export interface LanguagePreferences {
  /** The person's chosen language, or undefined if they never chose. */
  get(aadObjectId: string): Promise<Language | undefined>;
  /** Saves the person's choice (the chat's `språk` command or the tab's switch). */
  set(aadObjectId: string, language: Language): Promise<void>;
}

/** The language to speak to a person: their choice, else Norwegian bokmål. */
export async function languageFor(
  preferences: LanguagePreferences,
  aadObjectId: string | undefined,
): Promise<Language> {
  if (!aadObjectId) return 'nb';
  return (await preferences.get(aadObjectId)) ?? 'nb';
}

/** Reads a language a person named: `engelsk`, `english`, `en` … or `norsk`, `bokmål`, `nb` …. */
export function parseLanguage(said: string | undefined): Language | undefined {
  const word = (said ?? '').trim().toLowerCase();
  if (['en', 'eng', 'engelsk', 'english'].includes(word)) return 'en';
  if (['nb', 'no', 'nob', 'norsk', 'bokmål', 'bokmal', 'norwegian'].includes(word)) return 'nb';
  return undefined;
}
