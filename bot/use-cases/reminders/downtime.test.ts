import { describe, expect, it } from 'vitest';
import { downSince, lateBecauseDown } from './downtime.js';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('downtime', () => {
  it('is unknown on a first start, so nothing is late because of it', () => {
    const now = { planAt: at('2027-01-10T09:00:00Z'), realAt: at('2027-01-10T09:00:00Z') };
    expect(downSince(undefined, now)).toBeUndefined();
    expect(lateBecauseDown(at('2027-01-07T07:00:00Z'), now.planAt, undefined)).toBe(false);
  });

  it('covers the real time since the last tick, so a dev clock moved by weeks is no downtime', () => {
    const previous = { planAt: at('2026-12-03T09:00:00Z'), realAt: at('2026-12-03T09:00:00Z') };
    const now = { planAt: at('2027-01-13T11:00:00Z'), realAt: at('2026-12-03T09:01:00Z') };
    const down = downSince(previous, now);
    expect(down).toEqual(at('2027-01-13T10:59:00Z'));
    expect(lateBecauseDown(at('2027-01-07T07:00:00Z'), now.planAt, down)).toBe(false);
  });

  it('makes a job that fell due while nothing ticked late once it is more than three hours overdue', () => {
    const previous = { planAt: at('2027-01-06T09:00:00Z'), realAt: at('2027-01-06T09:00:00Z') };
    const now = { planAt: at('2027-01-09T09:00:00Z'), realAt: at('2027-01-09T09:00:00Z') };
    const down = downSince(previous, now);
    expect(lateBecauseDown(at('2027-01-07T07:00:00Z'), now.planAt, down)).toBe(true);
    expect(lateBecauseDown(new Date(now.planAt.getTime() - HOUR), now.planAt, down)).toBe(false);
    // Due before the process went down: it was not missed because of the downtime.
    expect(lateBecauseDown(at('2027-01-05T07:00:00Z'), now.planAt, down)).toBe(false);
  });
});
