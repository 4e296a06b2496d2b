import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { LOCAL_PLAN_LIMITS } from '../bot/domain/reports/local-plan.js';
import { ADMIN, appWithPlan, COORDINATOR, MEMBER } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';

// The fixture plan (school year 2020–2021) with one school, Leknes skole; campaign 2020-H2.
const time = { now: new Date('2020-12-01T08:00:00Z') };
const clock = { now: () => time.now };
const LEADER = '00000000-0000-0000-0000-0000000000c1';
const DEPUTY = '00000000-0000-0000-0000-0000000000c2';
const OTHER_LEADER = '00000000-0000-0000-0000-0000000000c3';
const UNIT = 'leknes-skole';
let app: App;
let url: string;

beforeAll(async () => {
  app = await appWithPlan(clock);
  const leader = (aadObjectId: string, name: string, leads: string[]) =>
    app.people.save({ aadObjectId, name, roles: ['enhetsleder'], leads, networks: [], coordinates: [] });
  await leader(LEADER, 'Rektor Lund', [UNIT]);
  await leader(DEPUTY, 'Inspektør Moe', [UNIT]);
  await leader(OTHER_LEADER, 'Styrer Berg', ['annen-enhet']);
  await app.registry.record({
    conversationId: `a:chat-${LEADER}`,
    kind: 'personal',
    userAadObjectId: LEADER,
    reference: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: `a:chat-${LEADER}`, conversationType: 'personal' },
      bot: { id: '28:planpuls' },
      user: { id: `29:${LEADER}`, aadObjectId: LEADER },
    },
  });
  url = await app.listen();
});
afterAll(async () => app.close());

