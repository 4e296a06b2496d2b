// `npm run bench:status`: the units' status overview (`GET /api/status`) and the sign matrix
// (`GET /api/status/signs`) of a large municipality, on a fresh embedded Azurite (data on disk, as
// `npm start` runs it): 800 units (300 schools, 500 kindergartens), 20 signs each, 800 leaders
// (70 % with a personal chat, 100 units with a linked channel) and BENCH_MEMBERS other people,
// local plans with 5 actions each, and five years of half-year campaigns (2022-H1 … 2026-H2) with a
// report from nearly every unit in each; the current one (2026-H2, open) has a mix of states. Prints
// p50 / p95 / max of BENCH_CALLS calls one after another as the kommunalsjef, the storage calls per
// request, and the same for today's per-unit view (one unit's local plan) beside them, «Planens mål»
// (four goals, four of each plan's five actions serving a goal or theme) and a campaign's live
// progress with every request card posted (2026-H2 and 2026-H1), each with the 1-minute load
// average. Then Enheter in headless Chromium (BENCH_BROWSER=0 leaves that out).
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { stringify } from 'yaml';
import type { Campaign } from '../bot/domain/reports/campaign.js';
import type { LocalPlan } from '../bot/domain/reports/local-plan.js';
import { emptyContent, type Report, type SignAnswer } from '../bot/domain/reports/report.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { launchChromium } from '../tests/tab/support/browser.js';
import { planFixture } from '../tests/support/plan-fixture.js';
import { batchedWrites, seedStores } from './support/batched-writes.js';
import { BENCH_ADMIN, startBenchServer } from './support/bench-server.js';
import { pool } from './support/pool.js';

const SCHOOLS = 300;
const KINDERGARTENS = 500;
const CALLS = Number(process.env.BENCH_CALLS ?? 30);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 2000);
const ADMIN = BENCH_ADMIN;
// Wednesday 9 December 2026: 2026-H2 is open (1–15 December).
const clock = { now: () => new Date('2026-12-09T09:00:00Z') };

