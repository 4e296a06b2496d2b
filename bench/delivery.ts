// `npm run bench:delivery`: one broadcast to 300 channels and 2,000 personal chats through the
// real outbox (Azurite) and sender (a child process), against a local connector on loopback that
// enforces Teams' limits and injects 429s, 5xx and slow replies. Then the same with the sender
// killed by SIGKILL mid-run and restarted, and with two sender processes sharing the tenant's
// budget (and, for comparison, two that each take the whole budget). Prints figures as JSON and a
// Markdown table.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../bot/log/logger.js';
import { systemClock } from '../bot/platform/system-clock.js';
import { startAzurite } from '../bot/store/embedded-azurite.js';
import { createTableOutbox } from '../bot/store/table-outbox.js';
import { connectTables } from '../bot/store/table-service.js';
import { peakPerWindow, startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { card, references } from '../tests/support/delivery.js';

const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 300);
const PERSONAL = Number(process.env.BENCH_PERSONAL ?? 2000);
const TENANT_LIMIT = 50;
const faults = {
  throttleRate: 0.01,
  throttleRetryAfterS: 1,
  serverErrorRate: 0.02,
  slowRate: 0.02,
  slowMs: 1500,
};

const dir = mkdtempSync(join(tmpdir(), 'planpuls-bench-'));
const azurite = await startAzurite({ location: dir, port: 0, logger: silentLogger });

