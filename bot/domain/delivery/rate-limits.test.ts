import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_WINDOWS,
  SENDER_TENANT_WINDOWS,
  SlidingWindowLimiter,
  TENANT_WINDOWS,
} from './rate-limits.js';

/** Sends as fast as the limiter allows from t=0 and returns the send times. */
function drive(limiter: SlidingWindowLimiter, count: number): number[] {
  const times: number[] = [];
  let now = 0;
  for (let i = 0; i < count; i++) {
    now += limiter.waitMs(now);
    limiter.record(now);
    times.push(now);
  }
  return times;
}

function maxInAnyWindow(times: number[], perMs: number): number {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= perMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe('SlidingWindowLimiter', () => {
  it('keeps one conversation within 7/s, 8/2s, 60/30s and 1800/h', () => {
    const times = drive(new SlidingWindowLimiter(CONVERSATION_WINDOWS), 200);
    for (const window of CONVERSATION_WINDOWS) {
      expect(maxInAnyWindow(times, window.perMs)).toBeLessThanOrEqual(window.limit);
    }
  });

  it('lets 7 go at once, then makes the 8th and 9th wait', () => {
    const limiter = new SlidingWindowLimiter(CONVERSATION_WINDOWS);
    const times = drive(limiter, 9);
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(times[7]).toBe(1000);
    expect(times[8]).toBe(2000);
  });

  it('keeps the tenant at 50 per second and no slower', () => {
    const times = drive(new SlidingWindowLimiter(TENANT_WINDOWS), 500);
    expect(maxInAnyWindow(times, 1000)).toBe(50);
    expect(times.at(-1)).toBe(9000);
  });

  it('holds everything back until a Retry-After has passed', () => {
    const limiter = new SlidingWindowLimiter(CONVERSATION_WINDOWS);
    limiter.pauseUntil(5000);
    expect(limiter.waitMs(0)).toBe(5000);
    expect(limiter.waitMs(5000)).toBe(0);
  });

  it('becomes idle once its longest window has passed', () => {
    const limiter = new SlidingWindowLimiter(TENANT_WINDOWS);
    limiter.record(0);
    expect(limiter.idle(500)).toBe(false);
    expect(limiter.idle(1000)).toBe(true);
  });
});

describe('SENDER_TENANT_WINDOWS', () => {
  it('keeps a sender flat out within 47 per second, in quarters of at most 12', () => {
    const times = drive(new SlidingWindowLimiter(SENDER_TENANT_WINDOWS), 500);
    expect(maxInAnyWindow(times, 1_000)).toBe(47);
    expect(maxInAnyWindow(times, 250)).toBe(12);
    expect(maxInAnyWindow(times, 1_000)).toBeLessThanOrEqual(TENANT_WINDOWS[0]!.limit);
  });
});

describe('SlidingWindowLimiter.setWindows', () => {
  it('counts the sends already made against lower limits', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 47, perMs: 1_000 }]);
    for (let i = 0; i < 30; i++) limiter.record(i * 10);
    expect(limiter.waitMs(300)).toBe(0);
    limiter.setWindows([{ limit: 23, perMs: 1_000 }]);
    // The 8th-newest of the 30 sends (at 70 ms) must leave the window before one more fits.
    expect(limiter.waitMs(300)).toBe(770);
  });
});
