import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort } from '../bot/store/embedded-azurite.js';
import { startScript, waitForStatus } from './support/processes.js';
import { uniquePrefix } from './support/storage.js';

const PASSWORD = 'Pw~bot-client-secret-7f3a9c';
const connectionString = inject('storageConnectionString');
const accountKey = /AccountKey=([^;]+)/.exec(connectionString)![1]!;

let server: ReturnType<typeof startScript>;
let url: string;

/** The real entry point, as App Service runs it: production, credentials, a storage account. */
beforeAll(async () => {
  const port = await freePort();
  server = startScript('bot/main.ts', {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    MICROSOFT_APP_ID: '7a0e5d1c-2b3f-4e6a-8c9d-0f1e2d3c4b5a',
    MICROSOFT_APP_PASSWORD: PASSWORD,
    MICROSOFT_APP_TENANT_ID: '3c1e6f2a-9b7d-4e5c-8a1f-0d2b4c6e8f10',
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: uniquePrefix(),
    IMPORT_DEMO_ON_EMPTY: 'false',
  });
  url = `http://127.0.0.1:${port}`;
  await waitForStatus(`${url}/healthz`, 200, 30_000, server.output);
});
afterAll(async () => {
  await server?.stop();
});

describe('security headers', () => {
  it('lets only Teams and the Microsoft 365 hosts frame our pages', async () => {
    const response = await fetch(`${url}/tab`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)![1]!.trim().split(/\s+/);
    expect(ancestors).toContain('https://teams.microsoft.com');
    for (const source of ancestors) {
      expect(source).toMatch(
        /^('self'|https:\/\/(\*\.)?(teams\.microsoft\.com|teams\.microsoft\.us|office\.com|office365\.com|microsoft365\.com|cloud\.microsoft))$/,
      );
    }
  });

  it('sends nosniff, a referrer policy and HSTS on API answers and errors alike', async () => {
    for (const path of ['/healthz', '/api/units', '/nowhere']) {
      const response = await fetch(`${url}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors/);
    }
  });

  it('refuses a body over the size limit with 413 before the bot sees it', async () => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(600 * 1024) }),
    });
    expect(response.status).toBe(413);
  });
});

describe('logs at start-up', () => {
  it('log the configuration without the bot password or the storage connection string', () => {
    const output = server.output();
    expect(output).toContain('"msg":"starting Planpuls"');
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(accountKey);
    expect(output).not.toMatch(/AccountKey=|DefaultEndpointsProtocol=/);
    expect(output).toContain('[hemmelig]');
  });
});
