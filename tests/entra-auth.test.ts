import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { createLogger, silentLogger } from '../bot/log/logger.js';
import { freshTables } from './support/storage.js';

const TENANT = '3c1e6f2a-9b7d-4e5c-8a1f-0d2b4c6e8f10';
const APP_ID = '7a0e5d1c-2b3f-4e6a-8c9d-0f1e2d3c4b5a';
const USER = '0b5c8e2f-1a3d-4f6b-9c7e-2d4f6a8b0c1e';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

let jwks: Server;
let app: App;
let url: string;
let key: CryptoKey;
let forgerKey: CryptoKey;

/** Entra ID's key set, played by a loopback server holding our own generated key. */
async function startJwksServer(publicJwk: JWK): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function token(
  claims: Record<string, unknown> = {},
  signWith: CryptoKey = key,
  expiresIn: string | number = '1h',
) {
  return new SignJWT({ oid: USER, name: 'Kari Nordmann', tid: TENANT, scp: 'access_as_user', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
    .setIssuer((claims.iss as string) ?? ISSUER)
    .setAudience((claims.aud as string) ?? APP_ID)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(signWith);
}

function me(bearer?: string) {
  return fetch(`${url}/api/me`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
}

beforeAll(async () => {
  ({ privateKey: key } = await generateKeyPair('RS256', { extractable: true }));
  ({ privateKey: forgerKey } = await generateKeyPair('RS256', { extractable: true }));
  const { kty, n, e } = await exportJWK(key);
  jwks = await startJwksServer({ kty, n, e, kid: 'test-key', use: 'sig', alg: 'RS256' });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'test-secret',
    MICROSOFT_APP_TENANT_ID: TENANT,
    PUBLIC_URL: 'https://planpuls-test.azurewebsites.net',
    ENTRA_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
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
  await new Promise((resolve) => jwks?.close(resolve));
});

describe('the tab API with Entra ID tokens (production mode)', () => {
  it('accepts a valid token for our app and knows the user by object id', async () => {
    const response = await me(await token());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: USER, name: 'Kari Nordmann' });
  });

  it('accepts the Application ID URI as audience, as v1 tokens carry it', async () => {
    const response = await me(await token({ aud: `api://planpuls-test.azurewebsites.net/${APP_ID}` }));
    expect(response.status).toBe(200);
  });

  it('answers 401 without a token, in Norwegian', async () => {
    const response = await me();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'Du må være logget inn.' },
    });
  });

  it('rejects a token for another audience', async () => {
    expect((await me(await token({ aud: '11111111-2222-3333-4444-555555555555' }))).status).toBe(401);
  });

  it('rejects a token from another issuer (another tenant)', async () => {
    const other = 'https://login.microsoftonline.com/99999999-9999-9999-9999-999999999999/v2.0';
    expect((await me(await token({ iss: other }))).status).toBe(401);
  });

  it('rejects an expired token', async () => {
    const expired = await token({}, key, Math.floor(Date.now() / 1000) - 3600);
    expect((await me(expired)).status).toBe(401);
  });

  it('rejects a token signed by another key under the same key id', async () => {
    expect((await me(await token({}, forgerKey))).status).toBe(401);
  });

  it('rejects a token without the user object id', async () => {
    expect((await me(await token({ oid: undefined }))).status).toBe(401);
  });

  it('rejects an unsigned token (alg none)', async () => {
    const [, payload] = (await token()).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'test-key' })).toString('base64url');
    expect((await me(`${header}.${payload}.`)).status).toBe(401);
  });

  it('accepts a token whose scopes include the tab scope among others', async () => {
    expect((await me(await token({ scp: 'User.Read access_as_user' }))).status).toBe(200);
  });

  it('rejects an app-only token from another app in the tenant (roles, no scp)', async () => {
    const appOnly = await token({ scp: undefined, name: undefined, roles: ['Planpuls.Read'], idtyp: 'app' });
    expect((await me(appOnly)).status).toBe(401);
  });

  it('rejects an app-only token even when it carries a scope claim', async () => {
    expect((await me(await token({ idtyp: 'app' }))).status).toBe(401);
  });

  it('rejects a delegated token for another scope than the tab asks for', async () => {
    expect((await me(await token({ scp: 'User.Read' }))).status).toBe(401);
  });

  it('rejects a token whose tenant is another tenant, even from an accepted issuer', async () => {
    expect((await me(await token({ tid: '99999999-9999-9999-9999-999999999999' }))).status).toBe(401);
  });

  it('rejects a token without a tenant', async () => {
    expect((await me(await token({ tid: undefined }))).status).toBe(401);
  });

  it('tells the tab to ask for the scope the API requires', async () => {
    const config = (await (await fetch(`${url}/tab/config.json`)).json()) as { ssoScope: string };
    expect(config.ssoScope).toBe(`api://planpuls-test.azurewebsites.net/${APP_ID}/access_as_user`);
  });

  it('ignores the local dev-user header outside local mode', async () => {
    const response = await fetch(`${url}/api/me`, { headers: { 'x-planpuls-dev-user': USER } });
    expect(response.status).toBe(401);
  });
});

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the tab API when Entra ID’s signing keys cannot be fetched', () => {
  let down: App;
  let downUrl: string;
  let jwksUrl: string;
  const logged: string[] = [];

  beforeAll(async () => {
    jwksUrl = `http://127.0.0.1:${await closedPort()}/keys`;
    down = createApp({
      config: loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'test-secret',
        MICROSOFT_APP_TENANT_ID: TENANT,
        ENTRA_JWKS_URL: jwksUrl,
      }),
      logger: createLogger({ write: (line) => logged.push(line) }),
      clock: { now: () => new Date() },
      tables: freshTables().tables,
      deliver: false,
    });
    downUrl = await down.listen();
  });
  afterAll(async () => {
    await down?.close();
  });

  it('answers a token with an unknown key id 503 with Retry-After, in the person’s language, without internal text', async () => {
    const unknownKid = await new SignJWT({ oid: USER, tid: TENANT, scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: 'rotated-key', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(APP_ID)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
    const response = await fetch(`${downUrl}/api/me`, {
      headers: { authorization: `Bearer ${unknownKid}`, 'accept-language': 'en' },
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({
      error: {
        code: 'AUTH_UNAVAILABLE',
        message: 'Planpuls cannot check your sign-in right now. Please try again shortly.',
      },
    });
    // The cause (URL, connection error) is for the operator, in the log.
    expect(logged.join('\n')).toContain(jwksUrl);
  });

  it('still answers a request without a token 401', async () => {
    expect((await fetch(`${downUrl}/api/me`)).status).toBe(401);
  });
});
