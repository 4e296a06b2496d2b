import { createContext, useContext } from 'react';
import { translator, type Language, type Translate } from './i18n';

export const I18nContext = createContext<{
  language: Language;
  t: Translate;
  /** Switches the language and keeps the choice (the header's language switch). */
  choose?: (language: Language) => void;
}>({
  language: 'nb',
  t: translator('nb'),
});

/** The current language and its translator. */
export function useI18n() {
  return useContext(I18nContext);
}
