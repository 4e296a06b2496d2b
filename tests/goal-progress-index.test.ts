import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import type { LocalPlan, LocalPlanAction } from '../bot/domain/reports/local-plan.js';
import { silentLogger } from '../bot/log/logger.js';
import { connectTables } from '../bot/store/table-service.js';
import { resolveAccess } from '../bot/use-cases/access.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { goalProgress } from '../bot/use-cases/status/goal-progress.js';
import { ADMIN } from './support/app.js';
import { goalProgressByScan } from './support/goal-progress-by-scan.js';
import { observedTables } from './support/observed-tables.js';
import { planYaml } from './support/plan-fixture.js';
import { seedStatusWorld, STATUS_PEOPLE, statusPlan } from './support/status-world.js';
import { freshTables } from './support/storage.js';

// Campaign 2020-H2 of the fixture plan opens 1 December 2020; the world is seeded then.
const time = { now: new Date('2020-12-01T08:00:00Z') };
const clock = { now: () => time.now };
const storage = freshTables();
/** Every call the app makes to the units' own table, while `counting`. */
let unitTableCalls: string[] = [];
let counting = false;
let app: App;

/** The fixture plan in format 2: three goals, themes serving them, the Læringsmiljø picture in theme 2. */
function goalPlan(tema2Serves: string[]) {
  const plan = statusPlan();
  plan.version = 2;
  plan.goals = [
    { id: 'mal-1', label: 'Mål 1', text: 'Alle barn lærer og trives.', source: 'Utviklingsplan' },
    { id: 'mal-2', label: 'Mål 2', text: 'Alle opplever mestring.', source: 'Utviklingsplan' },
    { id: 'mal-3', label: 'Mål 3', text: 'Alle har en trygg overgang.', source: 'Utviklingsplan' },
  ];
  plan.themes[0].servesGoals = ['mal-1'];
  plan.themes.push({ id: 'tema-2', number: 2, title: 'Læringsmiljø', servesGoals: tema2Serves });
  plan.futurePictures.find((p: { id: string }) => p.id === 'laering').theme = 'tema-2';
  return plan;
}

const action = (
  id: string,
  deadline: string,
  status: LocalPlanAction['status'],
  serves?: LocalPlanAction['serves'],
): LocalPlanAction => ({
  id,
  text: `Handling ${id}: «sitat», linjeskift\nog æøå`,
  deadline,
  status,
  ...(serves ? { serves } : {}),
});

/** A new version of a unit's local plan, saved as the tab saves it (the index written after). */
async function savePlan(unitId: string, actions: LocalPlanAction[]) {
  const previous = await app.reports.localPlans.get(unitId);
  const plan: LocalPlan = {
    unitId,
    version: (previous?.version ?? 0) + 1,
    kartlegging: 'Kartlagt.',
    analyse: 'Analysert.',
    mal: 'Målet.',
    actions,
    savedBy: STATUS_PEOPLE.leknes,
    savedByName: 'Rektor Lund',
    savedAt: time.now.toISOString(),
  };
  await app.reports.localPlans.save(plan, previous);
}

beforeAll(async () => {
  const tables = observedTables(storage.tables, (table, method) => {
    if (counting && table === 'unitplans') unitTableCalls.push(method);
  });
  app = createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
    logger: silentLogger,
    clock,
    tables,
    deliver: false,
  });
  await seedStatusWorld(app, await app.listen());
  await importPlan({ plans: app.plans, clock }, planYaml(goalPlan(['mal-1', 'mal-2'])));
  // Every way an action can serve: a goal, a theme of two goals, an unknown goal, nothing; done,
  // due, overdue, due today and without a deadline.
  await savePlan('leknes-skole', [
    action('h1', '2020-11-20', 'pågår', 'goal:mal-1'),
    action('h2', '2020-12-10', 'ikke-startet', 'theme:tema-2'),
    action('h3', '2020-10-01', 'fullført', 'goal:mal-2'),
    action('h4', '2021-03-01', 'pågår'),
  ]);
  await savePlan('gravdal-barnehage', [
    action('h1', '2020-12-01', 'ikke-startet', 'theme:tema-2'),
    action('h2', '', 'pågår', 'goal:mal-3'),
    action('h3', '2020-09-01', 'pågår', 'goal:mangler'),
  ]);
  await savePlan('lilleeng-barnehage', [action('h1', '2020-11-30', 'pågår', 'theme:tema-1')]);
  // A second version: only its actions count, as in the plan itself.
  await savePlan('gravdal-barnehage', [
    action('h1', '2020-12-01', 'fullført', 'theme:tema-2'),
    action('h2', '', 'pågår', 'goal:mal-3'),
    action('h5', '2020-12-05', 'ikke-startet', 'goal:mal-1'),
  ]);
});
afterAll(async () => app.close());

const who = {
  kommunalsjef: ADMIN,
  'the IBSM coordinator (kindergartens)': STATUS_PEOPLE.coordinator,
  'Leknes’s leader': STATUS_PEOPLE.leknes,
};

