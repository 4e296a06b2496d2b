import { startCronScheduler } from '../scheduler/cron-scheduler.js';
import { createTableRunCoordinator } from '../store/table-run-coordinator.js';
import { createTableSchedulerTicks } from '../store/table-scheduler-ticks.js';
import { PlanpulsBot } from '../teams/planpuls-bot.js';
import { recurringJobs } from '../use-cases/recurring.js';
import { downSince } from '../use-cases/reminders/downtime.js';
import { runDueJobs } from '../use-cases/run-due-jobs.js';
import { randomUUID } from 'node:crypto';
import type { Core } from './core.js';
import type { Feature } from './feature.js';

/** The Teams bot with every feature's commands and card actions, in the order of the features. */
export function botFor(core: Core, features: readonly Feature[]): PlanpulsBot {
  const logger = core.logger.child({ component: 'bot' });
  return new PlanpulsBot({
    languages: core.languages,
    logger,
    track: {
      registry: core.registry,
      directory: core.directory,
      logger: core.logger.child({ component: 'installations' }),
      teamsUsers: core.teamsUsers,
    },
    commands: features.flatMap((f) => f.commands ?? []),
    actions: features.flatMap((f) => f.cardActions ?? []),
    onPersonalChat: async (aadObjectId) => {
      let queued = 0;
      for (const feature of features) queued += (await feature.onInstall?.(aadObjectId)) ?? 0;
      if (queued > 0) core.sender.wake();
    },
  });
}

/**
 * The scheduler's tick: notices changed plans, makes sure recurring work is pending, and runs
 * every feature's due jobs; returns how many ran.
 */
export function tickFor(core: Core, features: readonly Feature[]): () => Promise<number> {
  for (const feature of features) if (feature.onPlanChange) core.plansChanged.listen(feature.onPlanChange);
  const recurring = recurringJobs(
    core.jobs,
    features.flatMap((f) => f.recurring ?? []),
  );
  const handlers = Object.assign({}, ...features.map((f) => f.jobs ?? {}), recurring.handlers);
  const ticks = createTableSchedulerTicks(core.tables);
  const logger = core.logger.child({ component: 'scheduler' });
  return async () => {
    // How long nothing ticked before this tick, so missed reminders say they are late (and only they).
    const ticked = { planAt: core.clock.now(), realAt: core.realClock.now() };
    const down = downSince(await ticks.swap(ticked), ticked);
    await core.plansChanged.check();
    await recurring.ensure(core.clock.now());
    const ran = await runDueJobs({
      jobs: core.jobs,
      clock: core.clock,
      logger,
      handlers,
      tick: down ? { downSince: down } : {},
    });
    if (ran > 0) core.sender.wake();
    return ran;
  };
}

/** Starts the sender, its heartbeat and the scheduler; answers how to stop them again. */
export function startBackground(core: Core, tick: () => Promise<number>): () => Promise<void> {
  core.heartbeat.start();
  core.sender.start();
  const scheduler = startCronScheduler({
    timeZone: core.config.timeZone,
    coordinator: createTableRunCoordinator(core.tables, core.clock, randomUUID()),
    logger: core.logger.child({ component: 'scheduler' }),
    tick,
  });
  return async () => {
    await scheduler.stop();
    await core.sender.stop();
    await core.heartbeat.stop();
  };
}
