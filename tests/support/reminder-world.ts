import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { expect } from 'vitest';
import type { App } from '../../bot/app.js';
import { OutboxSender } from '../../bot/delivery/outbox-sender.js';
import { silentLogger } from '../../bot/log/logger.js';
import { createBotConnector } from '../../bot/teams/bot-connector.js';
import { importPlan } from '../../bot/use-cases/import-plan.js';
import { appWithPlan, FEATURES_WITHOUT_DIGEST, MEMBER } from './app.js';
import { FEATURES } from '../../bot/app.js';
import { freshTables } from './storage.js';

/** The KULG network's channel and the member's personal chat in a {@link reminderWorld}. */
export const KULG_CHANNEL = '19:kulg@thread.tacv2';
export const MEMBER_CHAT = 'a:member-chat';

/**
 * An app on fresh storage with a clock that stays at `start` until `at` moves it, the fixture
 * plan (then `planYaml`, when given, imported over it), the KULG channel linked and a KULG
 * member with a personal chat, both reached through `serviceUrl`. `drain` sends all that is queued.
 * Without `digest`, the app has no weekly digest (its Monday job would add to the ticks' counts).
 */
export async function reminderWorld(
  serviceUrl: string,
  start: string,
  planYaml?: string,
  options: { digest?: boolean } = {},
) {
  const time = { now: new Date(start) };
  const clock = { now: () => time.now };
  const { tables } = freshTables();
  const app = await appWithPlan(clock, tables, options.digest ? FEATURES : FEATURES_WITHOUT_DIGEST);
  if (planYaml !== undefined) await importPlan({ plans: app.plans, clock }, planYaml);
  const ref = (id: string, type: string) => ({
    channelId: 'msteams',
    serviceUrl,
    conversation: { id, conversationType: type },
    bot: { id: '28:planpuls' },
  });
  await app.registry.record({
    conversationId: KULG_CHANNEL,
    kind: 'channel',
    reference: ref(KULG_CHANNEL, 'channel'),
    teamId: 't',
    channelName: 'KULG',
  });
  await app.registry.record({
    conversationId: MEMBER_CHAT,
    kind: 'personal',
    reference: ref(MEMBER_CHAT, 'personal'),
    userAadObjectId: MEMBER,
  });
  await app.links.add({
    target: { kind: 'programme', id: 'kulg' },
    conversationId: KULG_CHANNEL,
    linkedBy: 'x',
    linkedAt: start,
  });
  await app.people.save({
    aadObjectId: MEMBER,
    name: 'Medlem',
    roles: ['medlem'],
    leads: [],
    networks: ['kulg'],
    coordinates: [],
  });
  const sender = new OutboxSender({
    queue: app.outbox,
    connector: createBotConnector(),
    clock,
    logger: silentLogger,
  });
  const drain = async () => {
    while ((await sender.drainOnce()) > 0);
  };
  return { app, tables, clock, drain, at: (iso: string) => (time.now = new Date(iso)) };
}

export type CardAction = { type: string; title: string; verb?: string; data?: Record<string, unknown> };
export type ActionCard = Record<string, unknown> & { actions: CardAction[] };

/**
 * A card's button pressed by `user`, as Teams sends an Action.Execute: a real
 * `adaptiveCard/action` invoke through the bot. Answers with the card or the message it replied.
 */
export async function pressCard(
  app: App,
  serviceUrl: string,
  user: string,
  action: CardAction,
): Promise<{ card?: ActionCard; message?: string }> {
  const activity = JSON.parse(
    readFileSync(new URL('../payloads/card-action-invoke.json', import.meta.url), 'utf8'),
  );
  activity.serviceUrl = serviceUrl;
  activity.from.aadObjectId = user;
  activity.value.action = { type: action.type, title: action.title, verb: action.verb, data: action.data };
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  const [response] = adapter.activeQueue.splice(0);
  expect(response?.type).toBe('invokeResponse');
  const body = (response!.value as { body: { type: string; value: unknown } }).body;
  return body.type === 'application/vnd.microsoft.card.adaptive'
    ? { card: body.value as ActionCard }
    : { message: String(body.value) };
}
