// `npm run bench:soak`: SOAK_MESSAGES (100,000) distinct messages, each to one of SOAK_CONVERSATIONS
// (2,000) conversations, through the real outbox on an embedded Azurite and the real sender (with
// the real Bot Connector client) in this process, against a fake Bot Connector on loopback that
// only counts. A producer keeps a backlog of at most SOAK_BACKLOG messages, so the run is a steady
// state. This process's memory (RSS, and heap used after a full GC: the script runs node with
// --expose-gc) is sampled every 5 % of the messages; the verdict compares the second half of the
// run after warm-up with the first. Azurite runs in its own process and is not measured.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import type { ConversationRef } from '../bot/domain/conversations/conversation-ref.js';
import { createLogger, silentLogger } from '../bot/log/logger.js';
import { systemClock } from '../bot/platform/system-clock.js';
import { startAzurite } from '../bot/store/embedded-azurite.js';
import { createTableOutbox } from '../bot/store/table-outbox.js';
import { connectTables } from '../bot/store/table-service.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { card } from '../tests/support/delivery.js';

const MESSAGES = Number(process.env.SOAK_MESSAGES ?? 100_000);
const CONVERSATIONS = Number(process.env.SOAK_CONVERSATIONS ?? 2_000);
const BACKLOG = Number(process.env.SOAK_BACKLOG ?? 500);
/** Bytes of padding in each card, so that keeping messages would show (the limit is 80 KB). */
const CARD_PADDING = Number(process.env.SOAK_CARD_PADDING ?? 2_000);
/**
 * The tenant budget the sender allows itself. Teams' 47/s would make 100,000 messages take over
 * half an hour of waiting; memory does not depend on the rate, Azurite is the bottleneck anyway.
 */
const TENANT_PER_S = Number(process.env.SOAK_TENANT_PER_S ?? 1_000);
const SAMPLES = 20;
const gc = (globalThis as { gc?: () => void }).gc;

