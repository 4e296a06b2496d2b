import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { reviseRequests } from '../bot/use-cases/reports/report-actions.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { ADMIN, appWithPlan } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';
import { planFixture, planYaml } from './support/plan-fixture.js';

// Campaign 2020-H2 of the fixture plan: opens 1 December 2020, due 15 December.
const time = { now: new Date('2020-12-01T08:00:05Z') };
const clock = { now: () => time.now };
const at = (iso: string) => (time.now = new Date(iso));

const RITA = '00000000-0000-0000-0000-0000000000e1';
const MESSAGE = `rapport-2020-H2-leknes-skole-${RITA}`;
let app: App;

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
  const url = await app.listen();
  const opened = await fetch(`${url}/api/reports/campaigns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
    body: JSON.stringify({ id: '2020-H2' }),
  });
  expect(opened.status).toBe(201);
});
afterAll(async () => app.close());

/** A real `adaptiveCard/action` invoke from Rita's personal chat, through the whole bot. */
async function invoke(data: Record<string, unknown>, trigger: 'manual' | 'automatic' = 'manual') {
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
  activity.value = { action: { type: 'Action.Execute', verb: data.verb, data }, trigger };
  const adapter = new TestAdapter(async () => {});
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  const response = adapter.activeQueue.splice(0).find((a) => a.type === 'invokeResponse');
  const body = (response?.value as { status: number; body: Record<string, any> }).body;
  expect(body.statusCode).toBe(200);
  const card = body.value as Record<string, any>;
  expect(checkCard(card).problems).toEqual([]);
  return { card, text: JSON.stringify(card), verbs: (card.actions ?? []).map((a: any) => a.verb) };
}

const complete = {
  campaignId: '2020-H2',
  unitId: 'leknes-skole',
  planVersion: 0,
  kartlegging: 'Elevundersøkelsen og observasjon i klasserommet.',
  analyse: 'Mobbing skjer mest i friminuttene.',
  mal: 'Alle elever opplever et trygt skolemiljø.',
  handlingIds: ['', '', ''],
  handling_1: 'Flere voksne ute i friminuttene.',
  handlingFrist_1: '2021-03-01',
  handlingStatus_1: 'pågår',
  'tegn_ledelse-01': 'ja',
  tidsressurser: 'To timer i uka for plangruppa.',
  fritekst: '',
};
const ids = { campaignId: '2020-H2', unitId: 'leknes-skole' };
const posted = async () => app.outbox.message(MESSAGE);

describe('a leader’s open «Endre» form and the background update of her report card', () => {
  it('keeps the form she opened after submitting when the scheduler ticks at the next minute', async () => {
    const sent = await invoke({ verb: 'rapport-send', version: 0, ...complete });
    expect(sent.text).toContain('Sendt inn av Rita Rektor');
    const before = (await posted())?.version;

    at('2020-12-01T08:00:20Z');
    const form = await invoke({ verb: 'rapport-endre', ...ids });
    expect(form.text).toContain('Input.Text');
    // The form says the report is in, and how to keep it as it is.
    expect(form.text).toContain('Rapporten er sendt inn. Endre det du vil');
    expect(form.text).not.toContain('Fyll ut rapporten og send den inn');

    at('2020-12-01T08:01:00Z');
    await app.tick();
    // Nothing replaces the card in her chat while the form is open …
    expect((await posted())?.version).toBe(before);
    // (… for 12 hours at most: a form left open on a closed laptop does not hold it for ever.)
    expect((await app.jobs.get('rapport-revider-holdt:2020-H2:leknes-skole'))?.dueAt.toISOString()).toBe(
      '2020-12-01T20:00:20.000Z',
    );
    // … and when Teams refreshes it for her (opening the chat), she gets her form back.
    const refresh = await invoke({ verb: 'rapport-vis', ...ids }, 'automatic');
    expect(refresh.text).toContain('Input.Text');
    // Both offer a way out of the form without saving.
    expect(form.verbs).toEqual(['rapport-send', 'rapport-avbryt']);
    expect(refresh.verbs).toEqual(['rapport-send', 'rapport-avbryt']);
  });

  it('keeps a refused save’s reason through a refresh and the next tick', async () => {
    const refused = await invoke({
      verb: 'rapport-send',
      version: 1,
      ...complete,
      planVersion: 1,
      handlingIds: ['', '', ''],
      handling_2: 'Ny handling uten frist',
      analyse: 'Endret analyse',
    });
    expect(refused.text).toContain('«Frist for handling 2» må fylles ut.');
    const before = (await posted())?.version;
    at('2020-12-01T08:02:00Z');
    await app.tick();
    expect((await posted())?.version).toBe(before);
    const refresh = await invoke({ verb: 'rapport-vis', ...ids }, 'automatic');
    expect(refresh.text).toContain('«Frist for handling 2» må fylles ut.');
    expect(refresh.text).toContain('Endret analyse');
  });

  it('«Avbryt» returns her summary with «Endre», and then her chat catches up with it', async () => {
    const cancelled = await invoke({ verb: 'rapport-avbryt', ...ids });
    expect(cancelled.text).toContain('Sendt inn av Rita Rektor');
    expect(cancelled.verbs).toEqual(['rapport-endre']);
    at('2020-12-01T08:03:00Z');
    await app.tick();
    const card = ((await posted())?.activity.attachments as any[])[0].content;
    expect(JSON.stringify(card)).toContain('Sendt inn av Rita Rektor');
    // Her own chat is hers alone: its card offers «Endre» without waiting for a refresh.
    expect(card.actions.map((a: any) => a.verb)).toEqual(['rapport-endre']);
    const refresh = await invoke({ verb: 'rapport-vis', ...ids }, 'automatic');
    expect(refresh.verbs).toEqual(['rapport-endre']);
  });

  it('does not revise a card that already shows the latest summary', async () => {
    const before = (await posted())?.version;
    const campaign = (await app.reports.campaigns.get('2020-H2'))!;
    const plan = (await app.plans.load(campaign.planKey))!.plan;
    const unit = plan.units.find((u) => u.id === 'leknes-skole')!;
    await reviseRequests(app.reports, {
      campaign,
      plan,
      unit,
      report: await app.reports.reports.get('2020-H2', 'leknes-skole'),
      localPlan: await app.reports.localPlans.get('leknes-skole'),
      closed: false,
    });
    expect((await posted())?.version).toBe(before);
  });

  it('lets a form left open for more than 12 hours go, so her card shows the summary again', async () => {
    at('2020-12-01T08:04:00Z');
    expect((await invoke({ verb: 'rapport-endre', ...ids })).text).toContain('Input.Text');
    at('2020-12-01T20:05:00Z');
    const refresh = await invoke({ verb: 'rapport-vis', ...ids }, 'automatic');
    expect(refresh.verbs).toEqual(['rapport-endre']);
  });
});
