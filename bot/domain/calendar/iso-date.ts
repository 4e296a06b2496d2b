const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A real calendar date written `YYYY-MM-DD`: `2027-02-30` and `2026-13-01` are not. The date must
 * round-trip through the calendar, which `Date.parse` alone does not check (it rolls 30 February
 * over to 2 March).
 */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
