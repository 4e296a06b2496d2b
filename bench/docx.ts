// `npm run bench:docx`: the half-year report as a Word document for a large municipality, on a
// fresh embedded Azurite (data on disk, as `npm start` runs it). The demo plan's 18 future pictures
// and 59 signs, with 800 units (300 schools, 440 kindergartens, 20 PPT, 20 child welfare, 10 family,
// 10 refugee units): local plans with 5 actions each, the previous half-year (2026-H1) reported by
// all but a few, and the current one (2026-H2) by 85 % (5 % drafts), each report with its own texts
// (a few hundred characters per field) and comments on some signs. Prints, for BENCH_CALLS downloads
// of GET /api/reports/2026-H2/docx one after another as the kommunalsjef: the first (cold), p50 and
// max, the file's size, and in-process medians of reading the data and of building the document.
// BENCH_OUT=<file> keeps the last document.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parse, stringify } from 'yaml';
import { halfYearDocx } from '../bot/documents/half-year-docx.js';
import type { Campaign } from '../bot/domain/reports/campaign.js';
import type { LocalPlan } from '../bot/domain/reports/local-plan.js';
import { emptyContent, type Report, type SignAnswer } from '../bot/domain/reports/report.js';
import { halfYearDocumentTexts } from '../bot/i18n/half-year-document.js';
import { resolveAccess } from '../bot/use-cases/access.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { halfYearDocumentData } from '../bot/use-cases/reports/half-year-document.js';
import { batchedWrites, seedStores } from './support/batched-writes.js';
import { BENCH_ADMIN, startBenchServer } from './support/bench-server.js';
import { pool } from './support/pool.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 5);
const ADMIN = BENCH_ADMIN;
// Wednesday 9 December 2026: 2026-H2 is open (1–15 December).
const clock = { now: () => new Date('2026-12-09T09:00:00Z') };

const server = await startBenchServer({ name: 'docx', clock });
const { app } = server;
// The world is written through the app's own stores, in transactions of up to 100 rows.
const seeding = batchedWrites(server.storage);
const seed = seedStores(seeding.tables, clock);

