import { readFileSync } from 'node:fs';
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
  const require = createRequire(import.meta.url);
  const { JwtTokenExtractor } = require('botframework-connector/lib/auth/jwtTokenExtractor.js');
  const { AuthenticationConstants } = require('botframework-connector/lib/auth/authenticationConstants.js');
  const metadata = JwtTokenExtractor.getOrAddOpenIdMetadata(
    AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  );
  metadata.keys = [jwk];
  metadata.lastUpdated = Date.now();
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

  it('runs the bot for a genuine Bot Framework token for our app (the control)', async () => {
    const run = vi.spyOn(app.bot, 'run');
    // A typing activity needs no reply, so the control makes no outbound call either.
    const response = await post(activity('typing'), `Bearer ${await botToken(botFrameworkKey)}`);
    expect(response.status).toBe(200);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
