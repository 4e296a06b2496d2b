// `npm run bench:reports`: 50 unit leaders submit their half-year report at the same moment,
// each as a real `adaptiveCard/action` invoke POSTed to the running server's /api/messages (local
// mode: unsigned), on a fresh embedded Azurite with the demo plan widened to 50 schools (20 signs
// each). First a round of drafts, then a round of submits; prints invoke latency p50/p95/max.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createApp } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { silentLogger } from '../bot/log/logger.js';
import { startAzurite } from '../bot/store/embedded-azurite.js';
import { connectTables, type Tables } from '../bot/store/table-service.js';
import { importPlan } from '../bot/use-cases/import-plan.js';

const LEADERS = Number(process.env.BENCH_LEADERS ?? 50);
const ADMIN = '00000000-0000-0000-0000-0000000000a1';
const clock = { now: () => new Date('2026-12-02T09:00:00Z') };

const dir = mkdtempSync(join(tmpdir(), 'planpuls-bench-reports-'));
const azurite = await startAzurite({ location: dir, port: 0, logger: silentLogger });
// Every storage call the app makes, by table and method, so a round can say what an invoke costs.
const calls = new Map<string, { n: number; ms: number }>();
const raw = connectTables(azurite.connectionString, 'benchreports');
const tables: Tables = {
  ping: () => raw.ping(),
  async table(name) {
    const client = await raw.table(name);
    return new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
        return (...args: unknown[]) => {
          const key = `${name}.${prop}`;
          const entry = calls.get(key) ?? { n: 0, ms: 0 };
          calls.set(key, entry);
          entry.n++;
          const started = performance.now();
          const result = value.apply(target, args);
          if (result && typeof (result as Promise<unknown>).then === 'function')
            void (result as Promise<unknown>).then(
              () => (entry.ms += performance.now() - started),
              () => (entry.ms += performance.now() - started),
            );
          return result;
        };
      },
    });
  },
};
const callsPerInvoke = () => {
  const out = Object.fromEntries(
    [...calls].map(([k, v]) => [
      k,
      { perInvoke: +(v.n / LEADERS).toFixed(2), avgMs: Math.round(v.ms / v.n) },
    ]),
  );
  calls.clear();
  return out;
};
const app = createApp({
  config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
  logger: silentLogger,
  clock,
  tables,
  deliver: false,
});

interface PlanShape {
  units: { id: string; name: string; type: string }[];
  futurePictures: { appliesTo: string[]; signs: { id: string }[] }[];
}
const plan = parse(readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8')) as PlanShape;
const school = plan.units.find((u) => u.type === 'skole')!;
plan.units = Array.from({ length: LEADERS }, (_, i) => ({
  ...school,
  id: `skole-${i + 1}`,
  name: `Skole ${i + 1}`,
}));
await importPlan({ plans: app.plans, clock }, stringify(plan));
const leader = (i: number) => `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`;
for (let i = 0; i < LEADERS; i++) {
  const id = leader(i);
  await app.people.save({
    aadObjectId: id,
    name: `Rektor ${i + 1}`,
    roles: ['enhetsleder'],
    leads: [`skole-${i + 1}`],
    networks: [],
    coordinates: [],
  });
  await app.registry.record({
    conversationId: `a:chat-${i}`,
    kind: 'personal',
    userAadObjectId: id,
    reference: {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: `a:chat-${i}` },
      bot: { id: '28:planpuls' },
    },
  });
}
const url = await app.listen();
const opened = await fetch(`${url}/api/reports/campaigns`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-planpuls-dev-user': ADMIN },
  body: JSON.stringify({ id: '2026-H2' }),
});
if (opened.status !== 201) throw new Error(`campaign: ${opened.status} ${await opened.text()}`);

const signIds: string[] = plan.futurePictures
  .filter((p) => p.appliesTo.includes('skole'))
  .flatMap((p) => p.signs.map((s) => s.id));
const template = JSON.parse(readFileSync('tests/payloads/card-action-invoke.json', 'utf8'));

