// One sender process for the delivery benchmark: drains the outbox until killed or told to stop.
import { randomUUID } from 'node:crypto';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { SenderHeartbeat } from '../bot/delivery/sender-heartbeat.js';
import { createLogger } from '../bot/log/logger.js';
import { systemClock } from '../bot/platform/system-clock.js';
import { createTableOutbox } from '../bot/store/table-outbox.js';
import { connectTables } from '../bot/store/table-service.js';
import { createTableSenders } from '../bot/store/table-senders.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';

const tables = connectTables(process.env.BENCH_CONNECTION_STRING!, process.env.BENCH_PREFIX!);
const logger = createLogger({ level: 'warn', write: (line) => process.stderr.write(line + '\n') });
// As in the app: instances share the tenant's budget through the senders table. BENCH_SHARE=off
// gives each its whole budget, as before, for comparison.
const heartbeat =
  process.env.BENCH_SHARE === 'off'
    ? undefined
    : new SenderHeartbeat({
        id: randomUUID(),
        directory: createTableSenders(tables),
        clock: systemClock,
        logger,
      });
// When each call leaves this sender (ms since the epoch, comparable across the bench's processes).
const calls: number[] = [];
const real = createBotConnector({ timeoutMs: 10_000 });
const stamp = () => calls.push(performance.timeOrigin + performance.now());
const sender = new OutboxSender({
  ...(heartbeat ? { share: heartbeat } : {}),
  queue: createTableOutbox(tables, systemClock),
  connector: {
    post: (reference, activity) => (stamp(), real.post(reference, activity)),
    update: (reference, id, activity) => (stamp(), real.update(reference, id, activity)),
    delete: (reference, id) => (stamp(), real.delete(reference, id)),
  },
  clock: systemClock,
  logger,
  leaseMs: Number(process.env.BENCH_LEASE_MS ?? 60_000),
  pollMs: 100,
  ...(process.env.BENCH_MAX_IN_FLIGHT ? { maxInFlight: Number(process.env.BENCH_MAX_IN_FLIGHT) } : {}),
  ...(process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {}),
});
heartbeat?.start();
sender.start();
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
process.on('SIGTERM', async () => {
  await sender.stop();
  await heartbeat?.stop();
  clearInterval(sample);
  process.stdout.write(
    JSON.stringify({
      peakRssMiB: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1048576),
      calls,
    }) + '\n',
  );
  process.exit(0);
});
