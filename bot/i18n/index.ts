import { en } from './en.js';
import type { Language, Messages } from './messages.js';
import { nb } from './nb.js';

export type { Language, Messages };

export function messages(language: Language): Messages {
  return language === 'en' ? en : nb;
}

/** Norwegian unless the client clearly asks for English. */
export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nb';
}
