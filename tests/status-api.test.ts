import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { silentLogger } from '../bot/log/logger.js';
import type { StatusOverview, UnitStatusRow } from '../bot/use-cases/status/unit-status-overview.js';
import type { SignMatrix } from '../bot/use-cases/status/sign-matrix.js';
import { ADMIN } from './support/app.js';
import { seedStatusWorld, STATUS_PEOPLE, statusPlan } from './support/status-world.js';
import { planYaml } from './support/plan-fixture.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import type { GoalProgressView } from '../bot/use-cases/status/goal-progress.js';
import { freshTables } from './support/storage.js';

// Campaign 2020-H2 of the fixture plan: opens 1 December 2020, due the 15th.
const time = { now: new Date('2020-12-01T08:00:00Z') };
const clock = { now: () => time.now };
let app: App;
let url: string;

beforeAll(async () => {
  app = createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
    logger: silentLogger,
    clock,
    tables: freshTables().tables,
    deliver: false,
  });
  url = await app.listen();
  await seedStatusWorld(app, url);
});
afterAll(async () => app.close());

const get = async (user: string, path: string, language = 'nb') =>
  fetch(`${url}${path}`, { headers: { [DEV_USER_HEADER]: user, 'accept-language': language } });
const overview = async (user: string) => {
  const response = await get(user, '/api/status');
  expect(response.status).toBe(200);
  return (await response.json()) as StatusOverview;
};
const row = (o: StatusOverview, unitId: string) => o.units.find((u) => u.unitId === unitId) as UnitStatusRow;

describe('GET /api/status, the units’ status at a glance, against real Azurite', () => {
  it('shows the kommunalsjef every unit with its leaders, local plan, actions, campaign state, signs and reach', async () => {
    time.now = new Date('2020-12-10T08:00:00Z');
    const o = await overview(ADMIN);
    expect(o.today).toBe('2020-12-10');
    expect(o.campaign).toMatchObject({ id: '2020-H2', deadline: '2020-12-15' });
    expect(o.previousCampaignId).toBe('2020-H1');
    expect(o.units.map((u) => u.name)).toEqual([
      'Ballstad skole',
      'Gravdal barnehage',
      'Leknes skole',
      'Lilleeng barnehage',
      'PPT Vest-Lofoten',
    ]);
    expect(row(o, 'leknes-skole')).toMatchObject({
      type: 'skole',
      leaders: ['Rektor Lund'],
      // Written by the submit of 2020-H2 (version 1 came with the spring report).
      localPlan: { version: 2, savedBy: 'Rektor Lund', savedAt: '2020-12-01T08:00:00.000Z' },
      actions: { 'ikke-startet': 0, pågår: 1, fullført: 0, overdue: 0 },
      campaign: { state: 'submitted', date: '2020-12-01T08:00:00.000Z', submittedLate: false },
      signs: {
        campaignId: '2020-H2',
        counts: { ja: 1, delvis: 2, nei: 0, unanswered: 0 },
        change: { ja: 1, delvis: 1, nei: -2 },
        previousCampaignId: '2020-H1',
      },
      reach: { reachable: true, by: 'chat' },
    });
    expect(row(o, 'ballstad-skole')).toMatchObject({
      leaders: ['Rektor Berg'],
      localPlan: { version: 1, savedBy: 'Rektor Berg' },
      // «Lesekurs» was due 20 November and is not done; the done one from October is not overdue.
      actions: { 'ikke-startet': 1, pågår: 1, fullført: 1, overdue: 1 },
      campaign: { state: 'draft', date: '2020-12-01T08:00:00.000Z' },
      signs: null,
      reach: { reachable: true, by: 'chat' },
    });
    expect(row(o, 'gravdal-barnehage')).toMatchObject({
      localPlan: null,
      actions: { 'ikke-startet': 0, pågår: 0, fullført: 0, overdue: 0 },
      campaign: { state: 'asked', date: '2020-12-15' },
      reach: { reachable: true, by: 'channel' },
    });
    expect(row(o, 'lilleeng-barnehage')).toMatchObject({
      campaign: { state: 'not-asked', date: null },
      reach: { reachable: false, reason: 'no-chat', leaders: ['Styrer Eik'] },
    });
    expect(row(o, 'ppt')).toMatchObject({
      leaders: [],
      campaign: { state: 'not-asked' },
      reach: { reachable: false, reason: 'no-leader', leaders: [] },
    });
  });

  it('turns what is not submitted by the deadline late, by the plan clock in Oslo', async () => {
    // 23:30 UTC on the 15th is already the 16th in Oslo.
    time.now = new Date('2020-12-15T23:30:00Z');
    const o = await overview(ADMIN);
    expect(o.today).toBe('2020-12-16');
    expect(row(o, 'ballstad-skole').campaign).toEqual({
      state: 'late',
      date: '2020-12-15',
      submittedLate: false,
      draftSavedAt: '2020-12-01T08:00:00.000Z',
    });
    expect(row(o, 'gravdal-barnehage').campaign).toMatchObject({ state: 'late', date: '2020-12-15' });
    expect(row(o, 'leknes-skole').campaign).toMatchObject({ state: 'submitted' });
    // Never asked stays never asked: the unit could not be reached.
    expect(row(o, 'lilleeng-barnehage').campaign).toMatchObject({ state: 'not-asked' });
  });

  it('shows a coordinator the units of the programmes she coordinates', async () => {
    const o = await overview(STATUS_PEOPLE.coordinator);
    expect(o.units.map((u) => u.unitId)).toEqual(['gravdal-barnehage', 'lilleeng-barnehage']);
  });

  it('shows a unit leader her own unit', async () => {
    const o = await overview(STATUS_PEOPLE.ballstad);
    expect(o.units.map((u) => [u.unitId, u.mine])).toEqual([['ballstad-skole', true]]);
  });

  it('refuses a member in her language, Norwegian unless she asks for English', async () => {
    const nb = await get(STATUS_PEOPLE.member, '/api/status');
    expect(nb.status).toBe(403);
    expect(await nb.json()).toEqual({
      error: {
        code: 'FORBIDDEN',
        message:
          'Statusoversikten er for kommunalsjefen, koordinatorer og enhetsledere. Spør kommunalsjefen om du trenger tilgang.',
        details: [{ code: 'STATUS_FORBIDDEN', params: {} }],
      },
    });
    const en = await get(STATUS_PEOPLE.member, '/api/status', 'en-GB,en;q=0.9');
    expect(en.status).toBe(403);
    expect(((await en.json()) as any).error.message).toBe(
      'The status overview is for the kommunalsjef, coordinators and unit leaders. Ask the kommunalsjef if you need access.',
    );
    const nobody = await fetch(`${url}/api/status`, { headers: { 'accept-language': 'en' } });
    expect(nobody.status).toBe(401);
    expect(((await nobody.json()) as any).error.message).toBe('You must be signed in.');
  });
});

