import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { rateLimit } from '../bot/http/rate-limit.js';
import { createHttpServer } from '../bot/http/server.js';
import { silentLogger } from '../bot/log/logger.js';
import { freshTables } from './support/storage.js';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function startApp(env: Record<string, string>): Promise<string> {
  app = createApp({
    config: loadConfig({ PORT: '0', ...env }),
    logger: silentLogger,
    clock: { now: () => new Date('2026-11-23T08:00:00Z') },
    tables: freshTables().tables,
    deliver: false,
  });
  return app.listen();
}

describe('rate limits on the public endpoints (the real app)', () => {
  it('answers 429 with Retry-After and a Norwegian error once the burst is spent', async () => {
    const url = await startApp({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '1' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${url}/api/units`)).status);
    expect(statuses.slice(0, 3)).not.toContain(429);
    const limited = await fetch(`${url}/api/units`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: 'For mange forespørsler. Vent litt og prøv igjen.' },
    });
  });

  it('answers in English when the client asks for it', async () => {
    const url = await startApp({ RATE_LIMIT_BURST: '1', RATE_LIMIT_PER_MINUTE: '1' });
    await fetch(`${url}/api/plan`);
    const limited = await fetch(`${url}/api/plan`, { headers: { 'accept-language': 'en-GB' } });
    expect(((await limited.json()) as { error: { message: string } }).error.message).toBe(
      'Too many requests. Wait a moment and try again.',
    );
  });

  it('leaves the health probe and the Bot Framework endpoint alone', async () => {
    const url = await startApp({ RATE_LIMIT_BURST: '1', RATE_LIMIT_PER_MINUTE: '1' });
    await fetch(`${url}/api/units`);
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const bot = await fetch(`${url}/api/messages`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(bot.status).not.toBe(429);
  });

  it('leaves the tab page and its assets alone, so a page load never breaks halfway', async () => {
    const url = await startApp({ RATE_LIMIT_BURST: '1', RATE_LIMIT_PER_MINUTE: '1' });
    await fetch(`${url}/api/units`);
    expect((await fetch(`${url}/api/units`)).status).toBe(429);
    for (const path of ['/tab/', '/tab/favicon.png', '/tab/assets/not-there.js']) {
      expect((await fetch(`${url}${path}`)).status, path).not.toBe(429);
    }
  });

  it('behind the App Service front end, keeps one bucket per forwarded client', async () => {
    const url = await startApp({ RATE_LIMIT_BURST: '1', RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'true' });
    const as = (ip: string) => fetch(`${url}/api/units`, { headers: { 'x-forwarded-for': ip } });
    expect((await as('203.0.113.7:51234')).status).not.toBe(429);
    expect((await as('203.0.113.7:40000')).status).toBe(429);
    expect((await as('198.51.100.2:40000')).status).not.toBe(429);
    // A client cannot pick its bucket by sending its own header: the front end's entry is last.
    expect((await as('198.51.100.99, 203.0.113.7:1')).status).toBe(429);
  });
});

describe('the token bucket', () => {
  it('refills at the sustained rate', async () => {
    let now = 0;
    const server = createHttpServer(silentLogger);
    server.pre(rateLimit({ perMinute: 60, burst: 2, trustProxy: false, now: () => now }));
    server.get('/api/x', (_req, res, next) => {
      res.send(204);
      next();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/x`;
    try {
      const get = async () => (await fetch(url)).status;
      expect([await get(), await get(), await get()]).toEqual([204, 204, 429]);
      now += 999;
      expect(await get()).toBe(429);
      now += 1;
      expect(await get()).toBe(204);
      now += 60_000;
      expect([await get(), await get(), await get()]).toEqual([204, 204, 429]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
