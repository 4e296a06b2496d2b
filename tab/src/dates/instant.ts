import type { Language } from '../i18n/i18n';
import { PLAN_TIME_ZONE } from './today';

const LOCALE: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

/** A moment (ISO 8601 instant) as a date and time in Oslo, e.g. «20. nov. 2026, 10:00». */
export function formatInstant(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: PLAN_TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