function invoke(i: number, verb: string, version: number) {
  const data: Record<string, unknown> = {
    verb,
    campaignId: '2026-H2',
    unitId: `skole-${i + 1}`,
    version,
    kartlegging: 'Elevundersøkelsen og observasjon.',
    analyse: 'Mobbing skjer mest i friminuttene.',
    mal: 'Alle elever opplever et trygt skolemiljø.',
    planVersion: 0, // no local plan yet: the submit makes the report the unit's plan
    handlingIds: ['', '', ''],
    handling_1: 'Flere voksne ute i friminuttene.',
    handlingFrist_1: '2027-03-01',
    handlingStatus_1: 'pågår',
    tidsressurser: 'To timer i uka.',
    ...Object.fromEntries(signIds.map((id, n) => [`tegn_${id}`, ['ja', 'delvis', 'nei'][n % 3]])),
  };
  const activity = {
    ...template,
    id: `f:bench-${verb}-${i}`,
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:${leader(i)}`, name: `Rektor ${i + 1}`, aadObjectId: leader(i) },
    conversation: {
      conversationType: 'personal',
      tenantId: template.conversation.tenantId,
      id: `a:chat-${i}`,
    },
    channelData: { tenant: template.channelData.tenant, source: { name: 'message' } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
  return activity;
}

async function round(verb: string, version: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: LEADERS }, async (_, i) => {
      const started = performance.now();
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(invoke(i, verb, version)),
      });
      const body = (await response.json()) as { statusCode: number; value: unknown };
      const ms = performance.now() - started;
      if (response.status !== 200 || body.statusCode !== 200)
        throw new Error(`invoke ${i}: ${response.status}`);
      const text = JSON.stringify(body.value);
      if (!text.includes(verb === 'rapport-send' ? 'Sendt inn av' : 'Utkastet er lagret'))
        throw new Error(`invoke ${i} not accepted: ${text.slice(0, 300)}`);
      return ms;
    }),
  );
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const figures = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    p50: Math.round(pct(sorted, 50)),
    p95: Math.round(pct(sorted, 95)),
    max: Math.round(sorted.at(-1)!),
  };
};

calls.clear();
const drafts = figures(await round('rapport-lagre', 0));
const draftCalls = callsPerInvoke();
const submits = figures(await round('rapport-send', 1));
const submitCalls = callsPerInvoke();
// The same server with no queue: each leader opens the form again («Endre»), one after another.
const alone: number[] = [];
for (let i = 0; i < LEADERS; i++) {
  const started = performance.now();
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(invoke(i, 'rapport-endre', 2)),
  });
  if (response.status !== 200) throw new Error(`endre ${i}: ${response.status}`);
  await response.arrayBuffer();
  alone.push(performance.now() - started);
}
const sequential = figures(alone);
const reports = await app.reports.reports.list('2026-H2');
const submitted = reports.filter((r) => r.status === 'sendt' && r.version === 2).length;
const results = {
  leaders: LEADERS,
  signsPerForm: signIds.length,
  drafts,
  submits,
  sequential,
  submitted,
  storageCalls: { draft: draftCalls, submit: submitCalls },
};
console.log(JSON.stringify(results, null, 2));
console.log('| round (50 at once) | p50 | p95 | max | goal p95 |');
console.log('| --- | --- | --- | --- | --- |');
console.log(`| save draft | ${drafts.p50} ms | ${drafts.p95} ms | ${drafts.max} ms | < 250 ms |`);
console.log(`| submit | ${submits.p50} ms | ${submits.p95} ms | ${submits.max} ms | < 250 ms |`);
console.log(
  `| open form («Endre»), one at a time | ${sequential.p50} ms | ${sequential.p95} ms | ${sequential.max} ms | – |`,
);
await app.close();
await azurite.stop();
rmSync(dir, { recursive: true, force: true });
if (submitted !== LEADERS) {
  console.error(`only ${submitted} of ${LEADERS} reports submitted`);
  process.exitCode = 1;
}
