import type { Clock } from '../domain/clock.js';
import { BudgetShare, DEFAULT_SHARE_RULES, type ShareRules } from '../domain/delivery/sender-share.js';
import type { Logger } from '../log/logger.js';
import type { SenderDirectory, SenderRow } from './ports.js';

/** What the outbox sender asks before each send: how many senders share Teams' budgets now. */
export interface SendShare {
  /** Live senders, this one included, to divide the budgets by; 0 while this one must not send. */
  current(): number;
}

/** A row not written for this many dead-after times is removed by whoever sees it. */
const FORGET_AFTER_DEAD_TIMES = 10;

export interface SenderHeartbeatOptions {
  /** This instance's id (unique per process). */
  id: string;
  directory: SenderDirectory;
  /** Wall-clock time shared by all instances (not a plan clock moved for demos). */
  clock: Clock;
  logger: Logger;
  rules?: ShareRules;
}

/**
 * Keeps this sender's row in the senders table fresh and tells the outbox sender its share of
 * Teams' budgets (the rules are in `BudgetShare`). A failed heartbeat keeps the share it had.
 */
export class SenderHeartbeat implements SendShare {
  private readonly share: BudgetShare;
  private readonly rules: ShareRules;
  private written = false;
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private running = false;

  constructor(private readonly options: SenderHeartbeatOptions) {
    this.rules = options.rules ?? DEFAULT_SHARE_RULES;
    this.share = new BudgetShare(options.id, this.rules);
  }

  current(): number {
    return this.share.current(this.options.clock.now().getTime());
  }

  /** Whether the heartbeat runs (between `start` and `stop`). */
  get started(): boolean {
    return this.running;
  }

  /** Beats now and then every `heartbeatMs` (more often while waiting to be acknowledged). */
  start(): void {
    if (this.running) return;
    this.running = true;
    const next = () => {
      if (!this.running) return;
      this.beating = this.beat().finally(() => {
        this.beating = undefined;
        if (!this.running) return;
        const holding = this.current() === 0;
        this.timer = setTimeout(next, holding ? this.rules.heartbeatMs / 5 : this.rules.heartbeatMs);
        this.timer.unref();
      });
    };
    next();
  }

  /** Stops beating and removes our row, so peers take our share at their next beat. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.beating;
    if (!this.written) return;
    try {
      await this.options.directory.remove(this.options.id);
    } catch (error) {
      this.options.logger.warn('could not remove the sender heartbeat; peers count it dead later', { error });
    }
  }

  /**
   * One heartbeat. The first writes our row before reading, so peers can see us; later ones read
   * the rows, apply the share, then write with `lastSeen` from before the read, so a peer that
   * sees our `lastSeen` after its join knows we had seen it.
   */
  async beat(): Promise<void> {
    const { directory, clock, id } = this.options;
    try {
      const lastSeen = clock.now();
      if (!this.written) {
        await directory.beat(id, lastSeen);
        this.written = true;
        this.share.written(lastSeen.getTime(), clock.now().getTime());
        const rows = await directory.list();
        this.share.observed(rows, clock.now().getTime());
        return;
      }
      const rows = await directory.list();
      this.share.observed(rows, clock.now().getTime());
      await directory.beat(id, lastSeen);
      this.share.written(lastSeen.getTime(), clock.now().getTime());
      await this.forgetLongDead(rows, lastSeen);
    } catch (error) {
      this.share.failed();
      this.options.logger.warn('sender heartbeat failed; keeping the share it had', { error });
    }
  }

  private async forgetLongDead(rows: readonly SenderRow[], now: Date): Promise<void> {
    const limit = this.rules.deadAfterMs * FORGET_AFTER_DEAD_TIMES;
    for (const row of rows) {
      if (row.id !== this.options.id && now.getTime() - row.lastSeen.getTime() > limit) {
        await this.options.directory.remove(row.id, row.etag);
      }
    }
  }
}
