import { describe, expect, it } from 'vitest';
import { localDate, localDateTime } from './local-date.js';

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

describe('localDateTime', () => {
  it('gives the wall-clock date and time, and the same zone’s date stays a date', () => {
    const lateEvening = new Date('2026-12-31T23:30:00Z');
    expect(localDateTime(lateEvening, 'Europe/Oslo')).toBe('2027-01-01 00:30');
    expect(localDate(lateEvening, 'Europe/Oslo')).toBe('2027-01-01');
    expect(localDateTime(lateEvening, 'America/New_York')).toBe('2026-12-31 18:30');
    // Summer time, and midnight as 00 rather than 24.
    expect(localDateTime(new Date('2026-06-30T22:00:00Z'), 'Europe/Oslo')).toBe('2026-07-01 00:00');
  });
});