const call = (
  user: string,
  path: string,
  method = 'GET',
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: user, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const PLAN = `/api/units/${UNIT}/local-plan`;

const plan = {
  kartlegging: 'Elevundersøkelsen høsten 2020.',
  analyse: 'Uro i overgangene mellom timene.',
  mal: 'Rolige overganger.',
  actions: [
    {
      text: 'Faste rutiner ved timestart.',
      deadline: '2021-01-15',
      status: 'pågår',
      responsible: 'Team 5–7',
    },
    { text: 'Voksne i gangen.', deadline: '2021-02-01', status: 'ikke-startet' },
  ],
};

/** A real `adaptiveCard/action` invoke from the leader's personal chat, through the whole bot. */
async function invoke(user: string, data: Record<string, unknown>): Promise<{ card: any; text: string }> {
  const activity = JSON.parse(
    readFileSync(new URL('./payloads/card-action-invoke.json', import.meta.url), 'utf8'),
  );
  activity.from = { id: `29:${user}`, name: 'Leder', aadObjectId: user };
  activity.conversation = {
    conversationType: 'personal',
    tenantId: activity.conversation.tenantId,
    id: `a:chat-${user}`,
  };
  delete activity.channelData.channel;
  delete activity.channelData.team;
  activity.value.action = { type: 'Action.Execute', verb: data.verb, data };
  const adapter = new TestAdapter(async () => {});
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  const response = adapter.activeQueue.splice(0).find((a) => a.type === 'invokeResponse');
  const body = (response?.value as { body: Record<string, any> }).body;
  const card = body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
  if (card) {
    const { problems, bytes } = checkCard(card);
    expect(problems).toEqual([]);
    expect(bytes).toBeLessThan(80 * 1024);
  }
  return { card, text: JSON.stringify(body.value) };
}

/** The values of a form card's inputs, and its submit action's data: what Teams would send back. */
function filledIn(card: any, verb: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (items: any[]) => {
    for (const item of items ?? []) {
      if (typeof item.type === 'string' && item.type.startsWith('Input.')) values[item.id] = item.value ?? '';
      walk(item.items);
      for (const column of item.columns ?? []) walk(column.items);
    }
  };
  walk(card.body);
  const action = card.actions.find((a: any) => a.verb === verb);
  return { ...values, ...action.data };
}

describe('a unit’s local plan through the tab API, against real Azurite', () => {
  it('starts empty at version 0 for the unit’s leaders, admins and coordinators, and not for others', async () => {
    const response = await call(LEADER, PLAN);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"0"');
    expect(await response.json()).toMatchObject({
      plan: { unitId: UNIT, version: 0, actions: [] },
      mayEdit: true,
    });
    expect(((await (await call(COORDINATOR, PLAN)).json()) as any).mayEdit).toBe(false);
    expect(((await (await call(ADMIN, PLAN)).json()) as any).mayEdit).toBe(true);
    const member = await call(MEMBER, PLAN);
    expect(member.status).toBe(403);
    expect(((await member.json()) as any).error.message).toContain('Bare enhetens ledere');
    expect((await call(LEADER, '/api/units/finnes-ikke/local-plan')).status).toBe(404);
  });

  it('refuses a version of a plan that was never saved without naming a saver', async () => {
    const response = await call(LEADER, PLAN, 'PUT', plan, { 'if-match': '"3"' });
    expect(response.status).toBe(409);
    expect(((await response.json()) as any).error.message).toBe(
      'Versjonen av den lokale planen du åpnet, er ikke den som er lagret nå. Ingenting er lagret; last planen på nytt og gjør endringen der.',
    );
    expect(await app.reports.localPlans.get(UNIT)).toBeUndefined();
  });

  it('lets a leader save version 1 with If-Match, giving each action an id', async () => {
    const response = await call(LEADER, PLAN, 'PUT', plan, { 'if-match': '"0"' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    const saved = (await app.reports.localPlans.get(UNIT))!;
    expect(saved).toMatchObject({
      version: 1,
      savedBy: LEADER,
      savedByName: 'Rektor Lund',
      source: { kind: 'tab' },
    });
    expect(saved.actions.map((a) => [a.id, a.text, a.status])).toEqual([
      ['h1', 'Faste rutiner ved timestart.', 'pågår'],
      ['h2', 'Voksne i gangen.', 'ikke-startet'],
    ]);
    expect(saved.actions[0]!.responsible).toBe('Team 5–7');
  });

  it('refuses a stale version with 409 and a Norwegian message naming who saved, storing nothing', async () => {
    const response = await call(DEPUTY, PLAN, 'PUT', { ...plan, mal: 'Gammel' }, { 'if-match': '"0"' });
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as any;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Rektor Lund lagret den lokale planen');
    expect(error.message).toContain('Ingenting er lagret');
    expect((await app.reports.localPlans.get(UNIT))?.mal).toBe('Rolige overganger.');
    expect(await app.reports.localPlans.history(UNIT)).toHaveLength(1);
  });

  it('lets one of two leaders saving the same version at once win; the other gets 409', async () => {
    // As the tab sends it: the plan as read, with its action ids.
    const { actions } = (await app.reports.localPlans.get(UNIT))!;
    const [a, b] = await Promise.all([
      call(LEADER, PLAN, 'PUT', { ...plan, actions, version: 1, mal: 'Fra Lund' }),
      call(DEPUTY, PLAN, 'PUT', { ...plan, actions, version: 1, mal: 'Fra Moe' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'Fra Lund' : 'Fra Moe';
    expect(await app.reports.localPlans.get(UNIT)).toMatchObject({ version: 2, mal: winner });
    expect(await app.reports.localPlans.history(UNIT)).toHaveLength(2);
  });

  it('keeps action ids across saves and never reuses an id, whatever ids the client sends', async () => {
    const current = (await app.reports.localPlans.get(UNIT))!;
    const response = await call(ADMIN, PLAN, 'PUT', {
      ...plan,
      version: current.version,
      actions: [
        { ...plan.actions[1], id: 'h2', status: 'fullført' },
        { text: 'Ny handling.', deadline: '2021-03-01', status: 'ikke-startet', id: 'h99' },
      ],
    });
    expect(response.status).toBe(200);
    const saved = (await app.reports.localPlans.get(UNIT))!;
    expect(saved.actions.map((a) => [a.id, a.status])).toEqual([
      ['h2', 'fullført'],
      ['h3', 'ikke-startet'],
    ]);
  });

  it('refuses bad input with every problem in Norwegian, and stores nothing', async () => {
    const version = (await app.reports.localPlans.get(UNIT))!.version;
    const bad = await call(LEADER, PLAN, 'PUT', {
      version,
      kartlegging: 'x'.repeat(LOCAL_PLAN_LIMITS.text + 1),
      analyse: '',
      mal: '',
      actions: [
        { text: 'Uten frist', deadline: '', status: 'pågår' },
        { text: 'Rar dato', deadline: '1. mars', status: 'kanskje' },
      ],
    });
    expect(bad.status).toBe(400);
    const message = ((await bad.json()) as any).error.message as string;
    expect(message).toContain('«Kartlegging» er for lang (2001 tegn, høyst 2000).');
    expect(message).toContain('«Frist for handling 1» må fylles ut.');
    expect(message).toContain('«Frist for handling 2» må være en dato (ÅÅÅÅ-MM-DD).');
    expect(message).toContain('«Status for handling 2» må være ikke startet, pågår eller fullført.');
    const many = await call(LEADER, PLAN, 'PUT', {
      ...plan,
      version,
      actions: Array.from({ length: LOCAL_PLAN_LIMITS.actions + 1 }, () => plan.actions[0]),
    });
    expect(((await many.json()) as any).error.message).toContain('høyst 10 handlinger');
    expect((await call(LEADER, PLAN, 'PUT', plan)).status).toBe(400); // no version
    expect((await app.reports.localPlans.get(UNIT))?.version).toBe(version);
  });

  it('refuses writes by coordinators, members and leaders of other units', async () => {
    const version = (await app.reports.localPlans.get(UNIT))!.version;
    for (const user of [COORDINATOR, MEMBER, OTHER_LEADER]) {
      const response = await call(user, PLAN, 'PUT', { ...plan, version });
      expect(response.status).toBe(403);
    }
    expect((await app.reports.localPlans.get(UNIT))?.version).toBe(version);
  });

  it('keeps every version in the history', async () => {
    const response = await call(COORDINATOR, `${PLAN}/history`);
    const { history } = (await response.json()) as any;
    expect(history.map((p: any) => [p.version, p.savedBy])).toEqual([
      [1, LEADER],
      [2, history[1].savedBy],
      [3, ADMIN],
    ]);
    expect((await call(MEMBER, `${PLAN}/history`)).status).toBe(403);
  });
});

describe('the half-year report as a dated snapshot of the local plan', () => {
  let form: any;

  it('pre-fills the request card from the unit’s current local plan, with blank action rows', async () => {
    const opened = await call(ADMIN, '/api/reports/campaigns', 'POST', { id: '2020-H2' });
    expect(opened.status).toBe(201);
    const message = await app.outbox.message(`rapport-2020-H2-${UNIT}-${LEADER}`);
    form = (message?.activity.attachments as any[])[0].content;
    expect(checkCard(form).problems).toEqual([]);
    const data = filledIn(form, 'rapport-send');
    expect(data).toMatchObject({
      planVersion: 3,
      handlingIds: ['h2', 'h3', '', '', ''],
      kartlegging: plan.kartlegging,
      handling_1: 'Voksne i gangen.',
      handlingStatus_1: 'fullført',
      handlingFrist_2: '2021-03-01',
      handling_3: '',
    });
    expect(JSON.stringify(form)).toContain('hentet fra enhetens gjeldende plan (versjon 3)');
  });

  it('refuses a submit from a form made before the plan changed, and stores neither report nor plan', async () => {
    const { actions } = (await app.reports.localPlans.get(UNIT))!;
    const saved = await call(DEPUTY, PLAN, 'PUT', { ...plan, actions, version: 3, mal: 'Endret i fanen.' });
    expect(saved.status).toBe(200);
    const data = { ...filledIn(form, 'rapport-send'), 'tegn_ledelse-01': 'ja', tidsressurser: 'To timer.' };
    const { text } = await invoke(LEADER, data);
    expect(text).toContain('Inspektør Moe endret enhetens lokale plan');
    expect(text).toContain('Ingenting er lagret');
    expect(await app.reports.reports.get('2020-H2', UNIT)).toBeUndefined();
    expect((await app.reports.localPlans.get(UNIT))?.version).toBe(4);
    // The answer is the form again, now with the plan as it is.
    expect(text).toContain('Endret i fanen.');
  });

  it('stores the submitted report as a snapshot and updates the local plan in the same write', async () => {
    const { card } = await invoke(LEADER, { verb: 'rapport-endre', campaignId: '2020-H2', unitId: UNIT });
    const data: Record<string, unknown> = {
      ...filledIn(card, 'rapport-send'),
      'tegn_ledelse-01': 'delvis',
      tidsressurser: 'To timer i uka.',
      handling_1: '', // removes «Voksne i gangen.»
      handling_3: 'Elevråd med i planen.',
      handlingFrist_3: '2021-04-01',
      handlingStatus_3: 'ikke-startet',
    };
    expect(data.planVersion).toBe(4);
    const { text } = await invoke(LEADER, data);
    expect(text).toContain('Sendt inn av Rektor Lund');
    expect(text).toContain('Elevråd med i planen.');
    const report = (await app.reports.reports.get('2020-H2', UNIT))!;
    const local = (await app.reports.localPlans.get(UNIT))!;
    expect(report).toMatchObject({ status: 'sendt', version: 1, planVersion: 5 });
    expect(local).toMatchObject({
      version: 5,
      mal: 'Endret i fanen.',
      source: { kind: 'rapport', campaignId: '2020-H2' },
    });
    expect(local.actions.map((a) => [a.id, a.text])).toEqual([
      ['h3', 'Ny handling.'],
      ['h4', 'Elevråd med i planen.'],
    ]);
    expect(report.content.actions).toEqual(local.actions);
    expect((await app.reports.localPlans.history(UNIT)).map((p) => p.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a later change of the plan in the tab leaves the submitted snapshot as it was', async () => {
    const response = await call(LEADER, PLAN, 'PUT', { ...plan, version: 5, actions: [] });
    expect(response.status).toBe(200);
    const report = (await app.reports.reports.get('2020-H2', UNIT))!;
    expect(report.content.actions.map((a) => a.text)).toEqual(['Ny handling.', 'Elevråd med i planen.']);
  });
});
