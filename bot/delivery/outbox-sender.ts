import type { Clock } from '../domain/clock.js';
import { ACTIVITY_ID_UNKNOWN, nextAction } from '../domain/delivery/delivery.js';
import {
  CONVERSATION_WINDOWS,
  SlidingWindowLimiter,
  SENDER_TENANT_WINDOWS,
  type Window,
} from '../domain/delivery/rate-limits.js';
import { shareWindows } from '../domain/delivery/sender-share.js';
import {
  DEFAULT_RETRY_POLICY,
  isFinal,
  retryDelayMs,
  type DeliveryFailure,
  type RetryPolicy,
} from '../domain/delivery/retry-policy.js';
import type { Logger } from '../log/logger.js';
import { ConnectorError, type Connector, type OutboxQueue, type Outcome, type PendingItem } from './ports.js';
import type { SendShare } from './sender-heartbeat.js';

/** How often a sender told not to send (its share is 0) looks again. */
const HELD_POLL_MS = 200;
/**
 * How often a busy sender forgets the limiters of conversations it has not sent to within their
 * longest window. Without it they were forgotten only when the sender was idle, so under steady
 * load one limiter per conversation ever sent to stayed for the life of the process.
 */
const LIMITER_SWEEP_MS = 10_000;

export interface OutboxSenderOptions {
  queue: OutboxQueue;
  connector: Connector;
  clock: Clock;
  logger: Logger;
  policy?: RetryPolicy;
  /** How long a claimed item stays ours; after a crash it is retried when the lease runs out. */
  leaseMs?: number;
  /** Items fetched per poll. */
  batchSize?: number;
  /** Connector calls in flight at once (one per conversation at a time, to keep order). */
  maxInFlight?: number;
  /** Idle poll interval when nothing is due. */
  pollMs?: number;
  /** How often idle conversation limiters are forgotten while busy (tests shorten it). */
  limiterSweepMs?: number;
  tenantWindows?: readonly Window[];
  conversationWindows?: readonly Window[];
  random?: () => number;
  /** Told when Teams answers that the bot is not in a conversation (403/404). */
  onNotInstalled?: (conversationId: string, reason: string) => Promise<void>;
  /**
   * How many senders share the tenant's and each conversation's budget (the windows are divided
   * by it); without it this sender assumes it is alone.
   */
  share?: SendShare;
}

/**
 * Drains the outbox: claims due deliveries, reconciles each with its message (post, update,
 * delete), keeps within Teams' per-conversation and per-tenant limits, retries with backoff and
 * jitter, and dead-letters after the policy's last attempt.
 */
export class OutboxSender {
  private readonly tenant: SlidingWindowLimiter;
  private readonly conversations = new Map<string, SlidingWindowLimiter>();
  private readonly policy: RetryPolicy;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** Claimed items waiting to be sent, per conversation, in due order. */
  private readonly queues = new Map<string, PendingItem[]>();
  private buffered = 0;
  private readonly inFlight = new Map<string, Promise<void>>();
  private fetching: Promise<void> | undefined;
  /** The number of senders the limiters' windows are currently divided by. */
  private senders = 1;
  private stopping = false;
  private lastSweep = performance.now();

  constructor(private readonly options: OutboxSenderOptions) {
    this.tenant = new SlidingWindowLimiter(options.tenantWindows ?? SENDER_TENANT_WINDOWS);
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
  }

  /** The tenant windows this sender currently allows itself (its share of the budget). */
  tenantShare(): readonly Window[] {
    return shareWindows(this.options.tenantWindows ?? SENDER_TENANT_WINDOWS, this.senders);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
  }

  /**
   * What this sender holds in memory: limiters (one per conversation sent to within its longest
   * window), claimed items waiting and calls in flight. For the soak benchmark and tests.
   */
  memoryStats(): { limiters: number; buffered: number; inFlight: number } {
    return { limiters: this.conversations.size, buffered: this.buffered, inFlight: this.inFlight.size };
  }

  /** Looks at the outbox now instead of at the next poll (after an enqueue). */
  wake(): void {
    this.wakeUp?.();
  }

