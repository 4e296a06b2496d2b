import { describe, expect, it } from 'vitest';
import type { EventView } from '../../api/types';
import { isoWeek } from '../../dates/iso-week';
import { groupByYearAndWeek, needsYearHeadings } from './list-groups';

const event = (id: string, date: string): EventView =>
  ({ id, date, isoWeek: isoWeek(date), alsoFor: [], slots: [] }) as unknown as EventView;

describe('groupByYearAndWeek', () => {
  it('puts December and January under their own years, by ISO week', () => {
    const years = groupByYearAndWeek([
      event('a', '2026-12-02'),
      event('b', '2026-12-03'),
      event('c', '2026-12-31'),
      event('d', '2027-01-03'),
      event('e', '2027-01-12'),
    ]);
    expect(
      years.map((y) => [y.year, y.weeks.map((w) => [w.week, w.events.map((e) => e.id).join('')])]),
    ).toEqual([
      [
        '2026',
        [
          [49, 'ab'],
          [53, 'c'],
        ],
      ],
      [
        '2027',
        [
          [53, 'd'],
          [2, 'e'],
        ],
      ],
    ]);
  });

  it('gives one year for a list inside one year', () => {
    expect(groupByYearAndWeek([event('a', '2027-02-01'), event('b', '2027-03-01')])).toHaveLength(1);
  });
});

describe('needsYearHeadings', () => {
  it('names the years of a list that runs from this autumn into next spring', () => {
    expect(needsYearHeadings([event('a', '2026-09-01'), event('b', '2027-02-01')], '2026-11-23')).toBe(true);
  });

  it('names the years when only the earlier events are in another year', () => {
    // KULG's list from today may hold only 2027, while its autumn meetings were in 2026.
    expect(needsYearHeadings([event('a', '2026-10-06'), event('b', '2027-01-12')], '2027-01-05')).toBe(true);
  });

  it('names the year of a list wholly in a year other than today', () => {
    expect(needsYearHeadings([event('a', '2027-02-01'), event('b', '2027-03-01')], '2026-11-23')).toBe(true);
  });

  it('leaves out the year of a list wholly in this year', () => {
    expect(needsYearHeadings([event('a', '2026-11-24'), event('b', '2026-12-01')], '2026-11-23')).toBe(false);
  });
});
