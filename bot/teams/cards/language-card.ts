import type { Language, Messages } from '../../i18n/index.js';
import { adaptiveCard, execute, heading, textBlock, when, type AdaptiveCard } from './elements.js';

export interface LanguageCardData {
  title: string;
  /** Shown above when the person named a language Planpuls does not have; empty otherwise. */
  notice: string;
  intro: string;
  current: string;
  /** One button per language; the one in use is marked. */
  choices: { title: string; language: Language; style: 'positive' | 'default' }[];
}

/** The `språk` card, in the language the person uses now. */
export function languageCardData(text: Messages, current: Language, notice = ''): LanguageCardData {
  const choice = (language: Language, title: string) => ({
    title,
    language,
    style: language === current ? ('positive' as const) : ('default' as const),
  });
  return {
    title: text.language.title,
    notice,
    intro: text.language.intro,
    current: text.language.current,
    choices: [choice('nb', text.language.norwegian), choice('en', text.language.english)],
  };
}

export function renderLanguageCard(data: LanguageCardData): AdaptiveCard {
  return adaptiveCard(
    [
      heading(data.title),
      ...when(data.notice, textBlock(data.notice, { wrap: true, color: 'Attention' })),
      textBlock(data.intro, { wrap: true }),
      textBlock(data.current, { wrap: true, weight: 'Bolder' }),
    ],
    data.choices.map((c) => execute(c.title, 'sprak', { language: c.language }, { style: c.style })),
  );
}
