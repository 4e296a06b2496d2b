import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageTooLargeError } from '../bot/domain/errors.js';
import { OutboxSender, type OutboxSenderOptions } from '../bot/delivery/outbox-sender.js';
import { silentLogger } from '../bot/log/logger.js';
import { createTableOutbox } from '../bot/store/table-outbox.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { card, references } from './support/delivery.js';
import { freshTables } from './support/storage.js';

const clock = { now: () => new Date() };
const fastRetries = { maxAttempts: 6, baseMs: 50, maxMs: 400 };
let connector: LocalConnector;

beforeEach(async () => {
  connector = await startLocalConnector();
});
afterEach(() => connector.close());

function setup(overrides: Partial<OutboxSenderOptions> = {}) {
  const { tables } = freshTables();
  const outbox = createTableOutbox(tables, clock);
  // The real botbuilder adapter, in local mode (no credentials), calling the local connector.
  const sender = (more: Partial<OutboxSenderOptions> = {}) =>
    new OutboxSender({
      queue: outbox,
      connector: createBotConnector(),
      clock,
      logger: silentLogger,
      policy: fastRetries,
      pollMs: 50,
      leaseMs: 3_000,
      ...overrides,
      ...more,
    });
  return { outbox, sender };
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 25_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function postsPerConversation(): number[] {
  return [...connector.received.values()].map((list) => list.length);
}

describe('outbox and sender against real Azurite and a local connector', () => {
  it('delivers a card queued for 50 conversations exactly once through faults and a restart', async () => {
    connector.faults = { serverErrorRate: 0.2, slowRate: 0.1, slowMs: 300 };
    const { outbox, sender } = setup();
    const refs = references(connector.url, 30, 20);
    await outbox.enqueue({ id: 'broadcast-1', activity: card('Hei alle') }, refs);
    await outbox.enqueue({ id: 'broadcast-1', activity: card('Hei alle') }, refs); // repeated: no new rows

    const first = sender();
    first.start();
    await until(() => connector.stats.accepted >= 15);
    await first.stop(); // a restart in the middle of the drain
    const second = sender();
    second.start();
    await until(async () => (await outbox.deliveries('broadcast-1')).every((d) => d.state === 'sent'));
    await second.stop();

    expect(connector.received.size).toBe(50);
    expect(postsPerConversation().every((n) => n === 1)).toBe(true);
    expect(connector.stats.serverErrors).toBeGreaterThan(0);
    const deliveries = await outbox.deliveries('broadcast-1');
    expect(deliveries).toHaveLength(50);
    for (const d of deliveries) {
      expect(d.activityId).toBe(connector.received.get(d.conversationId)![0]!.activityId);
    }
  });

  it('rides out a 429 storm, waiting for Retry-After, and loses nothing', async () => {
    connector.faults = { stormUntil: Date.now() + 1500, stormRetryAfterS: 1 };
    const { outbox, sender } = setup();
    await outbox.enqueue({ id: 'storm', activity: card('Storm') }, references(connector.url, 10));
    const s = sender();
    s.start();
    await until(async () => (await outbox.deliveries('storm')).every((d) => d.state === 'sent'));
    await s.stop();
    expect(connector.stats.throttled).toBeGreaterThan(0);
    expect(postsPerConversation()).toEqual(Array(10).fill(1));
  });

  it('never sends the same card twice when two instances drain at once', async () => {
    const { outbox, sender } = setup();
    await outbox.enqueue({ id: 'race', activity: card('Race') }, references(connector.url, 40));
    const [a, b] = [sender(), sender()];
    a.start();
    b.start();
    await until(async () => (await outbox.deliveries('race')).every((d) => d.state === 'sent'));
    await Promise.all([a.stop(), b.stop()]);
    expect(postsPerConversation()).toEqual(Array(40).fill(1));
  });

  it('resends after a crash between post and bookkeeping only what was in flight', async () => {
    const { outbox, sender } = setup();
    await outbox.enqueue({ id: 'crash', activity: card('Krasj') }, references(connector.url, 10));
    // An instance that dies after posting but before recording: its settle never lands.
    const dying = sender({
      queue: { ...outbox, settle: () => Promise.reject(new Error('killed')) },
      leaseMs: 500,
    });
    await dying.drainOnce();
    const inFlight = connector.stats.accepted;
    const survivor = sender();
    survivor.start();
    await until(async () => (await outbox.deliveries('crash')).every((d) => d.state === 'sent'));
    await survivor.stop();
    const duplicates = postsPerConversation().reduce((sum, n) => sum + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(inFlight);
    expect(connector.received.size).toBe(10);
  });

  it('marks a conversation where the app is not installed, without retrying', async () => {
    const { outbox, sender } = setup();
    const refs = references(connector.url, 3);
    connector.uninstalled.add(refs[1]!.conversation.id);
    await outbox.enqueue({ id: 'partly', activity: card('Delvis') }, refs);
    const s = sender();
    s.start();
    await until(async () => (await outbox.deliveries('partly')).every((d) => d.state !== 'queued'));
    await s.stop();
    const states = (await outbox.deliveries('partly')).map((d) => [d.conversationId, d.state, d.lastError]);
    expect(states).toContainEqual([
      refs[1]!.conversation.id,
      'not-installed',
      '403 BotNotInConversationRoster',
    ]);
    expect(connector.stats.forbidden).toBe(1);
  });

  it('dead-letters with the reason after the last attempt', async () => {
    connector.faults = { serverErrorRate: 1 };
    const { outbox, sender } = setup({ policy: { maxAttempts: 3, baseMs: 20, maxMs: 50 } });
    await outbox.enqueue({ id: 'doomed', activity: card('Nei') }, references(connector.url, 1));
    const s = sender();
    s.start();
    await until(async () => (await outbox.deliveries('doomed'))[0]?.state === 'failed');
    await s.stop();
    const [delivery] = await outbox.deliveries('doomed');
    expect(delivery).toMatchObject({ state: 'failed', attempts: 3 });
    expect(delivery?.lastError).toMatch(/^50[234] ServiceError$/);
  });

  it('updates posted cards in place and deletes them when withdrawn', async () => {
    const { outbox, sender } = setup();
    await outbox.enqueue({ id: 'count', activity: card('0 av 3 har lest') }, references(connector.url, 3));
    const s = sender();
    s.start();
    await until(async () => (await outbox.deliveries('count')).every((d) => d.state === 'sent'));
    await outbox.revise('count', card('1 av 3 har lest'));
    await outbox.revise('count', card('2 av 3 har lest'));
    await until(async () => (await outbox.deliveries('count')).every((d) => d.deliveredVersion === 3));
    for (const [entry] of connector.received.values()) {
      expect(JSON.stringify(entry!.versions.at(-1))).toContain('2 av 3 har lest');
    }
    await outbox.withdraw('count');
    await until(async () => (await outbox.deliveries('count')).every((d) => d.state === 'deleted'));
    await s.stop();
    expect([...connector.received.values()].every(([entry]) => entry!.deleted)).toBe(true);
    expect(postsPerConversation()).toEqual([1, 1, 1]);
  });

  it('cancels copies that were not posted yet', async () => {
    const { outbox } = setup();
    await outbox.enqueue(
      { id: 'later', activity: card('Senere'), sendAt: new Date(Date.now() + 3_600_000) },
      references(connector.url, 2),
    );
    await outbox.withdraw('later');
    const s = new OutboxSender({
      queue: outbox,
      connector: {
        post: () => Promise.reject(new Error('must not post')),
        update: () => Promise.reject(new Error('no')),
        delete: () => Promise.reject(new Error('no')),
      },
      clock,
      logger: silentLogger,
    });
    expect(await s.drainOnce()).toBe(2);
    expect((await outbox.deliveries('later')).map((d) => d.state)).toEqual(['cancelled', 'cancelled']);
  });

  it('refuses a message over 80 KB before anything is written', async () => {
    const { outbox } = setup();
    await expect(
      outbox.enqueue({ id: 'huge', activity: card('Stor', 81 * 1024) }, references(connector.url, 1)),
    ).rejects.toThrow(MessageTooLargeError);
    expect(await outbox.message('huge')).toBeUndefined();
    expect(await outbox.deliveries('huge')).toEqual([]);
  });
});
