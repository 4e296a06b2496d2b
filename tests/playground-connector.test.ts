import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { silentLogger } from '../bot/log/logger.js';
import { freePort } from '../bot/store/embedded-azurite.js';
import { createTableOutbox } from '../bot/store/table-outbox.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { startPlayground } from '../tools/playground-process.js';
import { card } from './support/delivery.js';
import { freshTables } from './support/storage.js';

let playground: Awaited<ReturnType<typeof startPlayground>>;
beforeAll(async () => {
  // The bot endpoint is not needed for proactive messages; the Playground only calls it for user turns.
  playground = await startPlayground({
    port: await freePort(),
    botEndpoint: 'http://127.0.0.1:9/api/messages',
  });
}, 60_000);
afterAll(() => playground.stop());

describe("the Agents Playground's connector", () => {
  it('lists the channels of the demo team through the Teams API', async () => {
    const channels = await createBotConnector().channels(playground.connectorUrl, 'team-oppvekst');
    expect(channels).toEqual([{ id: 'team-oppvekst' }, { id: 'channel-kulg', name: 'KULG' }]);
  });

  it('receives a proactive card in a channel through the outbox, once, and takes its update', async () => {
    const clock = { now: () => new Date() };
    const outbox = createTableOutbox(freshTables().tables, clock);
    const reference = {
      channelId: 'msteams',
      serviceUrl: playground.connectorUrl,
      conversation: { id: 'channel-kulg', conversationType: 'channel', isGroup: true },
      bot: { id: '00000000-0000-0000-0000-00000000b070', name: 'Planpuls' },
    };
    await outbox.enqueue({ id: 'playground-card', activity: card('Påminnelse: KULG i morgen kl. 13.00') }, [
      reference,
      reference,
    ]);
    const sender = new OutboxSender({
      queue: outbox,
      connector: createBotConnector(),
      clock,
      logger: silentLogger,
    });
    expect(await sender.drainOnce()).toBe(1);
    const [delivery] = await outbox.deliveries('playground-card');
    expect(delivery).toMatchObject({ state: 'sent', deliveredVersion: 1 });
    expect(delivery!.activityId).toMatch(/^\d+$/);

    await outbox.revise(
      'playground-card',
      card('Påminnelse: KULG i morgen kl. 13.00 (flyttet til rådhuset)'),
    );
    await sender.drainOnce();
    expect((await outbox.deliveries('playground-card'))[0]).toMatchObject({
      state: 'sent',
      deliveredVersion: 2,
      lastError: '',
    });
  });

  it('counts a card with text that the Playground accepts without an id as sent once, never posted again', async () => {
    const clock = { now: () => new Date() };
    const outbox = createTableOutbox(freshTables().tables, clock);
    const reference = {
      channelId: 'msteams',
      serviceUrl: playground.connectorUrl,
      conversation: { id: 'channel-kulg', conversationType: 'channel', isGroup: true },
      bot: { id: '00000000-0000-0000-0000-00000000b070', name: 'Planpuls' },
    };
    // A reminder's shape: text beside the card (the Playground answers this 202 with no body).
    const activity = { ...card('Rapporten for Leknes skole venter'), text: 'Påminnelse: rapporten' };
    await outbox.enqueue({ id: 'playground-text-card', activity }, [reference]);
    const sender = new OutboxSender({
      queue: outbox,
      connector: createBotConnector(),
      clock,
      logger: silentLogger,
    });
    expect(await sender.drainOnce()).toBe(1);
    expect((await outbox.deliveries('playground-text-card'))[0]).toMatchObject({
      state: 'sent',
      lastError: '',
    });
    expect(await sender.drainOnce()).toBe(0);
    // It cannot be updated without its id; the revision is taken as done instead of failing for ever.
    await outbox.revise('playground-text-card', { ...activity, text: 'Påminnelse: fristen er flyttet' });
    await sender.drainOnce();
    expect((await outbox.deliveries('playground-text-card'))[0]).toMatchObject({
      state: 'sent',
      deliveredVersion: 2,
      lastError: '',
    });
  });
});
