import { describe, expect, it } from 'vitest';
import { titleWithProgramme } from './event-name.js';

describe('titleWithProgramme', () => {
  it('names the programme after a title that does not', () => {
    expect(titleWithProgramme('Fagdag 3', 'LP')).toBe('Fagdag 3 (LP)');
  });

  it('does not repeat a programme the title names already', () => {
    expect(titleWithProgramme('Lederutvikling', 'Lederutvikling')).toBe('Lederutvikling');
    expect(titleWithProgramme('Ledermøte KULG', 'KULG')).toBe('Ledermøte KULG');
    expect(titleWithProgramme('Ledersamling lederutvikling', 'Lederutvikling')).toBe(
      'Ledersamling lederutvikling',
    );
  });
});
