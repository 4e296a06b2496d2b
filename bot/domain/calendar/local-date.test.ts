import { describe, expect, it } from 'vitest';
import { localDate } from './local-date.js';

describe('localDate', () => {
  it('gives each time zone its own date, whichever zone was asked first', () => {
    const lateEvening = new Date('2026-12-31T23:30:00Z');
    expect(localDate(lateEvening, 'Europe/Oslo')).toBe('2027-01-01');
    expect(localDate(lateEvening, 'America/New_York')).toBe('2026-12-31');
    expect(localDate(lateEvening, 'Europe/Oslo')).toBe('2027-01-01');
    expect(localDate(new Date('2026-06-30T22:30:00Z'), 'Europe/Oslo')).toBe('2026-07-01');
  });

  it('refuses an unknown time zone every time it is asked', () => {
    expect(() => localDate(new Date(), 'Europe/Nowhere')).toThrow(RangeError);
    expect(() => localDate(new Date(), 'Europe/Nowhere')).toThrow(RangeError);
  });
});
