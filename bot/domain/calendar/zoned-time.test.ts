import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedTimeToInstant } from './zoned-time.js';

const OSLO = 'Europe/Oslo';

describe('zonedTimeToInstant in Europe/Oslo', () => {
  it.each([
    ['2026-03-28', '08:00', '2026-03-28T07:00:00.000Z'],
    ['2026-03-29', '08:00', '2026-03-29T06:00:00.000Z'],
    ['2026-03-30', '08:00', '2026-03-30T06:00:00.000Z'],
    ['2026-10-24', '08:00', '2026-10-24T06:00:00.000Z'],
    ['2026-10-25', '08:00', '2026-10-25T07:00:00.000Z'],
    ['2026-11-23', '13:00', '2026-11-23T12:00:00.000Z'],
  ])('puts %s %s at %s', (date, time, iso) => {
    expect(zonedTimeToInstant(date, time, OSLO).toISOString()).toBe(iso);
  });

  it('round-trips every hour of the March change day that exists', () => {
    for (const time of ['00:00', '01:00', '03:00', '04:00', '23:00']) {
      expect(instantToZoned(zonedTimeToInstant('2026-03-29', time, OSLO), OSLO)).toEqual({
        date: '2026-03-29',
        time,
      });
    }
  });
});
