import { describe, expect, it } from 'vitest';
import { parseSchoolYear, schoolYearOf } from './school-year.js';

describe('schoolYearOf', () => {
  it('starts a school year on 1 August', () => {
    expect(schoolYearOf('2026-07-31').label).toBe('2025-2026');
    expect(schoolYearOf('2026-08-01').label).toBe('2026-2027');
    expect(schoolYearOf('2026-11-23').label).toBe('2026-2027');
  });
});

describe('parseSchoolYear', () => {
  it('accepts two consecutive years and refuses anything else', () => {
    expect(parseSchoolYear('2026-2027')?.startYear).toBe(2026);
    expect(parseSchoolYear('2026-2028')).toBeUndefined();
    expect(parseSchoolYear('26-27')).toBeUndefined();
  });
});