/** A Bot Connector that answers every post with an id and remembers only how many it got. */
async function countingConnector(): Promise<{ url: string; posts: () => number; close(): Promise<void> }> {
  let posts = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities$/.test(req.url ?? '')) posts++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `act-${posts}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    posts: () => posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function conversation(serviceUrl: string, i: number): ConversationRef {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: `a:soak-person${i}`, conversationType: 'personal', tenantId: 'tenant' },
    bot: { id: '28:planpuls', name: 'Planpuls' },
  };
}

interface Sample {
  sent: number;
  seconds: number;
  rssMiB: number;
  heapMiB: number;
  limiters?: number;
}

const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function sample(sent: number, start: number, sender: OutboxSender): Sample {
  gc?.();
  const memory = process.memoryUsage();
  const stats = (sender as Partial<Pick<OutboxSender, 'memoryStats'>>).memoryStats?.();
  return {
    sent,
    seconds: Math.round((performance.now() - start) / 100) / 10,
    rssMiB: mib(memory.rss),
    heapMiB: mib(memory.heapUsed),
    ...(stats ? { limiters: stats.limiters } : {}),
  };
}

/** Medians of the first and second half after warm-up (the first fifth of the run). */
function verdict(samples: Sample[]) {
  const steady = samples.filter((s) => s.sent > MESSAGES * 0.2);
  const half = Math.floor(steady.length / 2);
  const first = steady.slice(0, half);
  const second = steady.slice(half);
  const of = (list: Sample[], key: 'rssMiB' | 'heapMiB') => median(list.map((s) => s[key]));
  const heapGrowth = of(second, 'heapMiB') - of(first, 'heapMiB');
  const rssGrowth = of(second, 'rssMiB') - of(first, 'rssMiB');
  // Flat: the second half's median heap is within 10 % (and 16 MiB) of the first half's.
  const flat = heapGrowth <= Math.min(16, of(first, 'heapMiB') * 0.1);
  return {
    heapFirstHalfMiB: of(first, 'heapMiB'),
    heapSecondHalfMiB: of(second, 'heapMiB'),
    heapGrowthMiB: Math.round(heapGrowth * 10) / 10,
    rssFirstHalfMiB: of(first, 'rssMiB'),
    rssSecondHalfMiB: of(second, 'rssMiB'),
    rssGrowthMiB: Math.round(rssGrowth * 10) / 10,
    verdict: flat ? 'flat' : 'GROWING',
  };
}

const dir = mkdtempSync(join(tmpdir(), 'planpuls-soak-'));
const azurite = await startAzurite({ location: dir, port: 0, logger: silentLogger });
const connector = await countingConnector();
const outbox = createTableOutbox(connectTables(azurite.connectionString, 'soak'), systemClock);
const sender = new OutboxSender({
  queue: outbox,
  connector: createBotConnector({ timeoutMs: 10_000 }),
  clock: systemClock,
  logger: createLogger({ level: 'warn', write: (line) => process.stderr.write(line + '\n') }),
  pollMs: 100,
  tenantWindows: [{ limit: TENANT_PER_S, perMs: 1_000 }],
});
const targets = Array.from({ length: CONVERSATIONS }, (_, i) => conversation(connector.url, i));

if (!gc) process.stderr.write('note: run with node --expose-gc for heap figures after a full GC\n');
process.stdout.write(
  `soak: ${MESSAGES} messages to ${CONVERSATIONS} conversations, backlog ≤ ${BACKLOG}, ` +
    `card padding ${CARD_PADDING} B, tenant budget ${TENANT_PER_S}/s\n`,
);
const start = performance.now();
const samples: Sample[] = [sample(0, start, sender)];
process.stdout.write(JSON.stringify(samples[0]) + '\n');
sender.start();

let enqueued = 0;
const every = Math.max(1, Math.floor(MESSAGES / SAMPLES));
let nextSample = every;
const watch = setInterval(() => {
  while (connector.posts() >= nextSample && nextSample <= MESSAGES) {
    const s = sample(connector.posts(), start, sender);
    samples.push(s);
    process.stdout.write(JSON.stringify(s) + '\n');
    nextSample += every;
  }
}, 250);

// A few enqueues at once keep the backlog topped up; each message is new and goes to one chat.
const producers = Array.from({ length: 4 }, async () => {
  while (enqueued < MESSAGES) {
    if (enqueued - connector.posts() >= BACKLOG) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    const i = enqueued++;
    await outbox.enqueue({ id: `soak-${i}`, activity: card(`Melding ${i}`, CARD_PADDING) }, [
      targets[i % CONVERSATIONS]!,
    ]);
    sender.wake();
  }
});
await Promise.all(producers);
while (connector.posts() < MESSAGES) await new Promise((resolve) => setTimeout(resolve, 100));
const seconds = (performance.now() - start) / 1000;
await new Promise((resolve) => setTimeout(resolve, 500));
clearInterval(watch);
await sender.stop();

const result = {
  messages: MESSAGES,
  conversations: CONVERSATIONS,
  seconds: Math.round(seconds),
  perSecond: Math.round(MESSAGES / seconds),
  gcBeforeSamples: Boolean(gc),
  ...verdict(samples),
};
process.stdout.write(JSON.stringify(result) + '\n');
process.stdout.write(
  `\n| messages | wall time (s) | msgs/s | heap used, 1st / 2nd half (MiB) | RSS, 1st / 2nd half (MiB) | verdict |\n` +
    `| --- | --- | --- | --- | --- | --- |\n` +
    `| ${MESSAGES} | ${result.seconds} | ${result.perSecond} | ${result.heapFirstHalfMiB} / ${result.heapSecondHalfMiB} | ` +
    `${result.rssFirstHalfMiB} / ${result.rssSecondHalfMiB} | ${result.verdict} |\n`,
);
await connector.close();
await azurite.stop();
rmSync(dir, { recursive: true, force: true });
