import type { Clock } from '../domain/clock.js';
import type { Logger } from '../log/logger.js';
import type { DueJobHandler, DueJobs, TickContext } from './due-jobs.js';

export interface RunDueJobsDeps {
  jobs: DueJobs;
  clock: Clock;
  logger: Logger;
  handlers: Readonly<Record<string, DueJobHandler>>;
  /** Passed to every handler of this tick. */
  tick?: TickContext;
}

const MAX_ATTEMPTS = 8;

/**
 * One tick: runs every job due now, oldest first, in pages. A failing job is moved a little into
 * the future (exponential backoff) and given up after a few attempts, with the reason logged.
 * Returns how many jobs ran.
 */
export async function runDueJobs(deps: RunDueJobsDeps, pageSize = 200): Promise<number> {
  let ran = 0;
  for (;;) {
    const now = deps.clock.now();
    const due = await deps.jobs.due(now, pageSize);
    for (const job of due) {
      const handler = deps.handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job, now, deps.tick ?? {});
        await deps.jobs.done(job);
        ran++;
      } catch (error) {
        const attempts = (job.attempts ?? 0) + 1;
        if (attempts >= MAX_ATTEMPTS) {
          deps.logger.error('due job failed for the last time; dropped', {
            jobId: job.id,
            kind: job.kind,
            attempts,
            error,
          });
          await deps.jobs.done(job);
        } else {
          deps.logger.warn('due job failed; will retry', { jobId: job.id, kind: job.kind, attempts, error });
          await deps.jobs.done(job);
          await deps.jobs.schedule({
            ...job,
            attempts,
            dueAt: new Date(now.getTime() + 30_000 * 2 ** (attempts - 1)),
          });
        }
      }
    }
    if (due.length < pageSize) return ran;
  }
}