function worker(
  prefix: string,
  leaseMs: number,
  share = true,
): { child: ChildProcess; result: Promise<string> } {
  // node itself with tsx's loader, so a SIGKILL hits the process that sends, not a wrapper.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', process.env.BENCH_WORKER ?? 'bench/delivery-worker.ts'],
    {
      env: {
        ...process.env,
        BENCH_CONNECTION_STRING: azurite.connectionString,
        BENCH_PREFIX: prefix,
        BENCH_LEASE_MS: String(leaseMs),
        BENCH_SHARE: share ? 'on' : 'off',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { child, result: new Promise((resolve) => child.once('exit', () => resolve(out))) };
}

function sentCount(connector: LocalConnector): number {
  let n = 0;
  for (const list of connector.received.values()) n += list.length;
  return n;
}

function duplicates(connector: LocalConnector): number {
  let n = 0;
  for (const list of connector.received.values()) n += list.length - 1;
  return n;
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function run(name: string, kill: boolean, instances = 1, share = true) {
  const connector = await startLocalConnector({ faults });
  const prefix = `b${name.replace(/[^a-z0-9]/gi, '')}${Date.now().toString(36)}`;
  const outbox = createTableOutbox(connectTables(azurite.connectionString, prefix), systemClock);
  const targets = references(connector.url, CHANNELS, PERSONAL, name);
  const enqueueStart = performance.now();
  await outbox.enqueue({ id: `bench-${name}`, activity: card('Saksliste for KULG er publisert.') }, targets);
  const enqueueMs = performance.now() - enqueueStart;
  const allFinal = async () => (await outbox.deliveries(`bench-${name}`)).every((d) => d.state !== 'queued');

  const start = performance.now();
  let first = worker(prefix, kill ? 10_000 : 60_000, share);
  const others = Array.from({ length: instances - 1 }, () => worker(prefix, 60_000, share));
  let inFlightAtKill: number | undefined;
  if (kill) {
    await waitFor(() => sentCount(connector) >= targets.length * 0.4, 300_000);
    first.child.kill('SIGKILL');
    await first.result;
    // Requests the dead process had already sent still land (a slow reply takes slowMs).
    await new Promise((resolve) => setTimeout(resolve, faults.slowMs + 500));
    const recorded = (await outbox.deliveries(`bench-${name}`)).filter((d) => d.state === 'sent').length;
    inFlightAtKill = connector.stats.accepted - recorded; // posted but not yet recorded as sent
    first = worker(prefix, 10_000);
  }
  // Reading every delivery is heavy for Azurite and for this process, which also runs the
  // connector (a busy loop here would bunch its arrival times): read them once everything has
  // arrived, or every 5 s in case something was given up.
  let lastRead = performance.now();
  await waitFor(() => {
    if (sentCount(connector) < targets.length && performance.now() - lastRead < 5_000) return false;
    lastRead = performance.now();
    return allFinal();
  }, 600_000);
  // Sending time: from the first request Teams accepted to the last, without process start-up.
  const sendingS = (connector.stats.lastAcceptedAt - connector.stats.firstAcceptedAt) / 1000;
  const elapsedS = (performance.now() - start) / 1000;
  const peaks: number[] = [];
  const calls: number[] = [];
  for (const w of [first, ...others]) {
    w.child.kill('SIGTERM');
    const out = JSON.parse((await w.result).trim().split('\n').at(-1) ?? '{}') as {
      peakRssMiB?: number;
      calls?: number[];
    };
    if (out.peakRssMiB !== undefined) peaks.push(out.peakRssMiB);
    calls.push(...(out.calls ?? []));
  }

  const deliveries = await outbox.deliveries(`bench-${name}`);
  const lost = deliveries.filter((d) => d.state !== 'sent').length + (targets.length - deliveries.length);
  const result = {
    run: name,
    instances,
    shared: share,
    recipients: targets.length,
    enqueueMs: Math.round(enqueueMs),
    elapsedS: Number(elapsedS.toFixed(1)),
    sendingS: Number(sendingS.toFixed(1)),
    throughputPerS: Number((targets.length / sendingS).toFixed(1)),
    fractionOfTenantLimit: Number((targets.length / sendingS / TENANT_LIMIT).toFixed(3)),
    // Requests reaching the connector in any sliding second (Teams counts them all), and the 429s
    // it answered because the limits were exceeded, not injected.
    peakPerSecond: peakPerWindow(connector.stats.arrivals),
    // The same counted where the senders make the calls (all senders together; the killed one's
    // calls are not known, so none for the kill run). Less 10 ms for the step from the limiter.
    peakSentPerSecond: kill ? null : peakPerWindow(calls, 990),
    overLimit429: connector.stats.overLimit,
    lost,
    duplicates: duplicates(connector),
    ...(inFlightAtKill === undefined ? {} : { inFlightAtKill }),
    injected: {
      throttled: connector.stats.throttled - connector.stats.overLimit,
      serverErrors: connector.stats.serverErrors,
      slow: connector.stats.slow,
    },
    peakSenderRssMiB: peaks.length ? Math.max(...peaks) : null,
  };
  await connector.close();
  return result;
}

try {
  // BENCH_RUNS picks runs, e.g. `two,two-unshared`.
  const runs: Record<string, () => ReturnType<typeof run>> = {
    faults: () => run('faults', false),
    sigkill: () => run('sigkill', true),
    two: () => run('two', false, 2),
    'two-unshared': () => run('two-unshared', false, 2, false),
  };
  const results = [];
  for (const name of (process.env.BENCH_RUNS ?? Object.keys(runs).join(',')).split(',')) {
    const runner = runs[name.trim()];
    if (!runner) throw new Error(`unknown run ${name}; runs: ${Object.keys(runs).join(', ')}`);
    results.push(await runner());
  }
  console.log(JSON.stringify(results, null, 2));
  console.log(
    '\n| run | senders | recipients | wall time (s) | sending time (s) | msgs/s | of 50/s limit | peak calls sent in 1 s | peak requests arrived in 1 s | over-limit 429s | lost | duplicates | in flight at kill | 429 / 5xx / slow injected | sender peak RSS |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.run} | ${r.instances}${r.shared || r.instances === 1 ? '' : ' (unshared)'} | ${r.recipients} | ${r.elapsedS} | ${r.sendingS} | ${r.throughputPerS} | ${r.fractionOfTenantLimit} | ${r.peakSentPerSecond ?? '–'} | ${r.peakPerSecond} | ${r.overLimit429} | ${r.lost} | ${r.duplicates} | ${'inFlightAtKill' in r ? r.inFlightAtKill : '–'} | ${r.injected.throttled} / ${r.injected.serverErrors} / ${r.injected.slow} | ${r.peakSenderRssMiB} MiB |`,
    );
  }
} finally {
  await azurite.stop();
  rmSync(dir, { recursive: true, force: true });
}
