import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { silentLogger } from '../bot/log/logger.js';
import { BoundedCache } from '../bot/platform/bounded-cache.js';
import { createTableOutbox, type CachedMessage } from '../bot/store/table-outbox.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { card, references } from './support/delivery.js';
import { freshTables } from './support/storage.js';

const clock = { now: () => new Date() };
let connector: LocalConnector;

beforeEach(async () => {
  connector = await startLocalConnector();
});
afterEach(() => connector.close());

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 25_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('what the outbox and the sender keep in memory stays bounded', () => {
  it('keeps at most its bound of messages, however many it has read', async () => {
    const cache = new BoundedCache<string, CachedMessage>(5);
    const outbox = createTableOutbox(freshTables().tables, clock, { messageCache: cache });
    const [ref] = references(connector.url, 1);
    for (let i = 0; i < 20; i++) {
      await outbox.enqueue({ id: `m${i}`, activity: card(`Melding ${i}`) }, [ref!]);
      expect((await outbox.freshMessage(`m${i}`, 1))?.version).toBe(1);
    }
    expect(cache.size).toBe(5);
    // The recent ones are served from it.
    expect(cache.get('m19')?.message.id).toBe('m19');
    expect(cache.get('m0')).toBeUndefined();
  });

  it('forgets the limiters of conversations it no longer sends to while it stays busy', async () => {
    const outbox = createTableOutbox(freshTables().tables, clock);
    const sender = new OutboxSender({
      queue: outbox,
      connector: createBotConnector(),
      clock,
      logger: silentLogger,
      pollMs: 20,
      tenantWindows: [{ limit: 1000, perMs: 1000 }],
      // A short window, so a conversation's limiter is idle 100 ms after its last send.
      conversationWindows: [{ limit: 1, perMs: 100 }],
      limiterSweepMs: 50,
    });
    const many = references(connector.url, 30, 0, 'many');
    const busy = references(connector.url, 1, 0, 'busy')[0]!;
    // One conversation with a backlog (one send per 100 ms) keeps the sender busy for 3 s, while
    // 30 others get one message each at once.
    for (let i = 0; i < 30; i++)
      await outbox.enqueue({ id: `busy-${i}`, activity: card(`Melding ${i}`) }, [busy]);
    await outbox.enqueue({ id: 'to-many', activity: card('Til mange') }, many);
    let peak = 0;
    const stats = () => {
      const now = sender.memoryStats();
      peak = Math.max(peak, now.limiters);
      return now;
    };
    sender.start();
    try {
      await until(() => stats().limiters >= 10);
      await until(() => {
        const now = stats();
        return now.limiters <= 1 && now.buffered + now.inFlight > 0;
      }, 2_000);
      expect(peak).toBeGreaterThanOrEqual(10);
    } finally {
      await sender.stop();
    }
  });
});