describe('«Planens mål» from the index, against the scan it replaces (real Azurite)', () => {
  it('gives every viewer the same goals, actions, order and signs as the whole local plans did, on any day', async () => {
    for (const day of ['2020-12-01T08:00:00Z', '2020-12-10T08:00:00Z', '2021-02-01T08:00:00Z']) {
      time.now = new Date(day);
      for (const [label, user] of Object.entries(who)) {
        const access = await resolveAccess(app.status.access, { aadObjectId: user, name: label });
        const fromIndex = await goalProgress(app.status, access);
        const byScan = await goalProgressByScan(
          { ...app.status, localPlans: app.reports.localPlans },
          access,
        );
        expect(fromIndex, `${label} on ${day}`).toEqual(byScan);
      }
    }
    // Not a comparison of two empty answers: the kommunalsjef sees actions under every goal.
    time.now = new Date('2020-12-10T08:00:00Z');
    const access = await resolveAccess(app.status.access, { aadObjectId: ADMIN, name: 'Kari' });
    const view = await goalProgress(app.status, access);
    expect(view.goals.map((g) => g.actions.map((a) => `${a.unitId}/${a.actionId}`))).toEqual([
      // Overdue first (not the deadline day itself, not done), then by the unit's name.
      [
        'gravdal-barnehage/h5',
        'leknes-skole/h1',
        'lilleeng-barnehage/h1',
        'gravdal-barnehage/h1',
        'leknes-skole/h2',
      ],
      ['gravdal-barnehage/h1', 'leknes-skole/h2', 'leknes-skole/h3'],
      ['gravdal-barnehage/h2'],
    ]);
    expect(view.goals[0]!.actions[1]).toMatchObject({
      unitName: 'Leknes skole',
      text: 'Handling h1: «sitat», linjeskift\nog æøå',
      overdue: true,
    });
  });

  it('follows the plan when a theme serves other goals, without a new save', async () => {
    time.now = new Date('2020-12-10T08:00:00Z');
    await importPlan({ plans: app.plans, clock }, planYaml(goalPlan(['mal-3'])));
    try {
      const access = await resolveAccess(app.status.access, { aadObjectId: ADMIN, name: 'Kari' });
      const fromIndex = await goalProgress(app.status, access);
      expect(fromIndex).toEqual(
        await goalProgressByScan({ ...app.status, localPlans: app.reports.localPlans }, access),
      );
      expect(fromIndex.goals[2]!.actions.map((a) => a.viaTheme ?? a.actionId)).toContain('tema-2');
    } finally {
      await importPlan({ plans: app.plans, clock }, planYaml(goalPlan(['mal-1', 'mal-2'])));
    }
  });

  it('reads no unit’s local plan: the units’ table is not touched', async () => {
    const access = await resolveAccess(app.status.access, { aadObjectId: ADMIN, name: 'Kari' });
    await goalProgress(app.status, access); // the index is checked against the source once per process
    unitTableCalls = [];
    counting = true;
    try {
      await goalProgress(app.status, access);
    } finally {
      counting = false;
    }
    expect(unitTableCalls).toEqual([]);
  });

  it('mends a row an older version wrote (no serving actions), in a running process and in a new one', async () => {
    time.now = new Date('2020-12-10T08:00:00Z');
    const access = await resolveAccess(app.status.access, { aadObjectId: ADMIN, name: 'Kari' });
    const expected = await goalProgressByScan({ ...app.status, localPlans: app.reports.localPlans }, access);
    // As the code before the serving actions wrote Leknes's row: same version, no format column.
    const index = await storage.tables.table('unitsummaries');
    const row = await index.getEntity<Record<string, unknown>>('p', 'leknes-skole');
    const summary = JSON.parse(String(row.json)) as { actions: { status: string; deadline: string }[] };
    const old = {
      ...summary,
      actions: summary.actions.map(({ status, deadline }) => ({ status, deadline })),
    };
    const oldRow = { partitionKey: 'p', rowKey: 'leknes-skole', json: JSON.stringify(old) };
    await index.upsertEntity(oldRow, 'Replace');

    // This process checked the partition long ago and reads the index: the old row counts as stale.
    expect(await goalProgress(app.status, access)).toEqual(expected);
    expect((await index.getEntity('p', 'leknes-skole')).format).toBe(2);

    // A new process (its own connection) mends it on its first read, as it mends a missing row.
    await index.upsertEntity(oldRow, 'Replace');
    const restarted = createApp({
      config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
      logger: silentLogger,
      clock,
      tables: connectTables(storage.connectionString, storage.prefix),
      deliver: false,
    });
    try {
      expect(await goalProgress(restarted.status, access)).toEqual(expected);
      expect((await index.getEntity('p', 'leknes-skole')).format).toBe(2);
      // …and its next read, from the index alone, says the same.
      expect(await goalProgress(restarted.status, access)).toEqual(expected);
    } finally {
      await restarted.close();
    }
  });

  it('keeps the largest plan a form allows (10 actions of 500 characters, all serving) in one column', async () => {
    const long = '«"\\\n'.repeat(125); // 500 characters that JSON escapes to nearly twice as many
    await savePlan(
      'ppt',
      Array.from({ length: 10 }, (_, i) => ({
        ...action(`h${i + 1}`, '2021-01-01', 'pågår', 'goal:mal-1'),
        text: long,
      })),
    );
    const index = await storage.tables.table('unitsummaries');
    const row = await index.getEntity<Record<string, unknown>>('p', 'ppt');
    // One JSON column of at most 30,000 characters (a property takes 32 K), and a handful of properties.
    expect(Object.keys(row).filter((k) => k.startsWith('json'))).toEqual(['json']);
    expect(String(row.json).length).toBeLessThan(15_000);
    const access = await resolveAccess(app.status.access, { aadObjectId: ADMIN, name: 'Kari' });
    const view = await goalProgress(app.status, access);
    expect(view.goals[0]!.actions.filter((a) => a.unitId === 'ppt').map((a) => a.text)).toEqual(
      Array.from({ length: 10 }, () => long),
    );
  });
});
