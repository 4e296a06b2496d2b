// `npm run bench:reports`: 50 unit leaders submit their half-year report at the same moment,
// each as a real `adaptiveCard/action` invoke POSTed to the running server's /api/messages (local
// mode: unsigned), on a fresh embedded Azurite with the demo plan widened to 50 schools (20 signs
// each). First a round of drafts, then a round of submits; prints invoke latency p50/p95/max.
// The rounds run twice, for two sets of 50 schools: right after the server started (cold: code not
// yet optimised by V8, no connections to storage) and again once it has served those (warm).
// The client is a child process (reports-client.ts); each round also prints what it cost in CPU:
// the server process per invoke, how busy its event loop was, and Azurite per invoke.
// BENCH_PROFILE=<dir> writes a V8 CPU profile of the server process per round.
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance as perfHooks } from 'node:perf_hooks';
import { parse, stringify } from 'yaml';
import { createApp } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { silentLogger } from '../bot/log/logger.js';
import { startAzurite } from '../bot/store/embedded-azurite.js';
import { connectTables, type Tables } from '../bot/store/table-service.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { leader, round, type RoundRequest } from './reports-client.js';

const LEADERS = Number(process.env.BENCH_LEADERS ?? 50);
const ADMIN = '00000000-0000-0000-0000-0000000000a1';
const clock = { now: () => new Date('2026-12-02T09:00:00Z') };

const dir = mkdtempSync(join(tmpdir(), 'planpuls-bench-reports-'));
const azurite = await startAzurite({ location: dir, port: 0, logger: silentLogger });
// Every storage call the app makes, by table and method, so a round can say what an invoke costs.
const calls = new Map<string, { n: number; ms: number; timed: number }>();
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
          const entry = calls.get(key) ?? { n: 0, ms: 0, timed: 0 };
          calls.set(key, entry);
          entry.n++;
          const started = performance.now();
          const result = value.apply(target, args);
          // A query answers an iterator, not a promise: its time is not taken.
          if (result && typeof (result as Promise<unknown>).then === 'function') {
            const took = () => {
              entry.ms += performance.now() - started;
              entry.timed++;
            };
            void (result as Promise<unknown>).then(took, took);
          }
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
      { perInvoke: +(v.n / LEADERS).toFixed(2), avgMs: v.timed ? Math.round(v.ms / v.timed) : null },
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
plan.units = Array.from({ length: 2 * LEADERS }, (_, i) => ({
  ...school,
  id: `skole-${i + 1}`,
  name: `Skole ${i + 1}`,
}));
await importPlan({ plans: app.plans, clock }, stringify(plan));
for (let i = 0; i < 2 * LEADERS; i++) {
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

// The client runs in its own process (see reports-client.ts); BENCH_CLIENT=same-process puts it
// back on the server's event loop, as the bench did before, to show what that costs.
const sameProcess = process.env.BENCH_CLIENT === 'same-process';
const client = sameProcess
  ? undefined
  : fork('bench/reports-client.ts', [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
/** Runs a round in the client; answers its latencies and the client's own CPU time. */
const ask = async (request: RoundRequest): Promise<{ ms: number[]; clientCpuMs?: number }> => {
  if (!client) return { ms: await round(request) };
  return new Promise((resolve, reject) => {
    client.once('message', (m: { ms?: number[]; cpuMs?: number; error?: string }) =>
      m.error ? reject(new Error(m.error)) : resolve({ ms: m.ms ?? [], clientCpuMs: m.cpuMs }),
    );
    client.send(request);
  });
};

/** CPU milliseconds a process has used so far (Linux /proc; undefined elsewhere). */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, 100 Hz ticks
  } catch {
    return undefined;
  }
}
/** Azurite is the child node process of this one whose command line names it. */
function azuritePid(): number | undefined {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.split(') ')[1]!.split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('azurite')) return Number(entry);
    }
  } catch {
    // Not Linux: no Azurite figures.
  }
  return undefined;
}
const azuritePidNow = azuritePid();
const profileDir = process.env.BENCH_PROFILE;
const inspector = profileDir ? new Session() : undefined;
const post = (method: string, params?: object) =>
  new Promise<{ profile?: object }>((resolve, reject) =>
    inspector!.post(method, params, (error, result) =>
      error ? reject(error) : resolve(result as { profile?: object }),
    ),
  );
