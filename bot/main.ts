// The composition root: reads the environment once, starts storage, imports the demo plan into
// empty storage, serves, and shuts everything down on SIGINT/SIGTERM/SIGHUP.
import { readFile } from 'node:fs/promises';
import { createApp } from './app.js';
import { loadConfig, redactedConfig } from './config/config.js';
import { PlanpulsError } from './domain/errors.js';
import { createLogger } from './log/logger.js';
import { systemClock } from './platform/system-clock.js';
import { createOffsetClock } from './platform/offset-clock.js';
import { devClockRoutes } from './http/routes/dev-clock.js';
import { openStorage } from './platform/storage.js';
import { watchLauncher } from './platform/launcher-watch.js';
import { ensureDemoPlan } from './use-cases/ensure-demo-plan.js';
import { ensureDemoPeople } from './use-cases/ensure-demo-people.js';

/** The Agents Playground's demo users with their roles; stored in local mode only. */
const DEMO_PEOPLE = new URL('../data/demo/people.yaml', import.meta.url);

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  logger.info('starting Planpuls', { config: redactedConfig(config) });
  if (config.localMode) {
    logger.warn('local mode: no bot credentials, listening on loopback only; never use this in production');
  }

  // Local mode only: a clock a developer or an e2e test can move (POST /api/dev/clock); never in production.
  const devClock = config.localMode ? createOffsetClock(systemClock) : undefined;
  const clock = devClock ?? systemClock;
  const storage = await openStorage(config, logger);
  let app: ReturnType<typeof createApp> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    await app?.close();
    await storage.stop();
    process.exit(0);
  };
  // The server stops before its storage: it removes the sender's heartbeat row on the way out, so
  // the next start sends at once. The embedded Azurite is in its own process group (Ctrl-C does not
  // reach it) and stops when we stop it or exit; a closed terminal (SIGHUP) stops us cleanly too.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
  // `npm start` killed with SIGKILL tells us nothing; left running we would hold both ports and the
  // next start would fail. So with the embedded Azurite we stop as on Ctrl-C when our launcher dies.
  if (storage.embedded) watchLauncher({ onGone: (reason) => void stop(`launcher gone: ${reason}`) });

  try {
    await storage.tables.ping();
    app = createApp({ config, logger, clock, realClock: systemClock, tables: storage.tables });
    if (devClock) devClockRoutes(app.server, { logger, clock: devClock, tick: app.tick });
    if (config.importDemoOnEmpty) {
      await ensureDemoPlan({
        plans: app.plans,
        clock,
        logger,
        timeZone: config.timeZone,
        readDemoPlan: () => readFile(config.demoPlanPath, 'utf8'),
      });
      if (config.localMode)
        await ensureDemoPeople({
          people: app.people,
          logger,
          readDemoPeople: () => readFile(DEMO_PEOPLE, 'utf8'),
        });
    }
    // Catch up at once after downtime: missed reminders are sent (marked late), passed ones dropped.
    await app.tick();
    const url = await app.listen();
    logger.info('Planpuls is listening', { url, messages: `${url}/api/messages`, tab: `${url}/tab` });
  } catch (error) {
    await app?.close();
    await storage.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  const message = error instanceof PlanpulsError ? error.message : String((error as Error)?.stack ?? error);
  process.stderr.write(`Planpuls startet ikke: ${message}\n`);
  process.exit(1);
});
