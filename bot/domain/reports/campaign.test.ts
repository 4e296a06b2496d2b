import { describe, expect, it } from 'vitest';
import { addDays, periodDates, periodOpeningOn } from './campaign.js';

describe('report campaign periods', () => {
  it('opens H2 on 1 December and H1 on 1 June, due the 15th', () => {
    expect(periodDates('2026-H2')).toEqual({ opens: '2026-12-01', deadline: '2026-12-15' });
    expect(periodDates('2027-H1')).toEqual({ opens: '2027-06-01', deadline: '2027-06-15' });
  });

  it('takes configured defaults', () => {
    expect(
      periodDates('2026-H2', { h1Opens: '05-20', h2Opens: '11-25', deadlineDay: 30, reminderDays: [7, 1] }),
    ).toEqual({
      opens: '2026-11-25',
      deadline: '2026-11-30',
    });
  });

  it('names the period that opens on a day, and none on other days', () => {
    expect(periodOpeningOn('2026-12-01')).toBe('2026-H2');
    expect(periodOpeningOn('2027-06-01')).toBe('2027-H1');
    expect(periodOpeningOn('2026-12-02')).toBeUndefined();
  });

  it('counts days across month ends', () => {
    expect(addDays('2026-12-15', -7)).toBe('2026-12-08');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
