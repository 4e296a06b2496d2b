import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { silentLogger } from '../bot/log/logger.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { ADMIN, appWithPlan, COORDINATOR, MEMBER, installChannel } from './support/app.js';
import { card } from './support/delivery.js';
import { parseTargetKey } from '../bot/domain/links/link.js';

let app: App;
let url: string;
let connector: LocalConnector;
const CHANNEL = '19:kulg@thread.tacv2';

beforeAll(async () => {
  connector = await startLocalConnector();
  app = await appWithPlan();
  url = await app.listen();
  await installChannel(app, CHANNEL, connector.url);
});
afterAll(async () => {
  await app.close();
  await connector.close();
});

const as = (user?: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { 'content-type': 'application/json', ...(user ? { [DEV_USER_HEADER]: user } : {}) },
});

describe('the link API for the tab', () => {
  it('answers 401 without an identity', async () => {
    expect((await fetch(`${url}/api/links`, as())).status).toBe(401);
  });

  it('answers 403 to a member, in Norwegian', async () => {
    const response = await fetch(`${url}/api/installations`, as(MEMBER));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^Beklager, bare kommunalsjefen/,
    );
  });

  it('lists installations with readable names for an admin', async () => {
    const response = await fetch(`${url}/api/installations`, as(ADMIN));
    expect(response.status).toBe(200);
    const { installations } = (await response.json()) as { installations: Record<string, unknown>[] };
    expect(installations).toEqual([
      expect.objectContaining({ conversationId: CHANNEL, name: 'Oppvekst › KULG', status: 'active' }),
    ]);
  });

  it('lets a coordinator link a channel and unlink it again', async () => {
    const created = await fetch(
      `${url}/api/links`,
      as(COORDINATOR, {
        method: 'POST',
        body: JSON.stringify({ target: 'programme:kulg', conversationId: CHANNEL }),
      }),
    );
    expect(created.status).toBe(201);
    const listed = (await (await fetch(`${url}/api/links`, as(COORDINATOR))).json()) as {
      links: { target: string }[];
      options: unknown[];
    };
    expect(listed.links.map((l) => l.target)).toEqual(['programme:kulg']);
    expect(listed.options).toHaveLength(3);
    const removed = await fetch(
      `${url}/api/links?target=programme:kulg&conversationId=${encodeURIComponent(CHANNEL)}`,
      as(COORDINATOR, { method: 'DELETE' }),
    );
    expect(removed.status).toBe(200);
    expect(await app.links.all()).toEqual([]);
  });

  it('names who linked a channel, never by id', async () => {
    // The configured admin is not in the people list; Teams gave her name in her personal chat.
    await app.registry.record({
      conversationId: 'a:kommunalsjef',
      kind: 'personal',
      userAadObjectId: ADMIN,
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: 'a:kommunalsjef', conversationType: 'personal' },
        bot: { id: '28:planpuls' },
        user: { id: '29:kari', name: 'Kari Kommunalsjef', aadObjectId: ADMIN },
      },
    });
    for (const [user, target] of [
      [COORDINATOR, 'programme:kulg'],
      [ADMIN, 'unit:leknes-skole'],
    ] as const) {
      const created = await fetch(
        `${url}/api/links`,
        as(user, { method: 'POST', body: JSON.stringify({ target, conversationId: CHANNEL }) }),
      );
      expect(created.status).toBe(201);
    }
    const { links } = (await (await fetch(`${url}/api/links`, as(ADMIN))).json()) as {
      links: { target: string; linkedByName: string | null }[];
    };
    expect(links.map((l) => [l.target, l.linkedByName]).sort()).toEqual([
      ['programme:kulg', 'Koordinator'],
      ['unit:leknes-skole', 'Kari Kommunalsjef'],
    ]);
    for (const l of links) await app.links.remove(parseTargetKey(l.target)!, CHANNEL);
  });

  it('refuses a target that is not in the plan and a conversation the bot is not in', async () => {
    const badTarget = await fetch(
      `${url}/api/links`,
      as(ADMIN, {
        method: 'POST',
        body: JSON.stringify({ target: 'unit:atlantis', conversationId: CHANNEL }),
      }),
    );
    expect(badTarget.status).toBe(400);
    const badPlace = await fetch(
      `${url}/api/links`,
      as(ADMIN, {
        method: 'POST',
        body: JSON.stringify({ target: 'programme:kulg', conversationId: '19:nowhere' }),
      }),
    );
    expect(badPlace.status).toBe(404);
    expect(await app.links.all()).toEqual([]);
  });
});

describe('a 403 from Teams', () => {
  it('marks the installation stale', async () => {
    connector.uninstalled.add(CHANNEL);
    const target = await app.registry.get(CHANNEL);
    await app.outbox.enqueue({ id: 'stale-check', activity: card('Hei') }, [target!.reference]);
    const sender = new OutboxSender({
      queue: app.outbox,
      connector: createBotConnector(),
      clock: { now: () => new Date('2026-11-23T08:00:00Z') }, // the app's clock
      logger: silentLogger,
      onNotInstalled: (id, reason) => app.registry.markStale(id, reason),
    });
    expect(await sender.drainOnce()).toBe(1);
    expect(await app.registry.get(CHANNEL)).toMatchObject({
      status: 'stale',
      staleReason: 'Teams svarte 403 BotNotInConversationRoster',
    });
  });
});
