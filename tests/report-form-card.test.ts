import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { ADMIN, appWithPlan } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';
import { planFixture, planYaml } from './support/plan-fixture.js';

// Campaign 2020-H2 of the fixture plan: opens tuesday 1 December 2020, due 15 December.
const time = { now: new Date('2020-12-01T08:00:00Z') };
const clock = { now: () => time.now };
const at = (iso: string) => (time.now = new Date(iso));

const RITA = '00000000-0000-0000-0000-0000000000e1';
const MESSAGE = `rapport-2020-H2-leknes-skole-${RITA}`;
const FORM = '/api/reports/2020-H2/units/leknes-skole/form';
let app: App;
let url: string;

beforeAll(async () => {
  app = await appWithPlan(clock);
  await importPlan({ plans: app.plans, clock }, planYaml(planFixture()));
  await app.people.save({
    aadObjectId: RITA,
    name: 'Rita Rektor',
    roles: ['enhetsleder'],
    leads: ['leknes-skole'],
    networks: [],
    coordinates: [],
  });
  await app.registry.record({
    conversationId: `a:chat-${RITA}`,
    kind: 'personal',
    userAadObjectId: RITA,
    reference: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: `a:chat-${RITA}`, conversationType: 'personal' },
      bot: { id: '28:planpuls' },
      user: { id: `29:${RITA}`, aadObjectId: RITA },
    },
  });
  url = await app.listen();
  expect((await tab(ADMIN, '/api/reports/campaigns', 'POST', { id: '2020-H2' })).status).toBe(201);
});
afterAll(async () => app.close());

function tab(user: string, path: string, method = 'GET', body?: unknown) {
  return fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'accept-language': 'nb', [DEV_USER_HEADER]: user },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The request card in Rita's chat, as the outbox holds it after revisions. */
async function postedCard(): Promise<Record<string, any>> {
  const card = ((await app.outbox.message(MESSAGE))?.activity.attachments as any[])[0].content;
  expect(checkCard(card).problems).toEqual([]);
  return card;
}

/** The data of a card's button by its verb (what Teams sends back with the inputs). */
function buttonData(card: Record<string, any>, verb: string): Record<string, unknown> {
  const found = JSON.stringify(card).match(/"verb":"[^"]+"/g) ?? [];
  expect(found).toContain(`"verb":"${verb}"`);
  const search = (node: any): any =>
    Array.isArray(node)
      ? node.map(search).find(Boolean)
      : node && typeof node === 'object'
        ? node.verb === verb
          ? node.data
          : Object.values(node).map(search).find(Boolean)
        : undefined;
  return search(card);
}

/** The values a card's inputs show, by id, as Teams sends them with a press. */
function inputValues(card: Record<string, any>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (node: any) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.id)
        values[node.id] = node.value ?? '';
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return values;
}