const demo = parse(readFileSync(new URL('../data/plans/vestvagoy-2020-2021.yaml', import.meta.url), 'utf8'));
const counts = { skole: 300, barnehage: 440, ppt: 20, barnevern: 20, familie: 10, flyktning: 10 };
const units = Object.entries(counts).flatMap(([type, n]) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${type}-${i + 1}`,
    name: `${type[0]!.toUpperCase()}${type.slice(1)} ${i + 1}`,
    type,
    owner: i % 7 === 0 ? 'privat' : 'kommunal',
    municipality: 'Storkommune',
  })),
);
await importPlan(
  { plans: app.plans, clock },
  stringify({ ...demo, schoolYear: '2026-2027', units, periodTasks: [], calendar: [] }),
);
const stored = (await app.plans.list())[0]!;
const plan = (await app.plans.load(stored.key))!.plan;
const signsOf = (type: string) =>
  plan.futurePictures.filter((p) => p.appliesTo.includes(type as never)).flatMap((p) => p.signs);

const started = performance.now();
const prose = (what: string, unit: string) =>
  `${what} for ${unit}: ` +
  'Vi har brukt resultatene fra kartleggingen i personalmøter og i profesjonsfellesskapet, og sett dem i sammenheng med målene i planen. '.repeat(
    3,
  );
const statuses = ['ikke-startet', 'pågår', 'fullført'] as const;
const actions = (unit: string, i: number) =>
  Array.from({ length: 5 }, (_, a) => ({
    id: `h${a + 1}`,
    text: `Handling ${a + 1} for ${unit}`,
    deadline: a < 2 ? '2026-11-01' : '2027-03-01',
    status: statuses[(i + a) % 3]!,
    responsible: 'Leder',
  }));
await pool(units, 16, (unit, i) => {
  const local: LocalPlan = {
    unitId: unit.id,
    version: 1,
    kartlegging: prose('Kartlegging', unit.name),
    analyse: prose('Analyse', unit.name),
    mal: 'Et mål for året.',
    actions: actions(unit.name, i),
    savedBy: ADMIN,
    savedByName: 'Leder',
    savedAt: '2026-10-01T08:00:00.000Z',
  };
  return seed.localPlans.save(local);
});

const answers: SignAnswer[] = ['ja', 'delvis', 'nei'];
const report = (
  campaignId: string,
  unit: (typeof units)[number],
  i: number,
  status: Report['status'],
): Report => ({
  campaignId,
  unitId: unit.id,
  status,
  version: 1,
  content: {
    ...emptyContent(),
    kartlegging: prose('Kartlegging', unit.name),
    analyse: prose('Analyse', unit.name),
    mal: 'Alle barn og unge opplever mestring.\nVi følger opp hver enkelt.',
    actions: actions(unit.name, i),
    signs: Object.fromEntries(
      signsOf(unit.type).map((s, k) => [
        s.id,
        {
          answer: answers[(i + k + (campaignId.endsWith('2') ? 1 : 0)) % 3]!,
          comment: k % 4 === 0 ? `Kommentar til tegnet fra ${unit.name}.` : '',
        },
      ]),
    ),
    tidsressurser: 'To timer i uka til utviklingsarbeid i profesjonsfellesskapet.',
    fritekst: i % 3 === 0 ? prose('Fritekst', unit.name) : '',
  },
  savedBy: ADMIN,
  savedByName: 'Leder',
  savedAt: '2026-12-05T08:00:00.000Z',
  ...(status === 'sendt' ? { submittedAt: '2026-12-05T08:00:00.000Z', late: false } : {}),
});
for (const [period, opens] of [
  ['2026-H1', '2026-06-01'],
  ['2026-H2', '2026-12-01'],
] as const) {
  const campaign: Campaign = {
    id: period,
    kind: 'halvår',
    title: period,
    planKey: stored.key,
    opens,
    deadline: `${opens.slice(0, 8)}15`,
    questions: [],
    openedBy: ADMIN,
    openedAt: `${opens}T07:00:00.000Z`,
    requests: {},
    unreached: units
      .filter((_, i) => i % 50 === 7)
      .map((u) => ({ unitId: u.id, reason: 'no-leader' as const })),
  };
  await seed.campaigns.save(campaign);
  await pool(units, 16, async (unit, i) => {
    const state =
      period === '2026-H1'
        ? i % 40 === 0
          ? 'none'
          : 'sendt'
        : i % 20 < 17
          ? 'sendt'
          : i % 20 < 18
            ? 'utkast'
            : 'none';
    if (state !== 'none') await seed.reports.save(report(period, unit, i, state));
  });
}
const transactions = await seeding.flush();
console.log(
  `seeded ${units.length} units in ${((performance.now() - started) / 1000).toFixed(0)} s (${transactions} transactions)`,
);

const url = await app.listen();
const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
const downloads: number[] = [];
let first = 0;
let file = Buffer.alloc(0);
let serverCpu = process.cpuUsage();
for (let i = 0; i < CALLS + 1; i++) {
  // The server runs in this process: its CPU per download, the first (cold) one apart.
  if (i === 1) serverCpu = process.cpuUsage();
  const t0 = performance.now();
  const response = await fetch(`${url}/api/reports/2026-H2/docx`, {
    headers: { 'x-planpuls-dev-user': ADMIN },
  });
  file = Buffer.from(await response.arrayBuffer());
  const took = performance.now() - t0;
  if (response.status !== 200) throw new Error(`docx: ${response.status} ${file.toString().slice(0, 200)}`);
  if (i === 0) first = took;
  else downloads.push(took);
}
const serverUsed = process.cpuUsage(serverCpu);
// Where the time goes: reading the data (storage) and building the document (CPU), apart.
const access = await resolveAccess(app.reports.access, { aadObjectId: ADMIN, name: 'Kari' });
const text = halfYearDocumentTexts('nb');
const reading: number[] = [];
const readingCpu: number[] = [];
const building: number[] = [];
const buildingCpu: number[] = [];
for (let i = 0; i < CALLS; i++) {
  const t0 = performance.now();
  const readCpu = process.cpuUsage();
  const { summary, today } = await halfYearDocumentData(app.reports, access, '2026-H2', text);
  const readUsed = process.cpuUsage(readCpu);
  readingCpu.push((readUsed.user + readUsed.system) / 1000);
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  await halfYearDocx(summary, text, today);
  const used = process.cpuUsage(cpu);
  reading.push(t1 - t0);
  building.push(performance.now() - t1);
  buildingCpu.push((used.user + used.system) / 1000);
}
console.log(
  JSON.stringify({
    label: `GET /api/reports/2026-H2/docx (${units.length} units)`,
    first: Math.round(first),
    p50: Math.round(median(downloads)),
    max: Math.round(Math.max(...downloads)),
    MB: +(file.length / 1024 / 1024).toFixed(2),
    serverCpuMsPerDownload: Math.round((serverUsed.user + serverUsed.system) / 1000 / CALLS),
    readMedianMs: Math.round(median(reading)),
    readCpuMedianMs: Math.round(median(readingCpu)),
    buildMedianMs: Math.round(median(building)),
    // CPU time is what the document costs; wall time also says how busy the machine was.
    buildCpuMedianMs: Math.round(median(buildingCpu)),
    loadAverage: +loadavg()[0]!.toFixed(1),
  }),
);
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, file);
await server.close();
