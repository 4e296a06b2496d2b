import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_WINDOWS,
  SENDER_TENANT_WINDOWS,
  SlidingWindowLimiter,
  type Window,
} from './rate-limits.js';
import { BudgetShare, liveSenders, shareWindows, type ShareRules } from './sender-share.js';

const rules: ShareRules = { heartbeatMs: 10_000, deadAfterMs: 30_000, settleMs: 1_000 };
const beat = (id: string, lastSeen: number) => ({ id, lastSeen: new Date(lastSeen) });

/** A share that has joined at `t` seeing only itself, and has settled. */
function alone(id: string, t = 0): BudgetShare {
  const share = new BudgetShare(id, rules);
  share.written(t, t);
  share.observed([beat(id, t)], t);
  return share;
}

/** Sends of several senders, each as fast as its own limiter allows, merged in time order. */
function driveTogether(limiters: SlidingWindowLimiter[], untilMs: number): number[] {
  const times: number[] = [];
  for (const limiter of limiters) {
    for (let now = 0; ;) {
      now += limiter.waitMs(now);
      if (now >= untilMs) break;
      limiter.record(now);
      times.push(now);
    }
  }
  return times.sort((a, b) => a - b);
}

function maxInAnyWindow(times: number[], perMs: number): number {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= perMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe('shareWindows', () => {
  it('leaves the windows whole for a single sender', () => {
    expect(shareWindows(SENDER_TENANT_WINDOWS, 1)).toEqual(SENDER_TENANT_WINDOWS);
  });

  it('divides each limit by the number of senders, rounding down', () => {
    expect(shareWindows(SENDER_TENANT_WINDOWS, 2)).toEqual([
      { limit: 23, perMs: 1_000 },
      { limit: 6, perMs: 250 },
    ]);
    expect(shareWindows(SENDER_TENANT_WINDOWS, 3)).toEqual([
      { limit: 15, perMs: 1_000 },
      { limit: 4, perMs: 250 },
    ]);
    expect(shareWindows(CONVERSATION_WINDOWS, 2)).toEqual([
      { limit: 3, perMs: 1_000 },
      { limit: 4, perMs: 2_000 },
      { limit: 30, perMs: 30_000 },
      { limit: 900, perMs: 3_600_000 },
    ]);
  });

  it('turns a limit smaller than the number of senders into one send per longer window', () => {
    expect(shareWindows([{ limit: 7, perMs: 1_000 }], 10)).toEqual([{ limit: 1, perMs: 1_429 }]);
  });

  it('keeps two, three and five senders sending flat out within every window together', () => {
    for (const senders of [2, 3, 5]) {
      for (const windows of [SENDER_TENANT_WINDOWS, CONVERSATION_WINDOWS] as Window[][]) {
        const limiters = Array.from(
          { length: senders },
          () => new SlidingWindowLimiter(shareWindows(windows, senders)),
        );
        const times = driveTogether(limiters, 120_000);
        for (const window of windows) {
          expect(maxInAnyWindow(times, window.perMs)).toBeLessThanOrEqual(window.limit);
        }
      }
    }
  });
});

describe('liveSenders', () => {
  it('counts rows written within the dead-after time, and rows from a clock ahead of ours', () => {
    const beats = [beat('a', 100_000), beat('b', 70_001), beat('c', 70_000), beat('d', 105_000)];
    expect(liveSenders(beats, new Date(100_000), 30_000).map((b) => b.id)).toEqual(['a', 'b', 'd']);
  });
});

describe('BudgetShare', () => {
  it('sends nothing before its first heartbeat is written and read back', () => {
    const share = new BudgetShare('a', rules);
    expect(share.current(0)).toBe(0);
    share.written(0, 10);
    expect(share.current(5_000)).toBe(0);
  });

  it('takes the whole budget alone, once the tenant window has passed since it joined', () => {
    const share = alone('a');
    expect(share.current(999)).toBe(0);
    expect(share.current(1_000)).toBe(1);
  });

  it('halves at once when a second sender appears', () => {
    const share = alone('a');
    share.observed([beat('a', 0), beat('b', 5_000)], 10_000);
    expect(share.current(10_000)).toBe(2);
  });

  it('joining a live peer, waits until the peer has heartbeated since, and one tenant window more', () => {
    const share = new BudgetShare('b', rules);
    share.written(5_000, 5_000);
    share.observed([beat('a', 2_000), beat('b', 5_000)], 5_000);
    expect(share.current(9_000)).toBe(0);
    share.written(8_000, 8_010);
    share.observed([beat('a', 2_000), beat('b', 8_000)], 8_000);
    expect(share.current(11_000)).toBe(0);
    // a wrote again at 12 s: it had read b's row before that write, so it sends at half now.
    share.observed([beat('a', 12_000), beat('b', 8_000)], 12_500);
    expect(share.current(13_499)).toBe(0);
    expect(share.current(13_500)).toBe(2);
  });

  it('joining a peer whose row is stale, does not wait for it', () => {
    const share = new BudgetShare('b', rules);
    share.written(60_000, 60_000);
    share.observed([beat('a', 20_000), beat('b', 60_000)], 60_000);
    expect(share.current(61_000)).toBe(1);
  });

  it('gets the whole budget back one tenant window after a peer is seen gone or dead', () => {
    const share = alone('a');
    share.observed([beat('a', 10_000), beat('b', 9_000)], 10_000);
    expect(share.current(10_000)).toBe(2);
    // b stops heartbeating: still counted until its row is 30 s old.
    share.written(20_000, 20_000);
    share.observed([beat('a', 20_000), beat('b', 9_000)], 20_000);
    expect(share.current(20_000)).toBe(2);
    share.written(40_000, 40_000);
    share.observed([beat('a', 40_000), beat('b', 9_000)], 40_000);
    expect(share.current(40_999)).toBe(2);
    expect(share.current(41_000)).toBe(1);
  });

  it('lowers its share at once even while a raise is pending', () => {
    const share = alone('a');
    share.observed([beat('a', 0), beat('b', 0), beat('c', 0)], 5_000);
    share.observed([beat('a', 0), beat('b', 0)], 10_000); // c left: raise from 11 s
    share.observed([beat('a', 0), beat('b', 0), beat('d', 10_200)], 10_500);
    expect(share.current(11_000)).toBe(3);
  });

  it('after a failed heartbeat keeps the share it had and drops a pending raise', () => {
    const share = alone('a');
    share.observed([beat('a', 0), beat('b', 0)], 5_000);
    share.observed([beat('a', 10_000)], 10_000); // b gone: raise from 11 s …
    share.failed(); // … but our own write failed
    expect(share.current(15_000)).toBe(2);
  });

  it('stops sending when its own row is about to look dead to its peers, and when written again joins anew', () => {
    const share = alone('a');
    share.observed([beat('a', 0), beat('b', 0)], 1_000);
    share.failed(); // the heartbeat at 10 s fails
    expect(share.current(20_000)).toBe(2);
    expect(share.current(20_001)).toBe(0);
    share.observed([beat('a', 0), beat('b', 20_000)], 21_000);
    share.written(21_000, 21_010);
    expect(share.current(23_000)).toBe(0);
    share.observed([beat('a', 21_000), beat('b', 30_000)], 31_000);
    expect(share.current(31_999)).toBe(0);
    expect(share.current(32_000)).toBe(2);
  });
});
