import { LATE_AFTER_MS } from '../../domain/reminders/reminder-rules.js';

/**
 * One scheduler tick, by two clocks: the plan clock (which the dev clock and tests move) and the
 * real clock (which only time moves). The gap between two ticks by the real clock is how long
 * nothing ticked; a jump of the plan clock alone is not downtime.
 */
export interface Tick {
  readonly planAt: Date;
  readonly realAt: Date;
}

/** Storage port: the last tick of any instance, so a restart can tell how long nothing ran. */
export interface SchedulerTicks {
  /** Stores this tick as the last one and returns the one stored before it (none on a first start). */
  swap(tick: Tick): Promise<Tick | undefined>;
}

/**
 * The plan time since which nothing ticked before `now`: the previous tick's real time carried
 * back from now. Unknown (nothing was ever stored: a first start) means no downtime.
 */
export function downSince(previous: Tick | undefined, now: Tick): Date | undefined {
  if (!previous) return undefined;
  const gap = Math.max(0, now.realAt.getTime() - previous.realAt.getTime());
  return new Date(now.planAt.getTime() - gap);
}

/**
 * Whether a job is sent late because Planpuls was down: it fell due while nothing ticked, and
 * it goes out more than a few hours after its time. A first start, a plan imported with due times
 * already past, or a dev clock moved forward is not downtime.
 */
export function lateBecauseDown(dueAt: Date, now: Date, down: Date | undefined): boolean {
  return down !== undefined && dueAt > down && now.getTime() - dueAt.getTime() > LATE_AFTER_MS;
}
