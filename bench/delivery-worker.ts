// One sender process for the delivery benchmark: drains the outbox until killed or told to stop.
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { createLogger } from '../bot/log/logger.js';
import { systemClock } from '../bot/platform/system-clock.js';
import { createTableOutbox } from '../bot/store/table-outbox.js';
import { connectTables } from '../bot/store/table-service.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';

const tables = connectTables(process.env.BENCH_CONNECTION_STRING!, process.env.BENCH_PREFIX!);
const sender = new OutboxSender({
  queue: createTableOutbox(tables, systemClock),
  connector: createBotConnector({ timeoutMs: 10_000 }),
  clock: systemClock,
  logger: createLogger({ level: 'warn', write: (line) => process.stderr.write(line + '\n') }),
  leaseMs: Number(process.env.BENCH_LEASE_MS ?? 60_000),
  pollMs: 100,
  ...(process.env.BENCH_MAX_IN_FLIGHT ? { maxInFlight: Number(process.env.BENCH_MAX_IN_FLIGHT) } : {}),
  ...(process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {}),
});
sender.start();
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
process.on('SIGTERM', async () => {
  await sender.stop();
  clearInterval(sample);
  process.stdout.write(
    JSON.stringify({ peakRssMiB: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1048576) }) + '\n',
  );
  process.exit(0);
});
