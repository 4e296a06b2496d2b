import { describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_SCHEDULE, digestWeekOf, digestWindow, nextDigestWeek } from './digest-week.js';

const OSLO = 'Europe/Oslo';
const next = (iso: string) => nextDigestWeek(new Date(iso), DEFAULT_DIGEST_SCHEDULE, OSLO);

describe('the weekly digest’s week and time', () => {
  it('goes out Monday 07:30 Oslo time: 06:30Z in winter, 05:30Z in summer', () => {
    expect(next('2026-12-03T14:00:00Z')).toMatchObject({
      key: '2026-W50',
      monday: '2026-12-07',
      dueAt: new Date('2026-12-07T06:30:00Z'),
    });
    expect(next('2026-06-02T10:00:00Z').dueAt).toEqual(new Date('2026-06-08T05:30:00Z'));
  });

  it('keeps 07:30 local time in the weeks summer time starts and ends', () => {
    // Summer time starts Sunday 28 March 2027 and ends Sunday 25 October 2026.
    expect(next('2027-03-27T12:00:00Z')).toMatchObject({
      key: '2027-W13',
      dueAt: new Date('2027-03-29T05:30:00Z'),
    });
    expect(next('2026-10-24T12:00:00Z')).toMatchObject({
      key: '2026-W44',
      dueAt: new Date('2026-10-26T06:30:00Z'),
    });
    // The Monday before each change is on the other offset.
    expect(next('2027-03-21T12:00:00Z').dueAt).toEqual(new Date('2027-03-22T06:30:00Z'));
    expect(next('2026-10-18T12:00:00Z').dueAt).toEqual(new Date('2026-10-19T05:30:00Z'));
  });

  it('is this Monday’s until 07:30 and next Monday’s from then', () => {
    expect(next('2026-12-07T06:29:59Z').key).toBe('2026-W50');
    expect(next('2026-12-07T06:30:00Z').key).toBe('2026-W51');
  });

  it('numbers weeks the ISO way across New Year', () => {
    expect(digestWeekOf('2026-12-28', DEFAULT_DIGEST_SCHEDULE, OSLO).key).toBe('2026-W53');
    expect(next('2026-12-31T12:00:00Z')).toMatchObject({ key: '2027-W01', monday: '2027-01-04' });
  });

  it('goes out on another configured day and time, in the week of its Monday', () => {
    const week = nextDigestWeek(new Date('2026-12-03T14:00:00Z'), { weekday: 5, time: '14:15' }, OSLO);
    expect(week).toMatchObject({
      key: '2026-W49',
      sendDay: '2026-12-04',
      dueAt: new Date('2026-12-04T13:15:00Z'),
    });
  });

  it('shows this week and next, Monday to the Sunday after', () => {
    expect(digestWindow({ monday: '2026-12-07' })).toEqual({
      from: '2026-12-07',
      to: '2026-12-20',
      nextMonday: '2026-12-14',
    });
  });
});
