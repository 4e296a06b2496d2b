import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';

/** An automation's key as stored: never the secret, only a salted HMAC of it. */
export interface AutomationKey {
  readonly id: string;
  readonly name: string;
  readonly salt: string;
  readonly hash: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

export interface AutomationKeyRepository {
  get(id: string): Promise<AutomationKey | undefined>;
  save(key: AutomationKey): Promise<void>;
  list(): Promise<AutomationKey[]>;
}

const hashOf = (salt: string, secret: string) => createHmac('sha256', salt).update(secret).digest('hex');

/** Creates a key; the plain key (`pp_<id>.<secret>`) is returned this once and never stored. */
export async function createAutomationKey(
  deps: { keys: AutomationKeyRepository; clock: Clock },
  name: string,
  createdBy: string,
): Promise<{ id: string; key: string }> {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('hex');
  await deps.keys.save({
    id,
    name,
    salt,
    hash: hashOf(salt, secret),
    createdBy,
    createdAt: deps.clock.now().toISOString(),
  });
  return { id, key: `pp_${id}.${secret}` };
}

export async function revokeAutomationKey(
  deps: { keys: AutomationKeyRepository; clock: Clock },
  id: string,
): Promise<boolean> {
  const key = await deps.keys.get(id);
  if (!key) return false;
  if (!key.revokedAt) await deps.keys.save({ ...key, revokedAt: deps.clock.now().toISOString() });
  return true;
}

/** The key's record when the presented key is genuine and not revoked; else undefined. */
export async function verifyAutomationKey(
  deps: { keys: AutomationKeyRepository },
  presented: string | undefined,
): Promise<AutomationKey | undefined> {
  const match = /^pp_([0-9a-f]{16})\.([A-Za-z0-9_-]{20,})$/.exec(presented ?? '');
  if (!match) return undefined;
  const key = await deps.keys.get(match[1]!);
  if (!key || key.revokedAt) return undefined;
  const expected = Buffer.from(key.hash, 'hex');
  const actual = Buffer.from(hashOf(key.salt, match[2]!), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? key : undefined;
}
