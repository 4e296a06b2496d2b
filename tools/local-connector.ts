import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  SlidingWindowLimiter,
  CONVERSATION_WINDOWS,
  TENANT_WINDOWS,
} from '../bot/domain/delivery/rate-limits.js';

/**
 * A local stand-in for the Bot Framework connector, on loopback, for tests and benchmarks. It
 * implements post, update and delete of activities, enforces Teams' rate limits (answering 429 with
 * Retry-After), injects faults, and records what arrived so tests can count duplicates.
 */
export interface FaultPlan {
  /** Share of requests answered 502/503/504. */
  serverErrorRate?: number;
  /** Share of requests answered 429 with Retry-After `throttleRetryAfterS`, as Teams does under load. */
  throttleRate?: number;
  throttleRetryAfterS?: number;
  /** Share of requests answered only after `slowMs`. */
  slowRate?: number;
  slowMs?: number;
  /** Until this time (ms since epoch) every request gets 429 with `stormRetryAfterS`. */
  stormUntil?: number;
  stormRetryAfterS?: number;
}

export interface ReceivedActivity {
  readonly conversationId: string;
  readonly activityId: string;
  readonly activity: Record<string, unknown>;
  /** Update history, newest last. */
  readonly versions: Record<string, unknown>[];
  deleted: boolean;
}

export interface LocalConnector {
  readonly url: string;
  readonly received: Map<string, ReceivedActivity[]>;
  readonly stats: {
    requests: number;
    throttled: number;
    serverErrors: number;
    slow: number;
    forbidden: number;
    accepted: number;
    /** performance.now() of the first and the latest accepted request. */
    firstAcceptedAt: number;
    lastAcceptedAt: number;
    /** performance.now() of every request that reached the tenant limit check, for rate counts. */
    arrivals: number[];
    /** 429s answered because Teams' own limits were exceeded (not injected faults). */
    overLimit: number;
  };
  faults: FaultPlan;
  /** Conversations where the bot is "not installed": 403 BotNotInConversationRoster. */
  readonly uninstalled: Set<string>;
  /** Channels per team, answered at GET /v3/teams/{id}/conversations. */
  readonly teams: Map<string, { id: string; name?: string }[]>;
  close(): Promise<void>;
}

export async function startLocalConnector(
  options: { faults?: FaultPlan; random?: () => number; enforceLimits?: boolean } = {},
): Promise<LocalConnector> {
  const random = options.random ?? Math.random;
  const received = new Map<string, ReceivedActivity[]>();
  const byId = new Map<string, ReceivedActivity>();
  const stats = {
    requests: 0,
    throttled: 0,
    serverErrors: 0,
    slow: 0,
    forbidden: 0,
    accepted: 0,
    firstAcceptedAt: 0,
    lastAcceptedAt: 0,
    arrivals: [] as number[],
    overLimit: 0,
  };
  const tenant = new SlidingWindowLimiter(TENANT_WINDOWS);
  const conversations = new Map<string, SlidingWindowLimiter>();
  const uninstalled = new Set<string>();
  const teams = new Map<string, { id: string; name?: string }[]>();
  let sequence = 0;
  const state = { faults: options.faults ?? {} };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Taken before the body is read, so a busy event loop here shifts the counts less.
    const arrivedAt = performance.now();
    const now = Date.now();
    stats.requests++;
    const team = /^\/v3\/teams\/([^/]+)\/conversations/.exec(req.url ?? '');
    if (team && req.method === 'GET') {
      const channels = teams.get(decodeURIComponent(team[1]!));
      return channels
        ? reply(res, 200, { conversations: channels.map((c) => ({ id: c.id, name: c.name ?? null })) })
        : reply(res, 404, { error: { code: 'NotFound', message: 'team not found' } });
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    const body = await readBody(req);
    if (!match) return reply(res, 404, { error: { code: 'NotFound', message: req.url } });
    const conversationId = decodeURIComponent(match[1]!);
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const faults = state.faults;

    if (faults.stormUntil && now < faults.stormUntil) {
      stats.throttled++;
      return reply(
        res,
        429,
        { error: { code: 'TooManyRequests' } },
        { 'retry-after': String(faults.stormRetryAfterS ?? 1) },
      );
    }
    stats.arrivals.push(arrivedAt);
    if (options.enforceLimits !== false) {
      let limiter = conversations.get(conversationId);
      if (!limiter)
        conversations.set(conversationId, (limiter = new SlidingWindowLimiter(CONVERSATION_WINDOWS)));
      const wait = Math.max(tenant.waitMs(now), limiter.waitMs(now));
      if (wait > 0) {
        stats.throttled++;
        stats.overLimit++;
        return reply(
          res,
          429,
          { error: { code: 'TooManyRequests' } },
          { 'retry-after': String(Math.ceil(wait / 1000)) },
        );
      }
      tenant.record(now);
      limiter.record(now);
    }
    if (uninstalled.has(conversationId)) {
      stats.forbidden++;
      return reply(res, 403, {
        error: {
          code: 'BotNotInConversationRoster',
          message: 'The bot is not part of the conversation roster.',
        },
      });
    }
    if (faults.throttleRate && random() < faults.throttleRate) {
      stats.throttled++;
      return reply(
        res,
        429,
        { error: { code: 'TooManyRequests' } },
        { 'retry-after': String(faults.throttleRetryAfterS ?? 1) },
      );
    }
    if (faults.serverErrorRate && random() < faults.serverErrorRate) {
      stats.serverErrors++;
      return reply(res, [502, 503, 504][Math.floor(random() * 3)]!, { error: { code: 'ServiceError' } });
    }
    if (faults.slowRate && random() < faults.slowRate) {
      stats.slow++;
      await new Promise((resolve) => setTimeout(resolve, faults.slowMs ?? 2000));
    }

    stats.accepted++;
    stats.lastAcceptedAt = performance.now();
    if (stats.firstAcceptedAt === 0) stats.firstAcceptedAt = stats.lastAcceptedAt;
    if (req.method === 'POST') {
      const id = `act-${++sequence}`;
      const entry: ReceivedActivity = {
        conversationId,
        activityId: id,
        activity: body,
        versions: [body],
        deleted: false,
      };
      const list = received.get(conversationId) ?? [];
      list.push(entry);
      received.set(conversationId, list);
      byId.set(id, entry);
      return reply(res, 201, { id });
    }
    const existing = activityId ? byId.get(activityId) : undefined;
    if (!existing) return reply(res, 404, { error: { code: 'ActivityNotFound' } });
    if (req.method === 'PUT') {
      existing.versions.push(body);
      return reply(res, 200, { id: existing.activityId });
    }
    if (req.method === 'DELETE') {
      existing.deleted = true;
      return reply(res, 200, {});
    }
    return reply(res, 405, { error: { code: 'MethodNotAllowed' } });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      reply(res, 500, { error: { code: 'LocalConnectorBug', message: String(error) } }),
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    stats,
    uninstalled,
    teams,
    get faults() {
      return state.faults;
    },
    set faults(plan: FaultPlan) {
      state.faults = plan;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The most requests that arrived within any `perMs` (default 1 s) sliding window. */
export function peakPerWindow(arrivals: readonly number[], perMs = 1_000): number {
  const times = [...arrivals].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= perMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch {
        resolve({ unparsable: text });
      }
    });
  });
}

function reply(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
