/**
 * Plan dates are plain calendar dates (`YYYY-MM-DD`) in the plan's time zone. They are computed
 * on as UTC midnights so that no browser time zone can shift them by a day.
 */
const DAY_MS = 86_400_000;

export function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  return toUtc(date).getUTCDay() || 7;
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
