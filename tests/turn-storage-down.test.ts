import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { silentLogger } from '../bot/log/logger.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { freshTables, uniquePrefix } from './support/storage.js';
import { proxyStorage, tablesThrough, type TcpProxy } from './support/tcp-proxy.js';

// The real server in local mode (unsigned Bot Framework calls on loopback), its storage behind a
// TCP proxy the test cuts, as a network fault would.
let app: App;
let url: string;
let proxy: TcpProxy;
let connector: LocalConnector;

function payload(name: string): Record<string, unknown> {
  const activity = JSON.parse(readFileSync(new URL(`./payloads/${name}.json`, import.meta.url), 'utf8'));
  return { ...activity, serviceUrl: connector.url };
}

function post(activity: Record<string, unknown>) {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

beforeAll(async () => {
  connector = await startLocalConnector();
  proxy = await proxyStorage(freshTables().connectionString);
  app = createApp({
    config: loadConfig({ PORT: '0' }),
    logger: silentLogger,
    clock: { now: () => new Date('2026-11-23T08:00:00Z') },
    tables: tablesThrough(proxy, uniquePrefix()),
    deliver: false,
  });
  url = await app.listen();
});
afterAll(async () => {
  await app?.close();
  await proxy?.close();
  await connector?.close();
});

describe('a turn while storage is out of reach', () => {
  it('answers a card press with a note under the card, in Norwegian, saying storage is out of reach', async () => {
    // The control: with storage reachable the same press gets its answer.
    const control = await post(payload('card-action-invoke'));
    expect(control.status).toBe(200);
    proxy.cut();
    try {
      const response = await post(payload('card-action-invoke'));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Planpuls når ikke lagringen sin akkurat nå. Prøv igjen om litt.',
      });
    } finally {
      proxy.restore();
    }
  });

  it('answers a chat message with the same words in the chat', async () => {
    const conversation = 'a:1demo-personal-conversation';
    connector.received.delete(conversation);
    proxy.cut();
    try {
      expect((await post(payload('personal-message'))).status).toBe(200);
    } finally {
      proxy.restore();
    }
    const said = (connector.received.get(conversation) ?? []).map(
      (r) => (r.activity as { text?: string }).text,
    );
    expect(said).toEqual(['Planpuls når ikke lagringen sin akkurat nå. Prøv igjen om litt.']);
  });
});
