import { addDays } from './iso-week.js';

/** An event as iCalendar needs it. */
export interface IcsEvent {
  readonly uid: string;
  readonly title: string;
  readonly description?: string;
  readonly location?: string;
  readonly date: string;
  readonly endDate?: string;
  readonly slots: readonly { start: string; end?: string }[];
  readonly url?: string;
  /** Shown as free time and filed under this category: a milestone, not a meeting. */
  readonly category?: string;
}

/** Europe/Oslo's rules since 1996, for clients that do not know the zone by name. */
const OSLO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * RFC 5545 text escaping. Every line break (CRLF, LF or a bare CR) becomes `\n`: a raw CR would
 * end the content line early in readers that split on CR. Other control characters are not allowed
 * in TEXT (only HTAB is), so they are dropped.
 */
function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Control characters are not allowed in an iCalendar text value: dropped on purpose.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = new TextEncoder().encode(char).length;
    if (size + length > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += length;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compact = (date: string) => date.replace(/-/g, '');
const local = (date: string, time: string) => `${compact(date)}T${time.replace(':', '')}00`;

/** A VCALENDAR with the events, times in Europe/Oslo (all-day when there is no time slot). */
export function buildIcs(events: readonly IcsEvent[], options: { name: string; stamp: Date }): string {
  const stamp = options.stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Planpuls//Planpuls//NB',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    'X-WR-TIMEZONE:Europe/Oslo',
    ...OSLO_VTIMEZONE,
  ];
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`);
    const first = event.slots[0];
    if (first) {
      const last = event.slots[event.slots.length - 1]!;
      const endTime =
        last.end ??
        `${String(Math.min(23, Number(last.start.slice(0, 2)) + 1)).padStart(2, '0')}${last.start.slice(2)}`;
      lines.push(`DTSTART;TZID=Europe/Oslo:${local(event.date, first.start)}`);
      lines.push(`DTEND;TZID=Europe/Oslo:${local(event.endDate ?? event.date, endTime)}`);
    } else {
      lines.push(
        `DTSTART;VALUE=DATE:${compact(event.date)}`,
        `DTEND;VALUE=DATE:${compact(addDays(event.endDate ?? event.date, 1))}`,
      );
    }
    lines.push(`SUMMARY:${escapeText(event.title)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.category) lines.push(`CATEGORIES:${escapeText(event.category)}`, 'TRANSP:TRANSPARENT');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
