// `npm run bench:digest`: the weekly digest of a large municipality, on a fresh embedded Azurite
// (data on disk, as `npm start` runs it): 800 units (300 schools, 500 kindergartens), each with its
// own linked channel, local plan (3 actions, one due in the digest's two weeks) and leader, ten
// networks with a meeting each in the two weeks, an open half-year campaign due in them, and
// BENCH_PEOPLE people (default 20,000: the 800 leaders and the rest members of one or two
// networks, one in ten in English), every one with a personal chat and the digest chosen (the worst
// case). Prints the time to queue the digests of all places (Monday 7 December 2026, 07:30 Oslo),
// how many distinct digests that made, and the storage calls by table and method, per recipient;
// then the same for a second run of the same week (another instance, or the job after a crash),
// which queues nothing. A paged query (listEntities) counts once, however many pages it reads.
import { stringify } from 'yaml';
import { digestWeekOf } from '../bot/domain/digest/digest-week.js';
import { sendWeeklyDigest } from '../bot/use-cases/digest/send-digest.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { planFixture } from '../tests/support/plan-fixture.js';
import { batchedWrites, seedStores } from './support/batched-writes.js';
import { BENCH_ADMIN, startBenchServer } from './support/bench-server.js';
import { pool } from './support/pool.js';

const SCHOOLS = 300;
const KINDERGARTENS = 500;
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const NETWORKS = 10;
const ADMIN = BENCH_ADMIN;
// Monday 7 December 2026, 07:30:30 in Oslo: the digest of week 50 (7–20 December).
const clock = { now: () => new Date('2026-12-07T06:30:30Z') };

const calls = new Map<string, number>();
let counting = false;
const count = (suffix: string) => (table: string, method: string) => {
  if (!counting) return;
  const key = `${table}.${method}${suffix}`;
  calls.set(key, (calls.get(key) ?? 0) + 1);
};
// Failed calls (a read that finds nothing, a create that finds a row) are round trips too.
const server = await startBenchServer({ name: 'digest', clock, seen: count(''), failed: count(' (failed)') });
const { app } = server;
// The world is written through the app's own stores, in transactions of up to 100 rows.
const seeding = batchedWrites(server.storage);
const seed = seedStores(seeding.tables, clock);

const ref = (id: string, type: string) => ({
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  conversation: { id, conversationType: type },
  bot: { id: '28:planpuls' },
});

// The plan: 800 units in LP or KULG, ten networks, a meeting of each in the two weeks.
const base = planFixture();
const units = Array.from({ length: SCHOOLS + KINDERGARTENS }, (_, i) => {
  const school = i < SCHOOLS;
  const n = school ? i + 1 : i - SCHOOLS + 1;
  return {
    id: school ? `skole-${n}` : `barnehage-${n}`,
    name: school ? `Skole ${n}` : `Barnehage ${n}`,
    type: school ? 'skole' : 'barnehage',
    owner: 'kommunal',
    municipality: 'Storkommune',
    programmes: [school ? 'lp' : 'kulg', `nettverk-${(i % NETWORKS) + 1}`],
  };
});
const networks = Array.from({ length: NETWORKS }, (_, i) => ({
  id: `nettverk-${i + 1}`,
  name: `Nettverk ${i + 1}`,
  kind: 'nettverk',
  participants: [],
  defaults: { agendaItemsDaysBefore: 3 },
}));
const calendar = networks.map((n, i) => ({
  id: `${n.id}-møte`.replace('ø', 'o'),
  date: `2026-12-${String(8 + i).padStart(2, '0')}`,
  programme: n.id,
  title: `Samling i ${n.name}`,
  slots: [{ start: '09:00', end: '11:30' }],
  location: 'Rådhuset',
  reading: 'Les kapittel 4 i veilederen.',
}));
await importPlan(
  { plans: app.plans, clock },
  stringify({
    ...base,
    schoolYear: '2026-2027',
    programmes: [...base.programmes, ...networks],
    units,
    calendar,
    periodTasks: [],
  }),
);
const planKey = (await app.plans.list())[0]!.key;

const seedStart = performance.now();
await seed.campaigns.save({
  id: '2026-H2',
  kind: 'halvår',
  title: 'Halvårsrapport høsten 2026',
  planKey,
  opens: '2026-12-01',
  deadline: '2026-12-15',
  questions: [],
  openedBy: ADMIN,
  openedAt: '2026-12-01T07:00:00Z',
  requests: {},
});
await pool(units, 16, async (unit, i) => {
  const channel = `19:enhet-${i}@thread.tacv2`;
  await seed.registry.record({
    conversationId: channel,
    kind: 'channel',
    teamId: 't',
    reference: ref(channel, 'channel'),
  });
  await seed.links.add({
    target: { kind: 'unit', id: unit.id },
    conversationId: channel,
    linkedBy: ADMIN,
    linkedAt: '2026-11-01T00:00:00Z',
  });
  await seed.localPlans.save({
    unitId: unit.id,
    version: 1,
    kartlegging: 'K',
    analyse: 'A',
    mal: 'M',
    actions: [
      { id: 'h1', text: 'Felles leseopplegg', deadline: '2026-12-11', status: 'pågår' },
      { id: 'h2', text: 'Kartlegging av språk', deadline: '2027-02-01', status: 'ikke-startet' },
      { id: 'h3', text: 'Foreldremøte', deadline: '2026-11-01', status: 'fullført' },
    ],
    savedBy: ADMIN,
    savedByName: 'Kari',
    savedAt: '2026-11-01T00:00:00Z',
  });
});
const person = (i: number) => `20000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
await pool(
  Array.from({ length: PEOPLE }, (_, i) => i),
  32,
  async (i) => {
    const leads = i < units.length ? [units[i]!.id] : [];
    const id = person(i);
    await seed.people.save({
      aadObjectId: id,
      name: `Person ${i}`,
      roles: leads.length > 0 ? ['enhetsleder'] : ['medlem'],
      leads,
      networks:
        leads.length > 0
          ? []
          : [...new Set([`nettverk-${(i % NETWORKS) + 1}`, `nettverk-${((i * 7) % NETWORKS) + 1}`])],
      coordinates: [],
    });
    await seed.registry.record({
      conversationId: `a:chat-${i}`,
      kind: 'personal',
      userAadObjectId: id,
      reference: ref(`a:chat-${i}`, 'personal'),
    });
    await seed.notifications.set(id, 'digest');
    if (i % 10 === 0) await seed.languages.set(id, 'en');
  },
);
const transactions = await seeding.flush();
console.log(
  `seeded ${units.length} units with channels and ${PEOPLE} people with chats in ${((performance.now() - seedStart) / 1000).toFixed(0)} s (${transactions} transactions)`,
);

const week = digestWeekOf('2026-12-07', app.config.digest, app.config.timeZone);
for (const label of ['first run', 'second run (same week)']) {
  calls.clear();
  counting = true;
  const started = performance.now();
  const run = await sendWeeklyDigest(app.digest, week, clock.now());
  const ms = performance.now() - started;
  counting = false;
  const total = [...calls.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n${label}: ${run.places} places, ${run.messages} distinct digests, ${run.queued} deliveries queued, ${run.empty} empty, in ${(ms / 1000).toFixed(1)} s (${((ms / run.places) * 1000).toFixed(0)} µs per recipient)`,
  );
  console.log(`storage calls: ${total} (${(total / run.places).toFixed(3)} per recipient)`);
  for (const [key, n] of [...calls].sort((a, b) => b[1] - a[1])) console.log(`  ${key}: ${n}`);
}

await server.close();
