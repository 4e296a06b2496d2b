import type { Language } from '../i18n/i18n';
import { toUtc } from './plain-date';

const LOCALE: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

/** Formatters for plain plan dates in the reader's language (nb-NO first). */
export function dateFormats(language: Language) {
  const make = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(LOCALE[language], { ...options, timeZone: 'UTC' });
  const long = make({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const short = make({ weekday: 'short', day: 'numeric', month: 'short' });
  const monthYear = make({ month: 'long', year: 'numeric' });
  const weekdayShort = make({ weekday: 'short' });
  const day = make({ day: 'numeric' });
  return {
    long: (date: string) => long.format(toUtc(date)),
    short: (date: string) => short.format(toUtc(date)),
    monthYear: (month: string) => monthYear.format(toUtc(`${month}-01`)),
    weekdayShort: (date: string) => weekdayShort.format(toUtc(date)),
    day: (date: string) => day.format(toUtc(date)),
    range: (from: string, to: string | undefined) =>
      to && to !== from
        ? `${long.format(toUtc(from))} – ${long.format(toUtc(to))}`
        : long.format(toUtc(from)),
  };
}

export type DateFormats = ReturnType<typeof dateFormats>;
