/** A Norwegian school year runs from August to June; we switch on 1 August. */
export interface SchoolYear {
  readonly startYear: number;
  /** `2026-2027`. */
  readonly label: string;
}

export function schoolYear(startYear: number): SchoolYear {
  return { startYear, label: `${startYear}-${startYear + 1}` };
}

export function parseSchoolYear(label: string): SchoolYear | undefined {
  const match = /^(\d{4})-(\d{4})$/.exec(label);
  if (!match) return undefined;
  const start = Number(match[1]);
  return Number(match[2]) === start + 1 ? schoolYear(start) : undefined;
}

/** The school year a calendar date belongs to. */
export function schoolYearOf(date: string): SchoolYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return schoolYear(month >= 8 ? year : year - 1);
}
