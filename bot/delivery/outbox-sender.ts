import type { Clock } from '../domain/clock.js';
import { nextAction } from '../domain/delivery/delivery.js';
import {
  CONVERSATION_WINDOWS,
  SlidingWindowLimiter,
  TENANT_WINDOWS,
  type Window,
} from '../domain/delivery/rate-limits.js';
import {
  DEFAULT_RETRY_POLICY,
  isFinal,
  retryDelayMs,
  type DeliveryFailure,
  type RetryPolicy,
} from '../domain/delivery/retry-policy.js';
import type { Logger } from '../log/logger.js';
import { ConnectorError, type Connector, type OutboxQueue, type Outcome, type PendingItem } from './ports.js';

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
  tenantWindows?: readonly Window[];
  conversationWindows?: readonly Window[];
  random?: () => number;
  /** Told when Teams answers that the bot is not in a conversation (403/404). */
  onNotInstalled?: (conversationId: string, reason: string) => Promise<void>;
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

  constructor(private readonly options: OutboxSenderOptions) {
    this.tenant = new SlidingWindowLimiter(options.tenantWindows ?? TENANT_WINDOWS);
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** Looks at the outbox now instead of at the next poll (after an enqueue). */
  wake(): void {
    this.wakeUp?.();
  }

  /** One round: claims what is due and settles it. Returns how many items it handled. */
  async drainOnce(): Promise<number> {
    const { queue, clock } = this.options;
    const due = await queue.due(clock.now(), this.options.batchSize ?? 200);
    if (due.length === 0) return 0;
    const claimed = await queue.claim(
      due,
      new Date(clock.now().getTime() + (this.options.leaseMs ?? 60_000)),
    );
    await this.dispatch(claimed);
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.drainOnce();
      } catch (error) {
        this.options.logger.error('outbox round failed', { error });
      }
      if (handled === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = undefined;
      }
    }
  }

  /** Sends claimed items, one at a time per conversation, as fast as the limits allow. */
  private async dispatch(items: readonly PendingItem[]): Promise<void> {
    const queues = new Map<string, PendingItem[]>();
    for (const item of [...items].sort((a, b) => a.dueAt.localeCompare(b.dueAt))) {
      const list = queues.get(item.conversationId) ?? [];
      list.push(item);
      queues.set(item.conversationId, list);
    }
    const maxInFlight = this.options.maxInFlight ?? 16;
    const inFlight = new Map<string, Promise<void>>();

    while (queues.size > 0 || inFlight.size > 0) {
      const now = performance.now();
      let soonest = Number.POSITIVE_INFINITY;
      let started = false;
      if (inFlight.size < maxInFlight) {
        const tenantWait = this.tenant.waitMs(now);
        for (const [conversationId, list] of queues) {
          if (inFlight.has(conversationId)) continue;
          const wait = Math.max(tenantWait, this.limiter(conversationId).waitMs(now));
          if (wait > 0) {
            soonest = Math.min(soonest, wait);
            continue;
          }
          const item = list.shift()!;
          if (list.length === 0) queues.delete(conversationId);
          const task = this.handle(item).finally(() => inFlight.delete(conversationId));
          inFlight.set(conversationId, task);
          started = true;
          break;
        }
      }
      if (started) continue;
      const waits: Promise<unknown>[] = [...inFlight.values()];
      if (Number.isFinite(soonest)) waits.push(sleep(soonest));
      if (waits.length === 0) break;
      await Promise.race(waits);
    }
    this.forgetIdleLimiters();
  }

  private limiter(conversationId: string): SlidingWindowLimiter {
    let limiter = this.conversations.get(conversationId);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(this.options.conversationWindows ?? CONVERSATION_WINDOWS);
      this.conversations.set(conversationId, limiter);
    }
    return limiter;
  }

  private forgetIdleLimiters(): void {
    const now = performance.now();
    for (const [id, limiter] of this.conversations) if (limiter.idle(now)) this.conversations.delete(id);
  }

  private async handle(item: PendingItem): Promise<void> {
    const { queue, logger } = this.options;
    try {
      const [record, message] = await Promise.all([
        queue.delivery(item.messageId, item.conversationId),
        queue.message(item.messageId),
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
    const now = performance.now();
    this.tenant.record(now);
    this.limiter(conversationId).record(now);
    try {
      switch (action) {
        case 'post':
          return {
            kind: 'posted',
            activityId: await connector.post(record.reference, message.activity),
            version: message.version,
          };
        case 'update':
          await connector.update(record.reference, record.activityId!, message.activity);
          return { kind: 'updated', version: message.version };
        case 'delete':
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
