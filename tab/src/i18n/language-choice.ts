import { languageOf, type Language } from './i18n';

/** The language a person picked in the header, kept for this browser. */
const KEY = 'planpuls.language';

function storedLanguage(): Language | undefined {
  const value = window.localStorage.getItem(KEY);
  return value === 'nb' || value === 'en' ? value : undefined;
}

export function storeLanguage(language: Language): void {
  window.localStorage.setItem(KEY, language);
}

/**
 * Norwegian bokmål first: a language picked in the header wins; inside Teams the Teams locale
 * decides; outside Teams it is Norwegian whatever the browser's language.
 */
export function pickLanguage(
  stored: Language | undefined,
  inTeams: boolean,
  teamsLocale: string | undefined,
): Language {
  return stored ?? (inTeams ? languageOf(teamsLocale) : 'nb');
}

/** The language to start with in this browser. */
export function initialLanguage(inTeams: boolean, teamsLocale: string | undefined): Language {
  return pickLanguage(storedLanguage(), inTeams, teamsLocale);
}
