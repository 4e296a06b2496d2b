import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { SenderHeartbeat } from '../bot/delivery/sender-heartbeat.js';
import { SENDER_TENANT_WINDOWS } from '../bot/domain/delivery/rate-limits.js';
import { silentLogger } from '../bot/log/logger.js';
import { createTableOutbox } from '../bot/store/table-outbox.js';
import { createTableSenders } from '../bot/store/table-senders.js';
import type { Tables } from '../bot/store/table-service.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { peakPerWindow, startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { card, references } from './support/delivery.js';
import { freshTables } from './support/storage.js';
import { startTestServer } from './support/server.js';
import { proxyStorage, tablesThrough, type TcpProxy } from './support/tcp-proxy.js';

// Heartbeats run on this wall clock, moved by the tests; the limiters run on real time.
let wall: number;
const clock = { now: () => new Date(wall) };
let connector: LocalConnector;
let proxy: TcpProxy | undefined;

beforeEach(async () => {
  wall = Date.parse('2026-11-23T08:00:00Z');
  connector = await startLocalConnector();
});
afterEach(async () => {
  await connector.close();
  await proxy?.close();
  proxy = undefined;
});

function heartbeat(id: string, tables: Tables): SenderHeartbeat {
  return new SenderHeartbeat({ id, directory: createTableSenders(tables), clock, logger: silentLogger });
}

function sender(
  tables: Tables,
  share: SenderHeartbeat,
  more: Partial<ConstructorParameters<typeof OutboxSender>[0]> = {},
) {
  return new OutboxSender({
    queue: createTableOutbox(tables, { now: () => new Date() }),
    connector: createBotConnector(),
    clock: { now: () => new Date() },
    logger: silentLogger,
    share,
    pollMs: 50,
    ...more,
  });
}

/** Tables on the same storage, reached through a proxy the test can cut, without SDK retries. */
async function tablesBehindProxy(connectionString: string, prefix: string): Promise<Tables> {
  proxy = await proxyStorage(connectionString);
  return tablesThrough(proxy, prefix);
}

