/**
 * Work that falls due at a time: stored, so a restart loses nothing; a tick runs what is due.
 * Handlers must be idempotent (a job may run twice after a crash); enqueueing to the outbox with
 * a deterministic message id makes a second run harmless.
 */
export interface DueJob {
  /**
   * Deterministic, e.g. `reminder:vestvagoy.2026-2027:kulg-03`. Scheduling the same id again moves
   * it. An id `@group/…` names a group whose new jobs, when many are scheduled at once, a store
   * may write together (e.g. `@rapport-revider/2026-H2:leknes-skole`).
   */
  readonly id: string;
  /** Which handler runs it, e.g. `meeting-reminder`. */
  readonly kind: string;
  /** When it falls due (UTC instant). */
  readonly dueAt: Date;
  /** Plain JSON for the handler. */
  readonly payload: Record<string, unknown>;
  /** Failed runs so far (for backoff). */
  readonly attempts?: number;
}

export interface DueJobs {
  /**
   * Creates or moves a job. `firstTime`: the caller knows of no earlier job with this id, so the
   * store may try to create it without reading first (a wrong hint costs one more call, no more).
   */
  schedule(job: DueJob, hint?: { firstTime?: boolean }): Promise<void>;
  /** Removes a job if it is still pending. */
  cancel(id: string): Promise<void>;
  get(id: string): Promise<DueJob | undefined>;
  /** Jobs due at `now` or earlier, oldest first; reads only what is due. */
  due(now: Date, limit: number): Promise<DueJob[]>;
  /** Removes a job that has run. */
  done(job: DueJob): Promise<void>;
  /** All pending jobs of a kind whose id starts with a prefix (for re-syncing a plan's jobs). */
  list(prefix: string): Promise<DueJob[]>;
}

/** What a tick knows that a job may need. */
export interface TickContext {
  /** When the scheduler last ticked before a gap of real downtime; undefined if it did not stop. */
  readonly downSince?: Date;
}

/** Runs one kind of job; throw to have it retried with backoff. */
export type DueJobHandler = (job: DueJob, now: Date, tick: TickContext) => Promise<void>;
