import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log/logger.js';
import type { RunCoordinatorLike } from '../store/table-run-coordinator.js';

export interface CronSchedulerOptions {
  timeZone: string;
  coordinator: RunCoordinatorLike;
  logger: Logger;
  /** The use case a tick runs; node-cron only calls it. */
  tick: () => Promise<unknown>;
}

/**
 * Ticks every minute in the plan's time zone. `noOverlap` skips a tick while the last still runs;
 * `distributed` with our Table storage coordinator lets only one instance run each fire.
 */
export function startCronScheduler(options: CronSchedulerOptions): { stop(): Promise<void> } {
  const run = async () => {
    try {
      await options.tick();
    } catch (error) {
      options.logger.error('scheduler tick failed', { error });
    }
  };
  const task: ScheduledTask = cron.schedule('* * * * *', run, {
    name: 'planpuls-tick',
    timezone: options.timeZone,
    noOverlap: true,
    distributed: true,
    runCoordinator: options.coordinator,
    distributedLease: 55_000,
  });
  return {
    stop: async () => {
      await task.stop();
    },
  };
}