describe('GET /api/status/signs, the sign matrix’s answers', () => {
  it('gives the current period’s submitted answers with the previous period’s beside them, never a draft', async () => {
    const response = await get(STATUS_PEOPLE.member, '/api/status/signs');
    expect(response.status).toBe(200);
    const matrix = (await response.json()) as SignMatrix;
    expect(matrix).toMatchObject({ periods: ['2020-H2', '2020-H1'], period: '2020-H2', previous: '2020-H1' });
    expect(matrix.units).toEqual([
      {
        unitId: 'leknes-skole',
        answers: { 'ledelse-01': 'ja', 'laering-01': 'delvis', 'laering-02': 'delvis' },
        previous: { 'ledelse-01': 'nei', 'laering-01': 'nei', 'laering-02': 'delvis' },
      },
    ]);
  });

  it('gives an earlier period when asked, and says an unknown one is unknown', async () => {
    const earlier = (await (await get(ADMIN, '/api/status/signs?period=2020-H1')).json()) as SignMatrix;
    expect(earlier).toMatchObject({ period: '2020-H1', previous: null });
    expect(earlier.units[0]?.answers['ledelse-01']).toBe('nei');
    const unknown = await get(ADMIN, '/api/status/signs?period=2019-H1', 'en');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.message).toBe(
      'There is no half-year report for the period «2019-H1».',
    );
  });
});

describe('GET /api/status/goals, the signs under each of the plan’s goals', () => {
  it('counts the submitted answers to the signs of pictures whose theme serves the goal, with the period before', async () => {
    time.now = new Date('2020-12-10T08:00:00Z');
    // The same plan in format 2: a goal, the first theme serving it, the Læringsmiljø picture in that theme.
    const plan = statusPlan();
    plan.version = 2;
    plan.goals = [{ id: 'mal-1', text: 'Alle barn lærer og trives.', source: 'Utviklingsplan' }];
    plan.themes[0].servesGoals = ['mal-1'];
    plan.futurePictures.find((p: { id: string }) => p.id === 'laering').theme = plan.themes[0].id;
    await importPlan({ plans: app.plans, clock }, planYaml(plan));
    const response = await get(ADMIN, '/api/status/goals');
    expect(response.status).toBe(200);
    const view = (await response.json()) as GoalProgressView;
    expect(view).toMatchObject({ period: '2020-H2', previousPeriod: '2020-H1' });
    // Leknes submitted both periods; Ballstad's draft does not count.
    expect(view.goals[0]!.signs).toEqual([
      {
        signId: 'laering-01',
        text: 'Alle barn blir sett hver dag.',
        pictureId: 'laering',
        now: { ja: 0, delvis: 1, nei: 0 },
        before: { ja: 0, delvis: 0, nei: 1 },
      },
      {
        signId: 'laering-02',
        text: 'Vi bruker kartleggingen i planleggingen.',
        pictureId: 'laering',
        now: { ja: 0, delvis: 1, nei: 0 },
        before: { ja: 0, delvis: 1, nei: 0 },
      },
    ]);
  });
});