// Every storage call the app makes, by table and method, so a request can say what it costs.
const calls = new Map<string, number>();
const server = await startBenchServer({
  name: 'status',
  clock,
  seen: (table, method) => {
    const key = `${table}.${method}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
  },
});
const { app } = server;
// The world is written through the app's own stores, in transactions of up to 100 rows.
const seeding = batchedWrites(server.storage);
const seed = seedStores(seeding.tables, clock);

// The plan: 800 units in two programmes, two pictures of 10 signs that apply to both types, four
// goals and four themes serving one or two of them (a picture in each of the first two themes).
const base = planFixture();
const units = Array.from({ length: SCHOOLS + KINDERGARTENS }, (_, i) => {
  const school = i < SCHOOLS;
  const n = school ? i + 1 : i - SCHOOLS + 1;
  return {
    id: school ? `skole-${n}` : `barnehage-${n}`,
    name: school ? `Skole ${n}` : `Barnehage ${n}`,
    type: school ? 'skole' : 'barnehage',
    owner: i % 7 === 0 ? 'privat' : 'kommunal',
    municipality: 'Storkommune',
    programmes: [school ? 'lp' : 'kulg'],
  };
});
const goals = [1, 2, 3, 4].map((g) => ({
  id: `mal-${g}`,
  label: `Mål ${g}`,
  text: `Mål ${g} for barn og unge i kommunen`,
  source: 'Kommuneplanens samfunnsdel',
}));
const themeGoals = [['mal-1'], ['mal-1', 'mal-2'], ['mal-3'], ['mal-4', 'mal-2']];
const themes = themeGoals.map((servesGoals, t) => ({
  id: `tema-${t + 1}`,
  number: t + 1,
  title: `Tema ${t + 1}`,
  servesGoals,
}));
const pictures = [1, 2].map((p) => ({
  id: `bilde-${p}`,
  title: `Fremtidsbilde ${p}`,
  theme: `tema-${p}`,
  appliesTo: ['skole', 'barnehage'],
  signs: Array.from({ length: 10 }, (_, s) => ({ id: `tegn-${p}-${s + 1}`, text: `Tegn ${p}.${s + 1}` })),
}));
const signIds = pictures.flatMap((p) => p.signs.map((s) => s.id));
await importPlan(
  { plans: app.plans, clock },
  stringify({
    ...base,
    version: 2,
    schoolYear: '2026-2027',
    units,
    goals,
    themes,
    futurePictures: pictures,
    periodTasks: [],
  }),
);
const planKey = (await app.plans.list())[0]!.key;

const started = performance.now();
const leader = (i: number) => `10000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
await pool(units, 16, async (unit, i) => {
  await seed.people.save({
    aadObjectId: leader(i),
    name: `Leder ${unit.name}`,
    roles: ['enhetsleder'],
    leads: [unit.id],
    networks: [],
    coordinates: [],
  });
  if (i % 10 < 7)
    await seed.registry.record({
      conversationId: `a:chat-${i}`,
      kind: 'personal',
      userAadObjectId: leader(i),
      reference: {
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: `a:chat-${i}`, conversationType: 'personal' },
        bot: { id: '28:planpuls' },
      },
    });
  if (i % 8 === 0) {
    const channel = `19:enhet-${i}@thread.tacv2`;
    await seed.registry.record({
      conversationId: channel,
      kind: 'channel',
      teamId: '19:team@thread.tacv2',
      reference: {
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: channel, conversationType: 'channel' },
        bot: { id: '28:planpuls' },
      },
    });
    await seed.links.add({
      target: { kind: 'unit', id: unit.id },
      conversationId: channel,
      linkedBy: ADMIN,
      linkedAt: '',
    });
  }
});
await pool(
  Array.from({ length: MEMBERS }, (_, i) => i),
  16,
  (i) =>
    seed.people.save({
      aadObjectId: `20000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
      name: `Ansatt ${i}`,
      roles: ['medlem'],
      leads: [],
      networks: [],
      coordinates: [],
    }),
);

// Local plans: five actions, some past their deadline; four of them serve a goal or a theme.
const statuses = ['ikke-startet', 'pågår', 'fullført'] as const;
const serves = (i: number, a: number) =>
  (
    [
      `goal:mal-${(i % 4) + 1}`,
      `theme:tema-${(i % 4) + 1}`,
      `theme:tema-${((i + 1) % 4) + 1}`,
      `goal:mal-${((i + 2) % 4) + 1}`,
    ] as const
  )[a];
await pool(units, 16, (unit, i) => {
  const plan: LocalPlan = {
    unitId: unit.id,
    version: 1,
    kartlegging: 'Kartlagt med elevundersøkelsen.',
    analyse: 'Analyse av funnene.',
    mal: 'Et mål for året.',
    actions: Array.from({ length: 5 }, (_, a) => ({
      id: `h${a + 1}`,
      text: `Handling ${a + 1} for ${unit.name}: et felles opplegg i profesjonsfellesskapet, fulgt opp hver måned`,
      deadline: a < 2 ? '2026-11-01' : '2027-03-01',
      status: statuses[(i + a) % 3]!,
      ...(serves(i, a) ? { serves: serves(i, a) } : {}),
    })),
    savedBy: leader(i),
    savedByName: `Leder ${unit.name}`,
    savedAt: '2026-10-01T08:00:00.000Z',
  };
  return seed.localPlans.save(plan);
});

// Ten half-year campaigns, five years; each unit asked, and nearly all reported.
const periods = [2022, 2023, 2024, 2025, 2026].flatMap((y) => [`${y}-H1`, `${y}-H2`]);
const current = periods.at(-1)!;
const answers: SignAnswer[] = ['ja', 'delvis', 'nei'];
const report = (campaignId: string, unitId: string, i: number, status: Report['status']): Report => ({
  campaignId,
  unitId,
  status,
  version: 1,
  content: {
    ...emptyContent(),
    kartlegging: 'Kartlagt.',
    analyse: 'Analysert.',
    mal: 'Målet.',
    actions: [{ id: 'h1', text: 'Handling', deadline: '2027-03-01', status: 'pågår' }],
    signs: Object.fromEntries(
      signIds.map((s, k) => [s, { answer: answers[(i + k + campaignId.length) % 3]!, comment: '' }]),
    ),
    tidsressurser: 'To timer i uka.',
  },
  savedBy: leader(i),
  savedByName: 'Leder',
  savedAt: '2026-12-02T08:00:00.000Z',
  ...(status === 'sendt' ? { submittedAt: '2026-12-02T08:00:00.000Z', late: false } : {}),
});
/** The current period: 40 % submitted, 25 % a draft, 20 % asked only, 15 % not asked. */
const stateOf = (i: number) =>
  i % 20 < 8 ? 'sendt' : i % 20 < 13 ? 'utkast' : i % 20 < 17 ? 'asked' : 'not-asked';
for (const period of periods) {
  const [year, half] = period.split('-H');
  const opens = `${year}-${half === '1' ? '06' : '12'}-01`;
  const campaign: Campaign = {
    id: period,
    kind: 'halvår',
    title: `Halvårsrapport ${period}`,
    planKey,
    opens,
    deadline: `${opens.slice(0, 8)}15`,
    questions: [],
    openedBy: ADMIN,
    openedAt: `${opens}T07:00:00.000Z`,
    requests: Object.fromEntries(
      units
        .filter((_, i) => period !== current || stateOf(i) !== 'not-asked')
        .map((u) => [u.id, [`rapport-${period}-${u.id}-${leader(units.indexOf(u))}`]]),
    ),
  };
  await seed.campaigns.save(campaign);
  await pool(units, 16, async (unit, i) => {
    const state = period === current ? stateOf(i) : i % 25 === 0 ? 'none' : 'sendt';
    if (state === 'sendt' || state === 'utkast') await seed.reports.save(report(period, unit.id, i, state));
  });
}
// Every request card of the live campaign (2026-H2) and of the one before (2026-H1, all 800 units
// asked) posted to its unit's leader, as the outbox's sender settles a delivery.
const progressPeriods = [current, periods.at(-2)!];
for (const period of progressPeriods) {
  const requests = Object.values((await seed.campaigns.get(period))!.requests).flat();
  await pool(requests, 16, async (messageId, i) => {
    const conversation = { id: `a:chat-${i}`, conversationType: 'personal' };
    const reference = {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation,
      bot: { id: '28:planpuls' },
    };
    const activity = { type: 'message', text: 'Halvårsrapporten', attachments: [] };
    await seed.outbox.enqueue({ id: messageId, activity, kind: 'rapport' }, [reference]);
    const delivery = await seed.outbox.delivery(messageId, conversation.id);
    await seed.outbox.settle(
      { messageId, conversationId: conversation.id, dueAt: '', etag: '', version: 1 },
      delivery!,
      { kind: 'posted', activityId: `1:${messageId}`, version: 1 },
    );
  });
}
const transactions = await seeding.flush();
console.log(
  `seeded in ${((performance.now() - started) / 1000).toFixed(0)} s (${transactions} transactions)`,
);

const url = await app.listen();
// Where the time of one overview goes: each source read alone, five times, median.
const timeOf = async (label: string, read: () => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await read();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return [label, Math.round(ms[2]!)] as const;
};
console.log(
  JSON.stringify({
    sourcesMedianMs: Object.fromEntries([
      await timeOf('people.list', () => app.status.access.people.list()),
      await timeOf('people.leaders', () => app.status.access.people.leaders()),
      await timeOf('registry.list', () => app.status.registry.list()),
      await timeOf('links.all', () => app.status.links.all()),
      await timeOf('localPlans.all (the scan the index replaces)', () => app.reports.localPlans.all()),

      await timeOf('campaigns.list', () => app.status.campaigns.list()),
      await timeOf(`reports.list(${current}) (the scan the index replaces)`, () =>
        app.reports.reports.list(current),
      ),
      await timeOf(`summaries.units([${current}])`, () => app.status.summaries.units([current])),
    ]),
  }),
);
/** Azurite's CPU time so far (ms): it runs as a child process of this one. */
const azuriteCpuMs = (): number => {
  const children = `/proc/${process.pid}/task/${process.pid}/children`;
  if (!existsSync(children)) return NaN;
  let total = 0;
  for (const pid of readFileSync(children, 'utf8').trim().split(/\s+/).filter(Boolean)) {
    if (!/azurite/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second).
    total += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return total;
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
/** Times `n` calls of `path` one after another; the first (cold) apart. */
async function measure(label: string, path: string, n: number) {
  const ms: number[] = [];
  let first = 0;
  let bytes = 0;
  calls.clear();
  const cpu = process.cpuUsage();
  const azuriteBefore = azuriteCpuMs();
  for (let i = 0; i < n + 1; i++) {
    const t0 = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { 'x-planpuls-dev-user': ADMIN } });
    const body = await response.text();
    const took = performance.now() - t0;
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.slice(0, 200)}`);
    bytes = body.length;
    if (i === 0) first = took;
    else ms.push(took);
  }
  const used = process.cpuUsage(cpu);
  ms.sort((a, b) => a - b);
  const perRequest = Object.fromEntries([...calls].map(([k, v]) => [k, +(v / (n + 1)).toFixed(2)]));
  console.log(
    JSON.stringify({
      label,
      first: Math.round(first),
      p50: Math.round(percentile(ms, 0.5)),
      p95: Math.round(percentile(ms, 0.95)),
      max: Math.round(ms.at(-1)!),
      kB: Math.round(bytes / 1024),
      serverCpuMsPerRequest: Math.round((used.user + used.system) / 1000 / (n + 1)),
      azuriteCpuMsPerRequest: Math.round((azuriteCpuMs() - azuriteBefore) / (n + 1)),
      storageCallsPerRequest: perRequest,
      loadAverage: +loadavg()[0]!.toFixed(1),
    }),
  );
  return { p95: percentile(ms, 0.95) };
}

const overview = await measure('GET /api/status (800 units)', '/api/status', CALLS);
await measure('GET /api/status/signs (800 units)', '/api/status/signs', CALLS);
await measure('GET /api/units/skole-1/local-plan (one unit, today)', '/api/units/skole-1/local-plan', CALLS);
// «Planens mål», drawn in Enheter below the overview: per goal, the actions serving it.
await measure('GET /api/status/goals («Planens mål», 800 units)', '/api/status/goals', CALLS);
// A campaign's live progress, which the tab polls every 5 s while the kommunalsjef follows it.
for (const period of progressPeriods) {
  const asked = Object.keys((await app.reports.campaigns.get(period))!.requests).length;
  await measure(
    `GET /api/reports/campaigns/${period} (progress, ${asked} units' request cards posted)`,
    `/api/reports/campaigns/${period}`,
    CALLS,
  );
}
console.log(
  overview.p95 < 300 ? 'goal met: p95 < 300 ms' : `goal NOT met: p95 ${Math.round(overview.p95)} ms ≥ 300 ms`,
);

// The overview in headless Chromium: a new context (cold cache) per run, from navigation until the
// first rows and the sign matrix are there and the filter for units out of reach has answered a click. Median of BENCH_RUNS after a warm-up.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
if (process.env.BENCH_BROWSER === '0') {
  await server.close();
  process.exit(0);
}
if (!existsSync(new URL('../tab/dist/index.html', import.meta.url)))
  await build({
    configFile: fileURLToPath(new URL('../tab/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
const browser = await launchChromium();
/** From navigation until the view is drawn (`ready`) and answers a click (`act`). */
async function interactive(
  user: string,
  ready: (page: Page) => Promise<unknown>,
  act?: (page: Page) => Promise<unknown>,
) {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(`${url}/tab/?devUser=${user}&view=enheter`, { waitUntil: 'commit' });
  await ready(page);
  await act?.(page);
  const took = performance.now() - t0;
  await context.close();
  return took;
}
const views = {
  'Enheter for the kommunalsjef, with the overview (filter answered)': () =>
    interactive(
      ADMIN,
      async (page) => {
        await page.getByTestId('status-table').locator('tbody tr').first().waitFor();
        await page.getByTestId('sign-matrix').waitFor();
      },
      async (page) => {
        await page.getByLabel('Bare de Planpuls ikke når').check();
        await page
          .getByTestId('status-count')
          .filter({ hasNotText: `Viser ${units.length} av` })
          .waitFor();
      },
    ),
  "Enheter for a member, today's view (units table, local plans, sign matrix)": () =>
    interactive('20000000-0000-0000-0000-000000000001', async (page) => {
      await page.getByTestId('units-table').waitFor();
      await page.getByTestId('sign-matrix').waitFor();
    }),
};
for (const [label, run] of Object.entries(views)) {
  await run();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  runs.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      label,
      medianMs: Math.round(runs[Math.floor(runs.length / 2)]!),
      runsMs: runs.map(Math.round),
    }),
  );
}
await browser.close();

await server.close();
