import { PLAN_TIME_ZONE } from '../../../dates/today';
import type { Language, Translate } from '../../../i18n/i18n';

const LOCALE: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

/**
 * A moment in words with its weekday and time in Oslo: «mandag 23. november 2026 kl. 09:00»,
 * «Monday, 23 November 2026 at 09:00».
 */
export function instantInWords(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: PLAN_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** «1 enhet», «3 enheter». */
export function unitCount(n: number, t: Translate): string {
  return t(n === 1 ? 'campaignAdmin.unitCount.one' : 'campaignAdmin.unitCount.other', { n });
}
