import { describe, expect, it } from 'vitest';
import { classifyStatus, DEFAULT_RETRY_POLICY, isFinal, retryDelayMs } from './retry-policy.js';

describe('classifyStatus', () => {
  it.each([
    [429, undefined, 'throttled'],
    [412, undefined, 'transient'],
    [502, undefined, 'transient'],
    [503, undefined, 'transient'],
    [504, undefined, 'transient'],
    [undefined, 'ETIMEDOUT', 'transient'],
    [403, 'BotNotInConversationRoster', 'not-installed'],
    [404, 'ConversationNotFound', 'not-installed'],
    [403, 'InsufficientPermissions', 'permanent'],
    [400, 'BadSyntax', 'permanent'],
    [413, undefined, 'permanent'],
  ] as const)('treats %s %s as %s', (status, code, kind) => {
    expect(classifyStatus(status, code)).toBe(kind);
  });
});

describe('retryDelayMs', () => {
  const transient = { kind: 'transient', status: 503, reason: '503' } as const;

  it('grows exponentially with jitter between half and all of the ceiling', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, transient, 0)).toBe(500);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, transient, 0.999)).toBe(999);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 4, transient, 0)).toBe(4000);
  });

  it('never exceeds the cap', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 30, transient, 0.999)).toBeLessThanOrEqual(
      DEFAULT_RETRY_POLICY.maxMs,
    );
  });

  it('never retries before Retry-After', () => {
    expect(
      retryDelayMs(
        DEFAULT_RETRY_POLICY,
        1,
        { kind: 'throttled', status: 429, reason: '429', retryAfterMs: 7000 },
        0,
      ),
    ).toBe(7000);
  });
});

describe('isFinal', () => {
  it('dead-letters after the last attempt and at once when retrying cannot help', () => {
    const transient = { kind: 'transient', status: 503, reason: '503' } as const;
    expect(isFinal(DEFAULT_RETRY_POLICY, 7, transient)).toBe(false);
    expect(isFinal(DEFAULT_RETRY_POLICY, 8, transient)).toBe(true);
    expect(isFinal(DEFAULT_RETRY_POLICY, 1, { kind: 'not-installed', status: 403, reason: '403' })).toBe(
      true,
    );
  });
});
