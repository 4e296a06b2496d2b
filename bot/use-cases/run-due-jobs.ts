import type { Clock } from '../domain/clock.js';
import type { Logger } from '../log/logger.js';
import type { DueJob, DueJobHandler, DueJobs, TickContext } from './due-jobs.js';

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
 *
 * A job whose outcome cannot be stored (storage fails after its handler) stays where it was, due,
 * and runs again on a later tick (handlers are idempotent); the rest of the page still runs, and the
 * tick ends after that page rather than reading the same job again at once.
 */
export async function runDueJobs(deps: RunDueJobsDeps, pageSize = 200): Promise<number> {
  let ran = 0;
  for (;;) {
    const now = deps.clock.now();
    const due = await deps.jobs.due(now, pageSize);
    let unrecorded = 0;
    for (const job of due) {
      const error = await runOne(deps, job, now);
      try {
        if (error === undefined) {
          await deps.jobs.done(job);
          ran++;
        } else await recordFailure(deps, job, now, error);
      } catch (storeError) {
        unrecorded++;
        deps.logger.error('could not record a due job’s outcome; it stays due and runs again', {
          jobId: job.id,
          kind: job.kind,
          error: storeError,
        });
      }
    }
    if (due.length < pageSize || unrecorded > 0) return ran;
  }
}

/** Runs a job's handler; the error it threw, or undefined when it succeeded. */
async function runOne(deps: RunDueJobsDeps, job: DueJob, now: Date): Promise<unknown> {
  try {
    const handler = deps.handlers[job.kind];
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler(job, now, deps.tick ?? {});
    return undefined;
  } catch (error) {
    return error ?? new Error('a due job handler threw nothing');
  }
}

async function recordFailure(deps: RunDueJobsDeps, job: DueJob, now: Date, error: unknown): Promise<void> {
  const attempts = (job.attempts ?? 0) + 1;
  if (attempts >= MAX_ATTEMPTS) {
    deps.logger.error('due job failed for the last time; dropped', {
      jobId: job.id,
      kind: job.kind,
      attempts,
      error,
    });
    await deps.jobs.done(job);
    return;
  }
  deps.logger.warn('due job failed; will retry', { jobId: job.id, kind: job.kind, attempts, error });
  // Scheduling an existing id moves it in one write (queue row and index together): removing the
  // job first and scheduling it after would lose it to a crash or a storage error in between.
  await deps.jobs.schedule({
    ...job,
    attempts,
    dueAt: new Date(now.getTime() + 30_000 * 2 ** (attempts - 1)),
  });
}
