import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { silentLogger } from '../bot/log/logger.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { freshTables } from './support/storage.js';

const APP_ID = '7a0e5d1c-2b3f-4e6a-8c9d-0f1e2d3c4b5a';
const TENANT = '3c1e6f2a-9b7d-4e5c-8a1f-0d2b4c6e8f10';
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
const KID = 'bot-framework-key';

/**
 * The Bot Framework's signing keys come from login.botframework.com, which a test cannot reach.
 * botframework-connector caches them per metadata URL; seeding that cache with a key we generate
 * plays the real Bot Framework offline, while every check after it (signature, issuer, audience,
 * endorsement, service URL) runs unchanged.
 */
function seedBotFrameworkKeys(jwk: Record<string, unknown>): void {
  const metadata = botFrameworkMetadata();
  metadata.keys = [jwk];
  metadata.lastUpdated = Date.now();
}

/** botframework-connector's cached OpenID metadata for tokens from the Bot Framework channel. */
function botFrameworkMetadata(): { url: string; keys: unknown[]; lastUpdated: number } {
  const require = createRequire(import.meta.url);
  const { JwtTokenExtractor } = require('botframework-connector/lib/auth/jwtTokenExtractor.js');
  const { AuthenticationConstants } = require('botframework-connector/lib/auth/authenticationConstants.js');
  return JwtTokenExtractor.getOrAddOpenIdMetadata(AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl);
}

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let app: App;
let url: string;
let connector: LocalConnector;
let botFrameworkKey: CryptoKey;
let forgerKey: CryptoKey;

function activity(type = 'message'): Record<string, unknown> {
  const payload = JSON.parse(
    readFileSync(new URL('./payloads/personal-message.json', import.meta.url), 'utf8'),
  );
  return { ...payload, type, serviceUrl: connector.url };
}

function botToken(signWith: CryptoKey, claims: { aud?: string; kid?: string } = {}) {
  return new SignJWT({ serviceurl: connector.url })
    .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? KID, typ: 'JWT' })
    .setIssuer(BOT_FRAMEWORK_ISSUER)
    .setAudience(claims.aud ?? APP_ID)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(signWith);
}

function post(body: unknown, authorization?: string) {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  ({ privateKey: botFrameworkKey } = await generateKeyPair('RS256', { extractable: true }));
  ({ privateKey: forgerKey } = await generateKeyPair('RS256', { extractable: true }));
  const { n, e } = await exportJWK(botFrameworkKey);
  seedBotFrameworkKeys({ kty: 'RSA', use: 'sig', kid: KID, n, e, endorsements: ['msteams'] });
  connector = await startLocalConnector();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'test-secret',
    MICROSOFT_APP_TENANT_ID: TENANT,
  });
  app = createApp({
    config,
    logger: silentLogger,
    clock: { now: () => new Date() },
    tables: freshTables().tables,
    deliver: false,
  });
  url = await app.listen();
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});
beforeEach(() => {
  vi.restoreAllMocks();
});

describe('/api/messages with bot credentials', () => {
  it('answers an unsigned request 401 and runs nothing', async () => {
    const run = vi.spyOn(app.bot, 'run');
    const response = await post(activity());
    expect(response.status).toBe(401);
    expect(run).not.toHaveBeenCalled();
    expect(connector.stats.requests).toBe(0);
  });

  it('answers a token forged with another key under the Bot Framework key id 401 and runs nothing', async () => {
    const run = vi.spyOn(app.bot, 'run');
    const response = await post(activity(), `Bearer ${await botToken(forgerKey)}`);
    expect(response.status).toBe(401);
    expect(run).not.toHaveBeenCalled();
    expect(connector.stats.requests).toBe(0);
  });

  it('answers a forged token with an unknown key id 401', async () => {
    const response = await post(activity(), `Bearer ${await botToken(forgerKey, { kid: 'made-up' })}`);
    expect(response.status).toBe(401);
    expect(connector.stats.requests).toBe(0);
  });

  it('answers a genuine Bot Framework token for another app 401', async () => {
    const run = vi.spyOn(app.bot, 'run');
    const other = '11111111-2222-3333-4444-555555555555';
    const response = await post(activity(), `Bearer ${await botToken(botFrameworkKey, { aud: other })}`);
    expect(response.status).toBe(401);
    expect(run).not.toHaveBeenCalled();
  });

  it('answers a malformed authorization header 401', async () => {
    const response = await post(activity(), 'Bearer not.a.jwt');
    expect(response.status).toBe(401);
    expect(connector.stats.requests).toBe(0);
  });

  it('answers a refused token with a fixed code and text, never botbuilder’s own error text', async () => {
    for (const token of [await botToken(forgerKey), await botToken(forgerKey, { kid: 'made-up' })]) {
      const response = await post(activity(), `Bearer ${token}`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'The request carries no valid Bot Framework token.' },
      });
    }
  });

  it('answers 503 with Retry-After, without the fetch error, when the signing keys cannot be fetched for an unknown key id', async () => {
    const metadata = botFrameworkMetadata();
    const saved = { url: metadata.url, lastUpdated: metadata.lastUpdated };
    // Keys an hour and more old are fetched again for a key id they lack: from a refused port.
    metadata.url = `http://127.0.0.1:${await closedPort()}/v1/.well-known/openidconfiguration`;
    metadata.lastUpdated = Date.now() - 2 * 60 * 60 * 1000;
    try {
      const run = vi.spyOn(app.bot, 'run');
      const response = await post(
        activity(),
        `Bearer ${await botToken(botFrameworkKey, { kid: 'rotated' })}`,
      );
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({
        error: {
          code: 'AUTH_UNAVAILABLE',
          message: 'The Bot Framework signing keys cannot be fetched right now; try again shortly.',
        },
      });
      expect(body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
      expect(run).not.toHaveBeenCalled();
    } finally {
      Object.assign(metadata, saved);
    }
  });

  it('runs the bot for a genuine Bot Framework token for our app (the control)', async () => {
    const run = vi.spyOn(app.bot, 'run');
    // A typing activity needs no reply, so the control makes no outbound call either.
    const response = await post(activity('typing'), `Bearer ${await botToken(botFrameworkKey)}`);
    expect(response.status).toBe(200);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
