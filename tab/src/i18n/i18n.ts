import en from './en.json';
import nb from './nb.json';

export type MessageKey = keyof typeof nb;
export type Language = 'nb' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { nb, en };

/** Norwegian unless the locale clearly asks for English (Teams gives e.g. `en-us`). */
export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nb';
}

/** A translator for one language; `{name}` placeholders are filled from `params`. */
export function translator(language: Language): Translate {
  const messages = catalogues[language];
  return (key, params) =>
    (messages[key] ?? nb[key]).replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}
