import { describe, expect, it } from 'vitest';
import type { EventView } from '../../api/types';
import { isoWeek } from '../../dates/iso-week';
import { groupByYearAndWeek } from './list-groups';

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
