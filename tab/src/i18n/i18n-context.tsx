import { createContext, useContext } from 'react';
import { translator, type Language, type Translate } from './i18n';

export const I18nContext = createContext<{
  language: Language;
  t: Translate;
  /** Saves the person's language on the server, then switches to it (the header's switch). */
  choose?: (language: Language) => Promise<void>;
  /** Switches to the language the server holds for the person, without saving anything. */
  adopt?: (language: Language) => void;
}>({
  language: 'nb',
  t: translator('nb'),
});

/** The current language and its translator. */
export function useI18n() {
  return useContext(I18nContext);
}