  /**
   * One round, for tests and tools: claims what is due now and settles all of it. Returns how
   * many items it claimed.
   */
  async drainOnce(): Promise<number> {
    const claimed = await this.fetchMore();
    while (this.buffered > 0 || this.inFlight.size > 0) {
      const soonest = this.startReady();
      await Promise.race([...this.inFlight.values(), ...(Number.isFinite(soonest) ? [sleep(soonest)] : [])]);
    }
    this.forgetIdleLimiters();
    return claimed;
  }

  /**
   * The steady loop: keeps a small buffer of claimed items topped up while it sends, so a slow
   * reply or a batch boundary never leaves the tenant's budget unused.
   */
  private async run(): Promise<void> {
    const batch = this.options.batchSize ?? 100;
    const pollMs = this.options.pollMs ?? 1000;
    let idleUntil = 0;
    while (this.running) {
      // A sender held back by the shared budget claims nothing, so others can send it meanwhile.
      const held = !this.applyShare();
      if (!held && !this.fetching && this.buffered < batch / 2 && performance.now() >= idleUntil) {
        this.fetching = this.fetchMore()
          .then(
            (n) => {
              if (n === 0) idleUntil = performance.now() + pollMs;
            },
            (error: unknown) => {
              this.options.logger.error('outbox round failed', { error });
              idleUntil = performance.now() + pollMs;
            },
          )
          .finally(() => {
            this.fetching = undefined;
          });
      }
      const soonest = this.startReady();
      const nap = Math.max(1, Math.min(soonest, Math.max(idleUntil - performance.now(), 0) || pollMs));
      const woken = new Promise<void>((resolve) => (this.wakeUp = resolve));
      await Promise.race([
        ...this.inFlight.values(),
        ...(this.fetching ? [this.fetching] : []),
        sleep(nap),
        woken,
      ]);
      this.wakeUp = undefined;
      const sweepDue =
        performance.now() - this.lastSweep >= (this.options.limiterSweepMs ?? LIMITER_SWEEP_MS);
      if (sweepDue || (this.inFlight.size === 0 && this.buffered === 0)) this.forgetIdleLimiters();
    }
    await Promise.all([...this.inFlight.values(), this.fetching]);
  }

  private async fetchMore(): Promise<number> {
    const { queue, clock } = this.options;
    const due = await queue.due(clock.now(), this.options.batchSize ?? 100);
    if (due.length === 0) return 0;
    const claimed = await queue.claim(
      due,
      new Date(clock.now().getTime() + (this.options.leaseMs ?? 60_000)),
    );
    for (const item of claimed.sort((a, b) => a.dueAt.localeCompare(b.dueAt))) {
      const list = this.queues.get(item.conversationId) ?? [];
      list.push(item);
      this.queues.set(item.conversationId, list);
    }
    this.buffered += claimed.length;
    return claimed.length;
  }

  /**
   * Starts every buffered item the limits allow now (one in flight per conversation, to keep
   * each conversation's order). Returns the milliseconds until the next one could start.
   */
  private startReady(): number {
    if (!this.applyShare()) return HELD_POLL_MS;
    const maxInFlight = this.options.maxInFlight ?? 16;
    let soonest = Number.POSITIVE_INFINITY;
    for (const [conversationId, list] of this.queues) {
      if (this.inFlight.size >= maxInFlight) return Math.min(soonest, 5);
      if (this.inFlight.has(conversationId)) continue;
      // A conversation held back (by its own limits or a 429) does not take a slot meanwhile.
      const wait = this.limiter(conversationId).waitMs(performance.now());
      if (wait > 0) {
        soonest = Math.min(soonest, wait);
        continue;
      }
      const item = list.shift()!;
      if (list.length === 0) this.queues.delete(conversationId);
      this.buffered--;
      this.inFlight.set(
        conversationId,
        this.handle(item).finally(() => this.inFlight.delete(conversationId)),
      );
    }
    return soonest;
  }

  /**
   * Waits until a call to this conversation fits the tenant's and the conversation's limits, and
   * counts it. Called right before the connector call, so the count matches when Teams sees it.
   */
  private async acquire(conversationId: string): Promise<void> {
    for (;;) {
      if (!this.applyShare()) {
        // Held (a new peer has not acknowledged us, or our heartbeat is failing): the lease runs
        // out and the item comes back if we stop meanwhile.
        if (this.stopping) throw new Error('sender stopped while held back by the shared budget');
        await sleep(HELD_POLL_MS);
        continue;
      }
      const now = performance.now();
      const wait = Math.max(this.tenant.waitMs(now), this.limiter(conversationId).waitMs(now));
      if (wait === 0) {
        this.tenant.record(now);
        this.limiter(conversationId).record(now);
        return;
      }
      await sleep(wait);
    }
  }

