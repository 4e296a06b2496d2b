import { norwegianDate } from '../domain/agenda/deadlines.js';
import type { Language } from './messages.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A local date (`2026-12-15`) in words with the weekday, as people write it: «tirsdag
 * 15. desember 2026» in Norwegian, «Tuesday 15 December 2026» in English.
 */
export function dateInWords(date: string, language: Language): string {
  if (language === 'nb') return norwegianDate(date);
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay()];
  return `${weekday} ${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant in words with the weekday and the time, in the plan's time zone: «tirsdag
 * 1. desember 2020 kl. 09:00», «Tuesday 1 December 2020 at 09:00».
 */
export function dateTimeInWords(iso: string | undefined, timeZone: string, language: Language): string {
  if (!iso) return '';
  const key = `${language} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(key, format);
  }
  const said = format.format(new Date(iso));
  // en-GB writes «Tuesday, 1 December»; dates here have no comma after the weekday.
  return language === 'en' ? said.replace(/^(\p{L}+), /u, '$1 ') : said;
}
