import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { ADMIN, appWithPlan, restartedApp } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';
import { freshTables } from './support/storage.js';

// Leknes skole has three leaders: two who use only the school's channel (no personal chat with
// the bot), and one with a personal chat. Campaign 2020-H2 of the fixture plan is due 15 December.
const ONLY_CHANNEL = '00000000-0000-0000-0000-0000000000d1';
const ALSO_CHANNEL = '00000000-0000-0000-0000-0000000000d2';
const WITH_CHAT = '00000000-0000-0000-0000-0000000000d3';
const CHANNEL = '19:leknes@thread.tacv2';
const REQUEST = 'rapport-2020-H2-leknes-skole-kanal';
const clock = { now: () => new Date('2020-12-02T08:00:00Z') };

const running: App[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

function reference(id: string, conversationType: string, user?: string) {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id, conversationType },
    bot: { id: '28:planpuls' },
    ...(user ? { user: { id: `29:${user}`, aadObjectId: user } } : {}),
  };
}

async function school(app: App) {
  for (const [aadObjectId, name] of [
    [ONLY_CHANNEL, 'Rektor Kanal'],
    [ALSO_CHANNEL, 'Inspektør Kanal'],
    [WITH_CHAT, 'Avdelingsleder Chat'],
  ] as const)
    await app.people.save({
      aadObjectId,
      name,
      roles: ['enhetsleder'],
      leads: ['leknes-skole'],
      networks: [],
      coordinates: [],
    });
  await app.registry.record({
    conversationId: `a:chat-${WITH_CHAT}`,
    kind: 'personal',
    userAadObjectId: WITH_CHAT,
    reference: reference(`a:chat-${WITH_CHAT}`, 'personal', WITH_CHAT),
  });
  await app.registry.record({
    conversationId: CHANNEL,
    kind: 'channel',
    teamId: '19:leknes-team@thread.tacv2',
    reference: reference(CHANNEL, 'channel'),
  });
  await app.links.add({
    target: { kind: 'unit', id: 'leknes-skole' },
    conversationId: CHANNEL,
    linkedBy: ADMIN,
    linkedAt: '',
  });
}

/** A real `adaptiveCard/action` invoke from the card posted in the school's channel. */
async function pressInChannel(app: App, user: string, data: Record<string, unknown>) {
  const activity = JSON.parse(
    readFileSync(new URL('./payloads/card-action-invoke.json', import.meta.url), 'utf8'),
  );
  activity.from = { id: `29:${user}`, name: 'Leder', aadObjectId: user };
  activity.conversation = { ...activity.conversation, id: `${CHANNEL};messageid=1606900000000` };
  activity.channelData.channel = { id: CHANNEL };
  activity.channelData.team = { id: '19:leknes-team@thread.tacv2' };
  activity.value = { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' };
  const adapter = new TestAdapter(async () => {});
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  const response = adapter.activeQueue.splice(0).find((a) => a.type === 'invokeResponse');
  const body = (response?.value as { body: Record<string, any> }).body;
  expect(body.statusCode).toBe(200);
  return body.value as Record<string, any>;
}

const form = (verb: string, version: number) => ({
  verb,
  campaignId: '2020-H2',
  unitId: 'leknes-skole',
  version,
  planVersion: 0,
  kartlegging: 'Elevundersøkelsen.',
  analyse: 'Mobbing i friminuttene.',
  mal: 'Et trygt skolemiljø.',
  handlingIds: [''],
  handling_1: 'Flere voksne ute.',
  handlingFrist_1: '2021-03-01',
  handlingStatus_1: 'pågår',
  'tegn_ledelse-01': 'ja',
  tidsressurser: 'To timer i uka.',
  fritekst: '',
});

describe('«Endre» on the shared summary for leaders who use only the unit’s channel', () => {
  it('goes to every leader whose Teams id an own press showed, across a restart, as well as to those with a personal chat', async () => {
    const { tables } = freshTables();
    const app = await appWithPlan(clock, tables);
    running.push(app);
    await school(app);
    const url = await app.listen();
    const opened = await fetch(`${url}/api/reports/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
      body: JSON.stringify({ id: '2020-H2' }),
    });
    expect(opened.status).toBe(201);
    const request = await app.outbox.message(REQUEST);
    expect(
      (request?.activity.entities as { mentioned: { id: string } }[]).map((e) => e.mentioned.id).sort(),
    ).toEqual([ONLY_CHANNEL, ALSO_CHANNEL]);

    // One channel leader saves a draft in the channel's card; then the app restarts.
    const draft = await pressInChannel(app, ALSO_CHANNEL, form('rapport-lagre', 0));
    expect(JSON.stringify(draft)).toContain('Utkastet er lagret');
    await app.close();
    running.length = 0;
    const restarted = restartedApp(clock, tables);
    running.push(restarted);

    // The other submits in the channel's card; the posted cards are revised on the next tick.
    const submitted = await pressInChannel(restarted, ONLY_CHANNEL, form('rapport-send', 1));
    expect(JSON.stringify(submitted)).toContain('Sendt inn av Rektor Kanal');
    expect(JSON.stringify(submitted)).toContain('rapport-endre');
    expect(await restarted.tick()).toBeGreaterThanOrEqual(1);
    const shared = ((await restarted.outbox.message(REQUEST))?.activity.attachments as { content: any }[])[0]!
      .content;
    expect(checkCard(shared).problems).toEqual([]);
    expect(JSON.stringify(shared)).toContain('Sendt inn av Rektor Kanal');
    expect(shared.refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'rapport-vis' });
    expect([...shared.refresh.userIds].sort()).toEqual(
      [`29:${ONLY_CHANNEL}`, `29:${ALSO_CHANNEL}`, `29:${WITH_CHAT}`].sort(),
    );
  });
});