  private limiter(conversationId: string): SlidingWindowLimiter {
    let limiter = this.conversations.get(conversationId);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(this.conversationShare());
      this.conversations.set(conversationId, limiter);
    }
    return limiter;
  }

  private conversationShare(): Window[] {
    return shareWindows(this.options.conversationWindows ?? CONVERSATION_WINDOWS, this.senders);
  }

  /**
   * Divides the limiters' windows by the number of live senders when it changed (deliveries are
   * claimed per message and conversation, so two instances can send to one conversation at once).
   * Returns false while this sender must not send at all.
   */
  private applyShare(): boolean {
    const senders = this.options.share?.current() ?? 1;
    if (senders === 0) return false;
    if (senders !== this.senders) {
      this.options.logger.info('share of the Teams send budget changed', { senders });
      this.senders = senders;
      this.tenant.setWindows(this.tenantShare());
      const windows = this.conversationShare();
      for (const limiter of this.conversations.values()) limiter.setWindows(windows);
    }
    return true;
  }

  private forgetIdleLimiters(): void {
    const now = performance.now();
    this.lastSweep = now;
    for (const [id, limiter] of this.conversations) if (limiter.idle(now)) this.conversations.delete(id);
  }

  private async handle(item: PendingItem): Promise<void> {
    const { queue, logger } = this.options;
    try {
      const [record, message] = await Promise.all([
        queue.delivery(item.messageId, item.conversationId),
        queue.freshMessage(item.messageId, item.version),
      ]);
      if (!record || !message) {
        logger.warn('outbox item without its delivery or message', { messageId: item.messageId });
        return;
      }
      const outcome = await this.act(record, message, item.conversationId);
      await queue.settle(item, record, outcome);
      if (outcome.kind === 'gave-up' && outcome.failure.kind === 'not-installed') {
        await this.options.onNotInstalled?.(item.conversationId, `Teams svarte ${outcome.failure.reason}`);
      }
    } catch (error) {
      // The lease runs out and the item comes back: nothing is lost.
      logger.error('outbox item failed; it will be retried after its lease', {
        messageId: item.messageId,
        error,
      });
    }
  }

  private async act(
    record: Parameters<OutboxQueue['settle']>[1],
    message: NonNullable<Awaited<ReturnType<OutboxQueue['message']>>>,
    conversationId: string,
  ): Promise<Outcome> {
    const { connector } = this.options;
    const action = nextAction(message, record);
    if (action === 'done') return { kind: 'nothing' };
    if (action === 'cancel') return { kind: 'cancelled' };
    await this.acquire(conversationId);
    try {
      switch (action) {
        case 'post':
          return {
            kind: 'posted',
            activityId: await connector.post(record.reference, message.activity),
            version: message.version,
          };
        case 'update':
          if (record.activityId === ACTIVITY_ID_UNKNOWN) {
            this.options.logger.warn('a message posted without an id cannot be updated', { conversationId });
            return { kind: 'updated', version: message.version };
          }
          await connector.update(record.reference, record.activityId!, message.activity);
          return { kind: 'updated', version: message.version };
        case 'delete':
          if (record.activityId !== ACTIVITY_ID_UNKNOWN)
            await connector.delete(record.reference, record.activityId!);
          return { kind: 'deleted' };
      }
    } catch (error) {
      const failure: DeliveryFailure =
        error instanceof ConnectorError
          ? error.failure
          : { kind: 'transient', status: undefined, reason: String(error) };
      return this.afterFailure(record.attempts + 1, failure, conversationId);
    }
  }

  private afterFailure(attempts: number, failure: DeliveryFailure, conversationId: string): Outcome {
    if (failure.kind === 'throttled' && failure.retryAfterMs) {
      this.limiter(conversationId).pauseUntil(performance.now() + failure.retryAfterMs);
    }
    if (isFinal(this.policy, attempts, failure)) return { kind: 'gave-up', failure };
    const delay = retryDelayMs(this.policy, attempts, failure, (this.options.random ?? Math.random)());
    return { kind: 'retry', failure, at: new Date(this.options.clock.now().getTime() + delay) };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