/** a starts alone, b joins; both heartbeat until each counts two senders. */
async function joinBoth(a: SenderHeartbeat, b: SenderHeartbeat): Promise<void> {
  await a.beat();
  wall += 1_000;
  expect(a.current()).toBe(1);
  await b.beat();
  expect(b.current()).toBe(0); // a has not seen b yet
  wall += 10_000;
  await a.beat();
  expect(a.current()).toBe(2);
  await b.beat();
  expect(b.current()).toBe(0); // a's sends at the whole budget are still in the tenant's window
  wall += 1_000;
  expect(b.current()).toBe(2);
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('senders sharing Teams’ per-tenant budget through a heartbeat table on real Azurite', () => {
  it('two senders sharing storage both see two live peers and each allows itself half the budget', async () => {
    const { tables } = freshTables();
    const [a, b] = [heartbeat('instance-a', tables), heartbeat('instance-b', tables)];
    await joinBoth(a, b);
    expect((await createTableSenders(tables).list()).map((row) => row.id).sort()).toEqual([
      'instance-a',
      'instance-b',
    ]);

    // A tenant limit of 10/s for the test, so two senders at their whole budget would break it.
    const tenantWindows = [{ limit: 10, perMs: 1_000 }];
    const outbox = createTableOutbox(tables, { now: () => new Date() });
    const targets = references(connector.url, 40);
    await outbox.enqueue({ id: 'delt-budsjett', activity: card('Hei alle') }, targets);
    // Each sender's calls as it makes them (the real connector behind), to count per window.
    const real = createBotConnector();
    const calls: number[][] = [[], []];
    const senders = [a, b].map((share, i) =>
      sender(tables, share, {
        tenantWindows,
        batchSize: 4,
        connector: {
          ...real,
          post: (reference, activity) => {
            calls[i]!.push(performance.now());
            return real.post(reference, activity);
          },
        },
      }),
    );
    senders.forEach((s) => s.start());
    await until(async () => (await outbox.deliveries('delt-budsjett')).every((d) => d.state === 'sent'));
    await Promise.all(senders.map((s) => s.stop()));

    expect([...connector.received.values()].map((list) => list.length)).toEqual(targets.map(() => 1));
    for (const list of calls) expect(list.length).toBeGreaterThan(0);
    // Sliding 1 s windows, less 10 ms for the step from the limiter to the call.
    expect(peakPerWindow(calls.flat(), 990)).toBeLessThanOrEqual(10);
    for (const s of senders) expect(s.tenantShare()).toEqual([{ limit: 5, perMs: 1_000 }]);
  });

  it('after one stops heartbeating, the other gets the whole budget back once the row is 30 s old', async () => {
    const { tables } = freshTables();
    const [a, b] = [heartbeat('instance-a', tables), heartbeat('instance-b', tables)];
    await joinBoth(a, b);
    // b goes quiet (a crash: its row stays).
    wall += 10_000;
    await a.beat();
    wall += 10_000;
    await a.beat();
    expect(a.current()).toBe(2);
    wall += 10_000;
    await a.beat(); // b's row is now 31 s old
    expect(a.current()).toBe(2); // b's last sends may still be in the tenant's window
    wall += 1_000;
    expect(a.current()).toBe(1);

    const outbox = createTableOutbox(tables, { now: () => new Date() });
    await outbox.enqueue({ id: 'alene', activity: card('Hei') }, references(connector.url, 3));
    const alone = sender(tables, a);
    await alone.drainOnce();
    expect(alone.tenantShare()).toEqual(SENDER_TENANT_WINDOWS);
    expect(connector.stats.accepted).toBe(3);
  });

  it('a sender that stops removes its row, so the other gets the whole budget at its next heartbeat', async () => {
    const { tables } = freshTables();
    const [a, b] = [heartbeat('instance-a', tables), heartbeat('instance-b', tables)];
    await joinBoth(a, b);
    await b.stop();
    expect((await createTableSenders(tables).list()).map((row) => row.id)).toEqual(['instance-a']);
    wall += 10_000;
    await a.beat();
    wall += 1_000;
    expect(a.current()).toBe(1);
  });

  it('a sender whose heartbeat write fails keeps sending with the share it had, and stops before its peers count it dead', async () => {
    const { tables, prefix, connectionString } = freshTables();
    const a = heartbeat('instance-a', await tablesBehindProxy(connectionString, prefix));
    const b = heartbeat('instance-b', tables);
    await joinBoth(a, b);
    const lastWritten = wall - 1_000;

    proxy!.cut();
    wall += 10_000;
    await a.beat();
    await b.beat();
    expect(a.current()).toBe(2);
    // The outbox itself still answers: a keeps sending at half the budget.
    const outbox = createTableOutbox(tables, { now: () => new Date() });
    await outbox.enqueue({ id: 'under-feil', activity: card('Hei') }, references(connector.url, 3));
    const halfSender = sender(tables, a);
    await halfSender.drainOnce();
    expect(halfSender.tenantShare()).toEqual([
      { limit: 23, perMs: 1_000 },
      { limit: 6, perMs: 250 },
    ]);
    expect(connector.stats.accepted).toBe(3);

    wall = lastWritten + 20_000;
    await b.beat();
    expect(a.current()).toBe(2);
    wall += 1;
    expect(a.current()).toBe(0); // b counts a dead at 30 s; a stops sending first

    wall = lastWritten + 30_000;
    await b.beat();
    wall += 1_000;
    expect(b.current()).toBe(1);

    // Storage comes back: a joins anew and waits for b to see it.
    proxy!.restore();
    await a.beat();
    expect(a.current()).toBe(0);
    wall += 2_000;
    await b.beat();
    expect(b.current()).toBe(2);
    await a.beat();
    wall += 1_000;
    expect(a.current()).toBe(2);
  });

  it('two app instances on one storage each heartbeat a row while they deliver, and remove it when closed', async () => {
    const { tables } = freshTables();
    const first = await startTestServer(tables);
    const second = await startTestServer(tables);
    const directory = createTableSenders(tables);
    await until(async () => (await directory.list()).length === 2);
    await first.app.close();
    expect(await directory.list()).toHaveLength(1);
    await second.app.close();
    expect(await directory.list()).toHaveLength(0);
  });
});
