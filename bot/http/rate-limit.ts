import type { Next, Request, Response } from 'restify';
import type { RateLimitSettings } from '../config/config.js';
import { languageOf, messages } from '../i18n/index.js';
import { sendError } from './respond.js';

/**
 * API paths the limiter leaves alone: the Bot Framework (few Microsoft IPs, every call
 * token-checked). Only `/api/` is limited: the tab's page and assets are served from memory and
 * one page load fetches dozens of them, so limiting them made the tab fail to load for whoever
 * shares an IP with a busy colleague; the health probe is outside `/api/` too.
 */
const EXEMPT = new Set(['/api/messages']);
/** Buckets kept at most; beyond it full buckets are dropped first, so memory stays bounded under a spray of IPs. */
const MAX_CLIENTS = 50_000;

export interface RateLimitOptions extends RateLimitSettings {
  /** Milliseconds; a test's clock. */
  now?: () => number;
}

/**
 * A token bucket per client IP for the public endpoints: `burst` requests at once, refilled at
 * `perMinute`. An empty bucket answers 429 with Retry-After and our error format. Per instance:
 * with N instances a client gets up to N times the rate, which is fine for abuse protection.
 */
export function rateLimit(options: RateLimitOptions) {
  const now = options.now ?? (() => performance.now());
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const take = (client: string): number => {
    const t = now();
    const bucket = buckets.get(client) ?? { tokens: options.burst, at: t };
    bucket.tokens = Math.min(options.burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.delete(client); // re-inserted last: the Map's order is then least recently used first
    buckets.set(client, bucket);
    if (buckets.size > MAX_CLIENTS) evict(buckets, options.burst);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / perMs / 1000);
  };

  return (req: Request, res: Response, next: Next): void => {
    const path = req.path();
    if (!path.startsWith('/api/') || EXEMPT.has(path)) return next();
    const retryAfterS = take(clientIp(req, options.trustProxy));
    if (retryAfterS === 0) return next();
    res.header('Retry-After', String(retryAfterS));
    const message = messages(languageOf(req.header('accept-language'))).errors.rateLimited;
    sendError(res, 429, { error: { code: 'RATE_LIMITED', message } });
    next(false);
  };
}

/**
 * The caller's IP. Behind App Service the socket is the front end; it appends the real client as
 * the last `X-Forwarded-For` entry (`ip:port`), and earlier entries are whatever the client sent.
 */
export function clientIp(req: Request, trustProxy: boolean): string {
  const socket = req.socket?.remoteAddress ?? 'unknown';
  if (!trustProxy) return socket;
  const last = req.header('x-forwarded-for')?.split(',').pop()?.trim();
  if (!last) return socket;
  // `1.2.3.4:5678` or `[::1]:5678`; a bare IPv6 address has colons but no port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(last);
  if (bracketed) return bracketed[1]!;
  return /^[\d.]+:\d+$/.test(last) ? last.slice(0, last.lastIndexOf(':')) : last;
}

function evict(buckets: Map<string, { tokens: number; at: number }>, burst: number): void {
  for (const [client, bucket] of buckets) {
    if (buckets.size <= MAX_CLIENTS * 0.9) return;
    if (bucket.tokens >= burst - 1) buckets.delete(client);
  }
  // Everyone is active: drop the least recently seen.
  for (const client of buckets.keys()) {
    if (buckets.size <= MAX_CLIENTS * 0.9) return;
    buckets.delete(client);
  }
}
