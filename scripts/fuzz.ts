// `npm run fuzz`: the long fuzz run against the real server and storage (the bounded one is in
// `npm test`). FUZZ_RUNS requests (default 20,000) and FUZZ_INVOKES card actions (default 5,000)
// from FUZZ_SEED; prints every finding, grouped.
import fc from 'fast-check';
import {
  anyConnector,
  fuzzWorld,
  invokeViolations,
  invokes,
  requests,
  send,
  sendInvoke,
  violations,
} from '../tests/support/fuzz.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../bot/log/logger.js';
import { startAzurite } from '../bot/store/embedded-azurite.js';
import { connectTables } from '../bot/store/table-service.js';

const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const invokeRuns = Number(process.env.FUZZ_INVOKES ?? 5_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const location = mkdtempSync(join(tmpdir(), 'planpuls-fuzz-'));
const azurite = await startAzurite({ location, port: 0, logger: silentLogger });
const world = await fuzzWorld(connectTables(azurite.connectionString, 'fuzz'));
const findings = new Map<string, { count: number; example: string }>();
const statuses = new Map<number, number>();
const started = Date.now();
try {
  const batch = 500;
  for (let done = 0; done < runs; done += batch) {
    const sample = fc.sample(requests(world.routes), {
      seed: seed + done,
      numRuns: Math.min(batch, runs - done),
    });
    for (const request of sample) {
      const outcome = await send(world, request);
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      for (const found of violations(outcome, request.headers['accept-language'])) {
        const key = `${request.route}: ${found.replace(/:.*$/s, '')}`;
        const entry = findings.get(key) ?? {
          count: 0,
          example: `${request.caller} ${request.method} ${request.path} ${JSON.stringify(request.body)?.slice(0, 200)} → ${found.slice(0, 300)}`,
        };
        entry.count++;
        findings.set(key, entry);
      }
    }
    process.stdout.write(`\r${Math.min(done + batch, runs)} / ${runs} requests`);
  }
  process.stdout.write('\n');
  const connector = await anyConnector();
  try {
    const sample = fc.sample(invokes(world.app.bot.verbs, connector.serviceUrl), {
      seed,
      numRuns: invokeRuns,
    });
    for (const [i, invoke] of sample.entries()) {
      const { status, body } = await sendInvoke(world, invoke);
      for (const found of invokeViolations(status, body)) {
        const verb = (invoke.activity.value as { action: { verb: string } }).action.verb;
        const key = `card action ${verb}: ${found.replace(/:.*$/s, '')}`;
        const entry = findings.get(key) ?? {
          count: 0,
          example: `${invoke.caller} ${JSON.stringify(invoke.activity.value).slice(0, 300)} → ${found.slice(0, 300)}`,
        };
        entry.count++;
        findings.set(key, entry);
      }
      if (i % 250 === 0) process.stdout.write(`\r${i} / ${invokeRuns} card actions`);
    }
  } finally {
    connector.close();
  }
} finally {
  await world.close();
  await azurite.stop();
  rmSync(location, { recursive: true, force: true });
}
process.stdout.write('\n');
console.log(
  `seed ${seed}, ${runs} requests and ${invokeRuns} card actions in ${Math.round((Date.now() - started) / 1000)} s`,
);
console.log('answers by status:', Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
if (findings.size === 0) console.log('findings: none');
for (const [key, { count, example }] of findings)
  console.log(`FINDING ${key} (${count}×)\n  e.g. ${example}`);
process.exit(findings.size === 0 ? 0 : 1);
