import type { DueJob, DueJobHandler, DueJobs } from './due-jobs.js';

/** One occurrence of recurring work: stored as the due job `<kind>:<key>`. */
export interface Occurrence {
  /** Tells occurrences apart, e.g. the half-year period `2027-H1`. */
  readonly key: string;
  readonly dueAt: Date;
  readonly payload: Record<string, unknown>;
}

/**
 * Work that comes back, e.g. opening each half-year's report campaign. Each occurrence is a
 * stored due job, so a restart loses none and two instances run it once; running one schedules
 * the next. `run` must be idempotent: if scheduling the next fails, the job is retried.
 */
export interface Recurring {
  /** The due job kind, also the prefix of each occurrence's job id. */
  readonly kind: string;
  /** The occurrence that should be pending now (scheduled once per process start). */
  first(now: Date): Promise<Occurrence | undefined>;
  /** Runs one occurrence; answers the next one, if any. */
  run(job: DueJob, now: Date): Promise<Occurrence | undefined>;
}

/** The due-job handlers of recurring work, and the start-up step that makes sure each is pending. */
export function recurringJobs(
  jobs: DueJobs,
  recurring: readonly Recurring[],
): { ensure(now: Date): Promise<void>; handlers: Record<string, DueJobHandler> } {
  const schedule = (kind: string, next: Occurrence | undefined) =>
    next
      ? jobs.schedule({ id: `${kind}:${next.key}`, kind, dueAt: next.dueAt, payload: next.payload })
      : Promise.resolve();
  let ensured = false;
  return {
    // Once per process, and again at the next tick if it failed (storage down at start-up).
    async ensure(now) {
      if (ensured) return;
      for (const work of recurring) await schedule(work.kind, await work.first(now));
      ensured = true;
    },
    handlers: Object.fromEntries(
      recurring.map((work) => [
        work.kind,
        async (job: DueJob, now: Date) => schedule(work.kind, await work.run(job, now)),
      ]),
    ),
  };
}
