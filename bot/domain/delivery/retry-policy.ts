/** How a failed attempt to reach a conversation is treated. */
export type FailureKind =
  /** 429: wait at least Retry-After, then try again. */
  | 'throttled'
  /** 412, 5xx gateway errors, timeouts, network errors: try again with backoff. */
  | 'transient'
  /** 403/404 "bot not in conversation": the app is not installed there (any more). */
  | 'not-installed'
  /** Anything else (400, 401, 413 …): trying again will not help. */
  | 'permanent';

export interface DeliveryFailure {
  readonly kind: FailureKind;
  readonly status: number | undefined;
  readonly reason: string;
  readonly retryAfterMs?: number;
}

const TRANSIENT_STATUS = new Set([412, 500, 502, 503, 504]);

export function classifyStatus(status: number | undefined, code: string | undefined): FailureKind {
  if (status === undefined) return 'transient';
  if (status === 429) return 'throttled';
  if (TRANSIENT_STATUS.has(status)) return 'transient';
  if (status === 403 || status === 404) {
    // Teams answers 403 BotNotInConversationRoster / 404 ConversationNotFound after an uninstall.
    return !code || /NotInConversation|ConversationNotFound|NotFound|Forbidden|BotDisabled/i.test(code)
      ? 'not-installed'
      : 'permanent';
  }
  return 'permanent';
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * Delay before the next attempt: exponential backoff with full jitter, never shorter than the
 * server's Retry-After. `random` is in [0, 1).
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempts: number,
  failure: DeliveryFailure,
  random: number,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.floor(ceiling / 2 + (random * ceiling) / 2);
  return Math.max(jittered, failure.retryAfterMs ?? 0);
}

/** Whether a failure after `attempts` tries ends the delivery (dead letter) instead of a retry. */
export function isFinal(policy: RetryPolicy, attempts: number, failure: DeliveryFailure): boolean {
  if (failure.kind === 'not-installed' || failure.kind === 'permanent') return true;
  return attempts >= policy.maxAttempts;
}
