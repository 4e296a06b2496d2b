// Building a DateTimeFormat costs some fifty times more than using one; there are few zones, so
// each kind of format is built once per zone and kept.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatIn(kind: 'date' | 'date-time', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    // en-CA writes the date as YYYY-MM-DD; h23 the hour as 00–23.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(kind === 'date-time' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    cache.set(key, format);
  }
  return format;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return formatIn('date', timeZone).format(instant);
}

/**
 * The wall-clock date and time (`YYYY-MM-DD HH:mm`) of an instant in a time zone: what a person
 * in the municipality read on her clock, and what a spreadsheet takes as a date and time.
 */
export function localDateTime(instant: Date, timeZone: string): string {
  const parts = formatIn('date-time', timeZone).formatToParts(instant);
  const part = Object.fromEntries(parts.map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}