if (inspector) {
  inspector.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
}

/**
 * One round, with what it cost: this process's CPU (the server: botbuilder, our code, the storage
 * client), how busy its event loop was, and Azurite's CPU, each divided by the invokes.
 */
async function measured(name: string, request: Omit<RoundRequest, 'url' | 'leaders' | 'signIds'>) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const elu = perfHooks.eventLoopUtilization();
  const azuriteBefore = cpuMsOf(azuritePidNow);
  if (inspector) await post('Profiler.start');
  const { ms, clientCpuMs } = await ask({ url, leaders: LEADERS, signIds, ...request });
  if (inspector) {
    const { profile } = await post('Profiler.stop');
    writeFileSync(join(profileDir!, `${name}.cpuprofile`), JSON.stringify(profile));
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const azuriteMs = (cpuMsOf(azuritePidNow) ?? NaN) - (azuriteBefore ?? NaN);
  return {
    ms,
    cost: {
      roundMs: Math.round(wall),
      appCpuMsPerInvoke: +((used.user + used.system) / 1000 / LEADERS).toFixed(1),
      appEventLoopBusy: +perfHooks.eventLoopUtilization(elu).utilization.toFixed(2),
      azuriteCpuMsPerInvoke: Number.isNaN(azuriteMs) ? null : +(azuriteMs / LEADERS).toFixed(1),
      clientCpuMsPerInvoke: clientCpuMs === undefined ? null : +(clientCpuMs / LEADERS).toFixed(1),
    },
  };
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

const phase = async (first: number, label: string) => {
  calls.clear();
  const draft = await measured(`${label}-draft`, { first, verb: 'rapport-lagre', version: 0 });
  const draftCalls = callsPerInvoke();
  const submit = await measured(`${label}-submit`, { first, verb: 'rapport-send', version: 1 });
  const submitCalls = callsPerInvoke();
  return {
    drafts: figures(draft.ms),
    submits: figures(submit.ms),
    cost: { draft: draft.cost, submit: submit.cost },
    storageCalls: { draft: draftCalls, submit: submitCalls },
  };
};
await ask({ url, leaders: LEADERS, signIds, first: 0, verb: '', version: 0, warmUpOnly: true });
const cold = await phase(0, 'cold');
const warm = await phase(LEADERS, 'warm');
// The same server with no queue: each leader opens the form again («Endre»), one after another.
const alone = await measured('alone', { first: 0, verb: 'rapport-endre', version: 2, sequential: true });
callsPerInvoke();
const sequential = { ...figures(alone.ms), cost: alone.cost };
const reports = await app.reports.reports.list('2026-H2');
const submitted = reports.filter((r) => r.status === 'sendt' && r.version === 2).length;
const results = {
  leaders: LEADERS,
  signsPerForm: signIds.length,
  client: sameProcess ? 'same process as the server' : 'child process',
  cold,
  warm,
  sequential,
  submitted,
};
console.log(JSON.stringify(results, null, 2));
console.log(`| round (${LEADERS} at once) | p50 | p95 | max | goal p95 |`);
console.log('| --- | --- | --- | --- | --- |');
for (const [name, f] of [
  ['save draft, cold', cold.drafts],
  ['submit, cold', cold.submits],
  ['save draft, warm', warm.drafts],
  ['submit, warm', warm.submits],
] as const)
  console.log(`| ${name} | ${f.p50} ms | ${f.p95} ms | ${f.max} ms | < 250 ms |`);
console.log(
  `| open form («Endre»), one at a time | ${sequential.p50} ms | ${sequential.p95} ms | ${sequential.max} ms | – |`,
);
client?.kill();
inspector?.disconnect();
await app.close();
await azurite.stop();
rmSync(dir, { recursive: true, force: true });
if (submitted !== 2 * LEADERS) {
  console.error(`only ${submitted} of ${2 * LEADERS} reports submitted`);
  process.exitCode = 1;
}
