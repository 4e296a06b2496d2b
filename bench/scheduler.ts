// `npm run bench:scheduler`: how long a scheduler tick takes with 1,000, 10,000 and 100,000 future
// jobs stored and none due (goal: flat), and with 500 due (each run through a no-op handler), on
// a real embedded Azurite. Medians of repeated ticks. Prints a Markdown table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../bot/log/logger.js';
import { startAzurite } from '../bot/store/embedded-azurite.js';
import type { TransactionAction } from '@azure/data-tables';
import {
  createTableDueJobs,
  dueJobRows,
  DUE_JOBS_TABLE,
  forgetWatermark,
} from '../bot/store/table-due-jobs.js';
import { connectTables, type Tables } from '../bot/store/table-service.js';
import { runDueJobs } from '../bot/use-cases/run-due-jobs.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const now = new Date('2026-11-23T08:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'planpuls-bench-scheduler-'));
const azurite = await startAzurite({ location: dir, port: 0, logger: silentLogger });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Loads new jobs in transactions of 50 (100 rows, one partition each), as the store lays them out,
 * then drops the watermark so the next tick finds them.
 */
async function fill(tables: Tables, count: number, due: boolean, offset = 0) {
  const client = await tables.table(DUE_JOBS_TABLE);
  const byPartition = new Map<string, TransactionAction[]>();
  for (let j = 0; j < count; j++) {
    const at = due ? now.getTime() - 60_000 - j : now.getTime() + 3_600_000 + (j % 300) * 86_400_000;
    for (const row of dueJobRows({
      id: `bench:${offset + j}`,
      kind: 'noop',
      dueAt: new Date(at),
      payload: { j },
    })) {
      const list = byPartition.get(row.partitionKey) ?? [];
      list.push(['create', row]);
      byPartition.set(row.partitionKey, list);
    }
  }
  const batches: TransactionAction[][] = [];
  for (const list of byPartition.values())
    for (let i = 0; i < list.length; i += 100) batches.push(list.slice(i, i + 100));
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) await client.submitTransaction(batch);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  await forgetWatermark(tables);
}

const rows: string[] = [];
try {
  for (const size of SIZES) {
    const tables = connectTables(azurite.connectionString, `s${size}x${Date.now().toString(36)}`);
    const jobs = createTableDueJobs(tables);
    const fillStart = performance.now();
    await fill(tables, size, false);
    const fillS = (performance.now() - fillStart) / 1000;
    const deps = {
      jobs,
      clock: { now: () => now },
      logger: silentLogger,
      handlers: { noop: async () => {} },
    };
    // The first tick after loading reads the queue once to place the watermark.
    const firstStart = performance.now();
    if ((await runDueJobs(deps)) !== 0) throw new Error('nothing should be due');
    const first = performance.now() - firstStart;
    const idle: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const start = performance.now();
      const ran = await runDueJobs(deps);
      idle.push(performance.now() - start);
      if (ran !== 0) throw new Error('nothing should be due');
    }
    await fill(tables, 500, true, size);
    const start = performance.now();
    const ran = await runDueJobs(deps);
    const busy = performance.now() - start;
    const afterStart = performance.now();
    if ((await runDueJobs(deps)) !== 0) throw new Error('all due jobs should have run');
    const after = performance.now() - afterStart;
    rows.push(
      `| ${size.toLocaleString('en')} | ${median(idle).toFixed(1)} ms | ${first.toFixed(0)} ms | ${ran} | ${busy.toFixed(0)} ms (${(busy / ran).toFixed(1)} ms/job) | ${after.toFixed(0)} ms | ${fillS.toFixed(0)} s |`,
    );
    console.error(rows.at(-1));
  }
  console.log(
    '| future jobs stored | idle tick (median) | first tick after loading | due jobs run | tick running them | next tick (places the watermark) | time to store the jobs |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
} finally {
  await azurite.stop();
  rmSync(dir, { recursive: true, force: true });
}
