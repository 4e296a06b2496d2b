import { describe, expect, it } from 'vitest';
import { buildIcs } from './ics.js';

const stamp = new Date('2026-11-23T08:00:00Z');

describe('buildIcs', () => {
  const ics = buildIcs(
    [
      {
        uid: 'kulg-01@p',
        title: 'Ledermøte KULG',
        date: '2026-05-14',
        slots: [{ start: '13:00', end: '15:00' }],
        location: 'Teams; rom 2, rådhuset',
      },
      {
        uid: 'lp-01@p',
        title: 'Nasjonale fagdager',
        date: '2026-09-16',
        endDate: '2026-09-17',
        slots: [],
        description: 'Linje 1\nLinje 2',
      },
    ],
    { name: 'Planpuls', stamp },
  );

  it('uses CRLF line ends and wraps events in one VCALENDAR with the Oslo zone', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(ics).toContain('TZID:Europe/Oslo');
  });

  it('writes timed events in local Oslo time and escapes text', () => {
    expect(ics).toContain(
      'DTSTART;TZID=Europe/Oslo:20260514T130000\r\nDTEND;TZID=Europe/Oslo:20260514T150000',
    );
    expect(ics).toContain('LOCATION:Teams\\; rom 2\\, rådhuset');
    expect(ics).toContain('DTSTAMP:20261123T080000Z');
  });

  it('writes events without a time as all-day, with an exclusive end date', () => {
    expect(ics).toContain('DTSTART;VALUE=DATE:20260916\r\nDTEND;VALUE=DATE:20260918');
    expect(ics).toContain('DESCRIPTION:Linje 1\\nLinje 2');
  });

  it('escapes a bare CR and CRLF as a line break, like LF, and drops other control characters', () => {
    const text = buildIcs(
      [{ uid: 'x', title: 'A\rB', date: '2026-01-01', slots: [], description: 'C\r\nD\u0007E\tF' }],
      { name: 'x', stamp },
    );
    expect(text).toContain('SUMMARY:A\\nB\r\n');
    expect(text).toContain('DESCRIPTION:C\\nDE\tF\r\n');
    // Every CR in the file is part of a CRLF line end.
    expect(text.replace(/\r\n/g, '')).not.toContain('\r');
  });

  it('folds lines longer than 75 octets', () => {
    const long = buildIcs([{ uid: 'x', title: 'æ'.repeat(80), date: '2026-01-01', slots: [] }], {
      name: 'x',
      stamp,
    });
    for (const line of long.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(long).toContain('\r\n æ');
  });
});