/** A real `adaptiveCard/action` invoke from Rita's personal chat, through the whole bot. */
async function press(data: Record<string, unknown>): Promise<{ card: any; text: string }> {
  const activity = JSON.parse(
    readFileSync(new URL('./payloads/card-action-invoke.json', import.meta.url), 'utf8'),
  );
  activity.from = { id: `29:${RITA}`, name: 'Rita Rektor', aadObjectId: RITA };
  activity.conversation = {
    conversationType: 'personal',
    tenantId: activity.conversation.tenantId,
    id: `a:chat-${RITA}`,
  };
  delete activity.channelData.channel;
  delete activity.channelData.team;
  activity.value = { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' };
  const adapter = new TestAdapter(async () => {});
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  const response = adapter.activeQueue.splice(0).find((a) => a.type === 'invokeResponse');
  const body = (response?.value as { status: number; body: Record<string, any> }).body;
  expect(body.statusCode).toBe(200);
  expect(checkCard(body.value).problems).toEqual([]);
  return { card: body.value, text: JSON.stringify(body.value) };
}

const complete = {
  kartlegging: 'Kartlagt i fanen med elevundersøkelsen.',
  analyse: 'Mobbing skjer mest i friminuttene.',
  mal: 'Alle elever opplever et trygt skolemiljø.',
  actions: [{ text: 'Flere voksne ute i friminuttene.', deadline: '2021-03-01', status: 'pågår' }],
  signs: { 'ledelse-01': { answer: 'delvis', comment: 'Skrevet i fanen.' } },
  tidsressurser: 'To timer i uka for plangruppa.',
};

describe('one report, filled in the tab and on the card', () => {
  it('a draft saved in the tab fills the form card in her chat, with its version', async () => {
    const saved = await tab(RITA, FORM, 'PUT', {
      action: 'draft',
      version: 0,
      planVersion: 0,
      kartlegging: 'Påbegynt i fanen.',
    });
    expect(saved.status).toBe(200);
    at('2020-12-01T08:01:00Z');
    await app.tick();
    const card = await postedCard();
    expect(inputValues(card).kartlegging).toBe('Påbegynt i fanen.');
    expect(buttonData(card, 'rapport-send').version).toBe(1);
  });

  it('a submit in the tab turns her card into the summary with the tab’s answers', async () => {
    const saved = await tab(RITA, FORM, 'PUT', { action: 'submit', version: 1, planVersion: 0, ...complete });
    expect(saved.status).toBe(200);
    at('2020-12-01T08:02:00Z');
    await app.tick();
    const text = JSON.stringify(await postedCard());
    expect(text).toContain('Sendt inn av Rita Rektor');
    expect(text).toContain('Kartlagt i fanen med elevundersøkelsen.');
    expect(text).toContain('Skrevet i fanen.');
  });

  it('a change submitted on the card shows in the tab’s form, with when and by whom', async () => {
    at('2020-12-02T12:00:00Z');
    const editing = await press({
      verb: 'rapport-endre',
      ...buttonData(await postedCard(), 'rapport-endre'),
    });
    const send = buttonData(editing.card, 'rapport-send');
    const changed = await press({
      ...inputValues(editing.card),
      ...send,
      verb: 'rapport-send',
      kartlegging: 'Endret i kortet etter samtale med elevrådet.',
    });
    expect(changed.text).toContain('Sendt inn av Rita Rektor');
    const form = await (await tab(RITA, FORM)).json();
    expect(form.content.kartlegging).toBe('Endret i kortet etter samtale med elevrådet.');
    expect(form.content.signs['ledelse-01']).toEqual({ answer: 'delvis', comment: 'Skrevet i fanen.' });
    expect(form.version).toBe(3);
    expect(form.notes.status).toBe(
      'Sendt inn tirsdag 1. desember 2020 kl. 09:01, endret onsdag 2. desember 2020 kl. 13:00 av Rita Rektor.',
    );
  });

  it('a tab form opened before the card’s change is refused with who changed it when', async () => {
    const stale = await tab(RITA, FORM, 'PUT', { action: 'submit', version: 2, planVersion: 1, ...complete });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toContain(
      'Rita Rektor endret rapporten onsdag 2. desember 2020 kl. 13:00, etter at du åpnet den.',
    );
  });

  it('a card form opened before the tab’s change is refused the same way', async () => {
    at('2020-12-02T13:00:00Z');
    const editing = await press({ verb: 'rapport-endre', campaignId: '2020-H2', unitId: 'leknes-skole' });
    const form = await (await tab(RITA, FORM)).json();
    at('2020-12-02T13:20:00Z');
    const saved = await tab(RITA, FORM, 'PUT', {
      action: 'submit',
      version: form.version,
      planVersion: form.planVersion,
      ...form.content,
      fritekst: 'Lagt til i fanen.',
    });
    expect(saved.status).toBe(200);
    const refused = await press({
      ...inputValues(editing.card),
      ...buttonData(editing.card, 'rapport-send'),
      verb: 'rapport-send',
      fritekst: 'Skrevet i kortet.',
    });
    expect(refused.text).toContain('Rita Rektor endret rapporten onsdag 2. desember 2020 kl. 14:20');
    // … and the form it gives back is the tab's latest version.
    expect(inputValues(refused.card).fritekst).toBe('Lagt til i fanen.');
  });
});
