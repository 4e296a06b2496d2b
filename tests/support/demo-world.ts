import { readFile, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { TestAdapter, type Activity } from 'botbuilder';
import { expect } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { OutboxSender } from '../../bot/delivery/outbox-sender.js';
import { devClockRoutes } from '../../bot/http/routes/dev-clock.js';
import { silentLogger } from '../../bot/log/logger.js';
import { createOffsetClock } from '../../bot/platform/offset-clock.js';
import { createBotConnector } from '../../bot/teams/bot-connector.js';
import { ensureDemoPeople } from '../../bot/use-cases/ensure-demo-people.js';
import { ensureDemoPlan } from '../../bot/use-cases/ensure-demo-plan.js';
import { freshTables } from './storage.js';

const read = promisify(readFile);

/** Demo users (data/demo/people.yaml) with the Teams ids their Playground clients act as. */
export const KARI = { aad: '00000000-0000-0000-0000-0000000000a1', mri: '29:1-kari-kommunalsjef' };
export const RITA = { aad: '00000000-0000-0000-0000-0000000000a3', mri: '29:1-rita-rektor' };
export const MONA = { aad: '00000000-0000-0000-0000-0000000000a5', mri: '29:1-mona-medlem' };
export type DemoUser = typeof KARI;

/** The demo team's KULG channel, as `npm run playground` names it. */
export const DEMO_CHANNEL = 'channel-kulg';

/**
 * What `npm start` does in local mode on empty storage, at a real time of `realStart`: the demo
 * plan rolled to that school year, the demo people, the dev clock (an offset over the real clock)
 * with its HTTP route, listening on a free port. The KULG channel is installed (reached through
 * `serviceUrl`) and linked to `networks`. `passes` moves real time (nothing ticks meanwhile);
 * `drain` sends what is queued.
 */
export async function demoWorld(serviceUrl: string, realStart: string, networks: readonly string[]) {
  const real = { now: new Date(realStart) };
  const realClock = { now: () => real.now };
  const clock = createOffsetClock(realClock);
  const { tables } = freshTables();
  const app = createApp({
    config: loadConfig({ PORT: '0' }),
    logger: silentLogger,
    clock,
    realClock,
    tables,
    deliver: false,
  });
  devClockRoutes(app.server, { logger: silentLogger, clock, tick: app.tick });
  await ensureDemoPlan({
    plans: app.plans,
    clock,
    logger: silentLogger,
    timeZone: 'Europe/Oslo',
    readDemoPlan: () => read(new URL('../../data/plans/vestvagoy-2020-2021.yaml', import.meta.url), 'utf8'),
  });
  await ensureDemoPeople({
    people: app.people,
    logger: silentLogger,
    readDemoPeople: () => read(new URL('../../data/demo/people.yaml', import.meta.url), 'utf8'),
  });
  await app.registry.record({
    conversationId: DEMO_CHANNEL,
    kind: 'channel',
    teamId: 'team-oppvekst',
    teamName: 'Oppvekst',
    channelName: 'KULG',
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: DEMO_CHANNEL, conversationType: 'channel' },
      bot: { id: '28:planpuls' },
    },
  });
  for (const id of networks)
    await app.links.add({
      target: { kind: 'programme', id },
      conversationId: DEMO_CHANNEL,
      linkedBy: KARI.aad,
      linkedAt: realStart,
    });
  const sender = new OutboxSender({
    queue: app.outbox,
    connector: createBotConnector(),
    clock,
    logger: silentLogger,
  });
  const url = await app.listen();
  return {
    app,
    url,
    clock,
    drain: async () => {
      while ((await sender.drainOnce()) > 0);
    },
    passes: (ms: number) => (real.now = new Date(real.now.getTime() + ms)),
    /** `POST /api/dev/clock`, as the README's tour does with curl. */
    moveClock: async (body: Record<string, unknown>) => {
      const response = await fetch(`${url}/api/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { now: string; ran: number };
    },
  };
}

/**
 * An Action.Execute of a card as Teams sends it for `user` in `conversationId`: a press
 * (`trigger: manual`) or a refresh (`automatic`). Answers with the card or the message.
 */
export async function invokeCard(
  app: App,
  serviceUrl: string,
  user: DemoUser,
  conversationId: string,
  action: { verb: string; data: Record<string, unknown> },
  trigger: 'manual' | 'automatic' = 'manual',
): Promise<{ card?: Record<string, any>; message?: string }> {
  const activity = JSON.parse(
    readFileSync(new URL('../payloads/card-action-invoke.json', import.meta.url), 'utf8'),
  );
  activity.serviceUrl = serviceUrl;
  activity.from = { id: user.mri, aadObjectId: user.aad };
  activity.conversation.id = conversationId;
  activity.channelData.channel.id = conversationId;
  activity.value = { action: { type: 'Action.Execute', ...action }, trigger };
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  const [response] = adapter.activeQueue.splice(0);
  expect(response?.type).toBe('invokeResponse');
  const body = (response!.value as { body: { type: string; value: unknown } }).body;
  return body.type === 'application/vnd.microsoft.card.adaptive'
    ? { card: body.value as Record<string, any> }
    : { message: String(body.value) };
}

/** A typed message from `user` in a conversation (personal or a channel), and the bot's answer. */
export async function say(
  app: App,
  user: DemoUser,
  conversation: { id: string; type: 'personal' | 'channel' },
  text: string,
): Promise<string> {
  const message = JSON.parse(
    readFileSync(new URL('../payloads/personal-message.json', import.meta.url), 'utf8'),
  );
  message.from = { id: user.mri, aadObjectId: user.aad };
  message.conversation = {
    ...message.conversation,
    id: conversation.id,
    conversationType: conversation.type,
  };
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity({ ...message, text }, (context) => app.bot.run(context));
  return adapter.activeQueue.splice(0)[0]?.text ?? '';
}
