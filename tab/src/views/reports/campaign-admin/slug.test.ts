import { describe, expect, it } from 'vitest';
import { periodsFrom, slugOf } from './slug';

describe('a request’s short name and the half years to choose from', () => {
  it('makes an id the server takes from a Norwegian title', () => {
    expect(slugOf('Kontaktperson for skolemiljø')).toBe('kontaktperson-for-skolemiljo');
    expect(slugOf('  Ærlig talt: Året på én side! ')).toBe('aerlig-talt-aret-pa-en-side');
    expect(slugOf('???')).toBe('foresporsel');
    expect(slugOf('a'.repeat(80))).toHaveLength(50);
  });

  it('offers this half year and the next two', () => {
    expect(periodsFrom('2026-11-23')).toEqual(['2026-H2', '2027-H1', '2027-H2']);
    expect(periodsFrom('2027-03-01')).toEqual(['2027-H1', '2027-H2', '2028-H1']);
  });
});
