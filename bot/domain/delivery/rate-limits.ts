/**
 * Teams' published limits for a bot sending to one conversation, and for one app in one tenant.
 * A send must fit in every window at once.
 */
export interface Window {
  readonly limit: number;
  readonly perMs: number;
}

export const CONVERSATION_WINDOWS: readonly Window[] = [
  { limit: 7, perMs: 1_000 },
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
  { limit: 1_800, perMs: 3_600_000 },
];

export const TENANT_WINDOWS: readonly Window[] = [{ limit: 50, perMs: 1_000 }];

/**
 * What our sender allows itself per tenant: a little under the limit, because requests arrive at
 * Teams with varying latency, and a window counted at our end can hold one or two more at theirs.
 * The quarter-second window paces the second's budget: a whole second's sends at once, delayed a
 * little on the way, would otherwise arrive together with the next second's (the benchmark saw
 * 36–48 over-limit 429s per 2,300 sends without it, 0–4 with it).
 */
export const SENDER_TENANT_WINDOWS: readonly Window[] = [
  { limit: 47, perMs: 1_000 },
  { limit: 12, perMs: 250 },
];

/**
 * Sliding-window limiter: remembers when each recent send happened and tells how long to wait
 * before the next one fits every window. Pure apart from the times it is given.
 */
export class SlidingWindowLimiter {
  private readonly sent: number[] = [];
  private longest: number;

  constructor(private windows: readonly Window[]) {
    this.longest = Math.max(...windows.map((w) => w.perMs));
  }

  /**
   * Changes the limits (a sender's share of the tenant's budget changed). Sends already made
   * count against the new limits, but only those within the old longest window are remembered.
   */
  setWindows(windows: readonly Window[]): void {
    this.windows = windows;
    this.longest = Math.max(...windows.map((w) => w.perMs));
  }

  /** Milliseconds from `now` until a send fits; 0 when it fits now. */
  waitMs(now: number): number {
    this.forget(now);
    let wait = 0;
    for (const window of this.windows) {
      // Sends are kept in time order; find the first one still inside this window.
      let first = this.sent.length;
      while (first > 0 && this.sent[first - 1]! > now - window.perMs) first--;
      const inWindow = this.sent.length - first;
      if (inWindow < window.limit) continue;
      // This send has to leave the window before one more fits.
      const leaving = this.sent[first + inWindow - window.limit]!;
      wait = Math.max(wait, leaving + window.perMs - now);
    }
    return wait;
  }

  record(now: number): void {
    this.sent.push(now);
  }

  /** Blocks sends until `until` (a 429's Retry-After), by filling the shortest window. */
  pauseUntil(until: number): void {
    const shortest = this.windows.reduce((a, b) => (a.perMs <= b.perMs ? a : b));
    for (let i = 0; i < shortest.limit; i++) this.sent.push(until - shortest.perMs);
    this.sent.sort((a, b) => a - b);
  }

  /** True when nothing is remembered, so the caller may drop this limiter. */
  idle(now: number): boolean {
    this.forget(now);
    return this.sent.length === 0;
  }

  private forget(now: number): void {
    let drop = 0;
    while (drop < this.sent.length && this.sent[drop]! <= now - this.longest) drop++;
    if (drop > 0) this.sent.splice(0, drop);
  }
}
