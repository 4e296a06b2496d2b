import { describe, expect, it } from 'vitest';
import { addDays, dateOfIsoWeek, isoWeekOf, isoWeeksInYear, isWeekend } from './iso-week.js';

describe('isoWeekOf', () => {
  it.each([
    ['2020-05-14', 2020, 20, 4],
    ['2020-11-05', 2020, 45, 4],
    ['2021-01-03', 2020, 53, 7],
    ['2021-01-04', 2021, 1, 1],
    ['2026-11-23', 2026, 48, 1],
    ['2024-12-30', 2025, 1, 1],
  ])('puts %s in week year %i, week %i, weekday %i', (date, year, week, weekday) => {
    expect(isoWeekOf(date)).toEqual({ year, week, weekday });
  });
});

describe('isoWeeksInYear', () => {
  it('knows 2020 and 2026 have 53 weeks and 2021 has 52', () => {
    expect([2020, 2021, 2026, 2027].map(isoWeeksInYear)).toEqual([53, 52, 53, 52]);
  });
});

describe('dateOfIsoWeek', () => {
  it('inverts isoWeekOf for every day of two years', () => {
    for (let date = '2025-01-01'; date < '2027-01-01'; date = addDays(date, 1)) {
      const { year, week, weekday } = isoWeekOf(date);
      expect(dateOfIsoWeek(year, week, weekday)).toBe(date);
    }
  });

  it('puts week 53 on week 52 in a year without week 53', () => {
    expect(dateOfIsoWeek(2027, 53, 4)).toBe(dateOfIsoWeek(2027, 52, 4));
  });
});

describe('isWeekend', () => {
  it('tells Saturday and Sunday from Friday', () => {
    expect(['2020-08-14', '2020-08-15', '2021-01-03'].map(isWeekend)).toEqual([false, true, true]);
  });
});
