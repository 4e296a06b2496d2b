import { describe, expect, it } from 'vitest';
import { isoWeek } from './iso-week';
import { monthWeeks } from './month-weeks';

describe('isoWeek', () => {
  it('counts weeks from the week holding the first Thursday', () => {
    expect(isoWeek('2026-11-23')).toBe(48);
    expect(isoWeek('2021-01-03')).toBe(53);
    expect(isoWeek('2026-12-31')).toBe(53);
    expect(isoWeek('2027-01-04')).toBe(1);
  });
});

describe('monthWeeks', () => {
  it('covers a month with whole Monday-first weeks', () => {
    const weeks = monthWeeks('2026-11');
    expect(weeks.map((w) => w.isoWeek)).toEqual([44, 45, 46, 47, 48, 49]);
    expect(weeks[0]!.days[0]).toBe('2026-10-26');
    expect(weeks[5]!.days[6]).toBe('2026-12-06');
  });
});
