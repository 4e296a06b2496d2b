import type { Language } from './i18n';

/**
 * The person's language as this browser last knew it from the server, so the tab does not start
 * in the other language while `/api/me` loads. The server's answer always wins.
 */
const KEY = 'planpuls.language';

function storedLanguage(): Language | undefined {
  const value = window.localStorage.getItem(KEY);
  return value === 'nb' || value === 'en' ? value : undefined;
}

export function storeLanguage(language: Language): void {
  window.localStorage.setItem(KEY, language);
}

/**
 * One language per person, chosen in Planpuls and kept on the server: until the server answers,
 * the language this browser last knew, else Norwegian bokmål, whatever the browser or Teams says.
 */
export function pickLanguage(stored: Language | undefined): Language {
  return stored ?? 'nb';
}

/** The language to start with in this browser, until `/api/me` tells the person's own. */
export function initialLanguage(): Language {
  return pickLanguage(storedLanguage());
}
