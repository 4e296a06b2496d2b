/** The plan's time zone: dates and "today" are Norwegian whatever the device says. */
export const PLAN_TIME_ZONE = 'Europe/Oslo';

/** Today's date (`YYYY-MM-DD`) in Oslo. */
export function todayInOslo(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: PLAN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
