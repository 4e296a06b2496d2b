import type { Window } from './rate-limits.js';

/**
 * Teams' limits hold per app and tenant (50/s) and per conversation, whatever the number of
 * instances sending. Each sender heartbeats a row; every sender divides the budgets by the number
 * of live rows. The rules below keep the sum under the limits while that number changes:
 *
 * - A sender that joins sends nothing until every live peer has heartbeated since it joined (a
 *   peer reads the rows, applies its new share, then writes its own row, so its later `lastSeen`
 *   proves it knows), and one more `settleMs` so the peers' sends at the old share leave the
 *   tenant's window.
 * - Fewer senders (one stopped or died) raise the share only `settleMs` after it is seen, so the
 *   last sends of one that just stopped leave the window first. More senders lower it at once.
 * - A sender whose own heartbeat has not been written for `deadAfterMs - heartbeatMs` stops
 *   sending, because its peers will soon count it dead and take its share; when it writes again
 *   it joins anew.
 */
export interface ShareRules {
  /** How often each sender writes its row. */
  readonly heartbeatMs: number;
  /** A row not written for this long belongs to a sender that stopped or died. */
  readonly deadAfterMs: number;
  /** The longest tenant window: how long old sends count against a new share. */
  readonly settleMs: number;
}

export const DEFAULT_SHARE_RULES: ShareRules = { heartbeatMs: 10_000, deadAfterMs: 30_000, settleMs: 1_000 };

/** One sender's heartbeat row. */
export interface SenderBeat {
  readonly id: string;
  readonly lastSeen: Date;
}

/** The senders whose rows are fresh at `now` (a row from the future, by clock skew, is fresh). */
export function liveSenders(beats: readonly SenderBeat[], now: Date, deadAfterMs: number): SenderBeat[] {
  return beats.filter((beat) => now.getTime() - beat.lastSeen.getTime() < deadAfterMs);
}

/**
 * One sender's part of a set of windows shared by `senders`: each limit divided and rounded down.
 * A limit smaller than the number of senders becomes one send per proportionally longer window,
 * which keeps the long-run rate; short bursts can then still meet (only with more senders than the
 * limit, e.g. over 7 instances for one conversation's 7/s).
 */
export function shareWindows(windows: readonly Window[], senders: number): Window[] {
  if (senders <= 1) return [...windows];
  return windows.map((w) =>
    w.limit >= senders
      ? { limit: Math.floor(w.limit / senders), perMs: w.perMs }
      : { limit: 1, perMs: Math.ceil((w.perMs * senders) / w.limit) },
  );
}

/**
 * How many senders this one shares the budget with, from what its heartbeats saw. Pure apart from
 * the times it is given (milliseconds on the sender's wall clock).
 */
export class BudgetShare {
  private joinedAt: number | undefined;
  /** When every peer known at join had acknowledged us; sends start `settleMs` later. */
  private acknowledgedAt: number | undefined;
  private lastWritten: number | undefined;
  private senders = 1;
  private raise: { senders: number; from: number } | undefined;

  constructor(
    private readonly self: string,
    private readonly rules: ShareRules = DEFAULT_SHARE_RULES,
  ) {}

  /**
   * Our row was written with `lastSeen`; the write returned at `returnedAt`. The first write, or
   * one after so long that peers may have counted us dead, is a join: we wait to be acknowledged.
   */
  written(lastSeen: number, returnedAt: number): void {
    const gap = this.lastWritten === undefined ? Infinity : lastSeen - this.lastWritten;
    if (gap > this.rules.deadAfterMs - this.rules.heartbeatMs) {
      this.joinedAt = returnedAt;
      this.acknowledgedAt = undefined;
    }
    this.lastWritten = lastSeen;
  }

  /** A heartbeat failed: a pending raise is not trusted. */
  failed(): void {
    this.raise = undefined;
  }

  /** The rows read at `at`, ours included or not. */
  observed(beats: readonly SenderBeat[], at: number): void {
    const live = liveSenders(beats, new Date(at), this.rules.deadAfterMs).filter((b) => b.id !== this.self);
    const count = live.length + 1;
    this.promote(at);
    if (count >= this.senders) {
      this.senders = count;
      this.raise = undefined;
    } else {
      this.raise = { senders: count, from: at + this.rules.settleMs };
    }
    if (this.acknowledgedAt === undefined && this.joinedAt !== undefined) {
      const joinedAt = this.joinedAt;
      if (live.every((peer) => peer.lastSeen.getTime() >= joinedAt)) this.acknowledgedAt = at;
    }
  }

  /** Live senders sharing the budget, this one included; 0 when this one must not send now. */
  current(now: number): number {
    if (this.acknowledgedAt === undefined || this.lastWritten === undefined) return 0;
    if (now < this.acknowledgedAt + this.rules.settleMs) return 0;
    if (now - this.lastWritten > this.rules.deadAfterMs - this.rules.heartbeatMs) return 0;
    this.promote(now);
    return this.senders;
  }

  private promote(now: number): void {
    if (this.raise && now >= this.raise.from) {
      this.senders = this.raise.senders;
      this.raise = undefined;
    }
  }
}
