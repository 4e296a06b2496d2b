import type { Clock } from '../domain/clock.js';

/**
 * A clock that runs with the system clock plus an adjustable offset. Local mode only: it lets a
 * developer or an end-to-end test make due times come now without touching the stored jobs.
 */
export interface OffsetClock extends Clock {
  /** The current offset in milliseconds (0 at start). */
  offsetMs(): number;
  /** Sets the offset (may be negative). */
  setOffset(ms: number): void;
}

export function createOffsetClock(base: Clock, initialOffsetMs = 0): OffsetClock {
  let offset = initialOffsetMs;
  return {
    now: () => new Date(base.now().getTime() + offset),
    offsetMs: () => offset,
    setOffset: (ms) => {
      if (!Number.isFinite(ms)) throw new RangeError(`offset must be a finite number of ms, got ${ms}`);
      offset = ms;
    },
  };
}
