import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/i18n';
import { instantInWords, unitCount } from './words';

describe('moments and counts in words', () => {
  it('says a moment with its weekday and the time in Oslo', () => {
    expect(instantInWords('2026-11-23T08:00:00.000Z', 'nb')).toBe('mandag 23. november 2026 kl. 09:00');
    expect(instantInWords('2026-11-23T08:00:00.000Z', 'en')).toBe('Monday, 23 November 2026 at 09:00');
  });

  it('counts units in the singular and the plural', () => {
    expect([unitCount(1, translator('nb')), unitCount(2, translator('nb'))]).toEqual([
      '1 enhet',
      '2 enheter',
    ]);
    expect([unitCount(1, translator('en')), unitCount(0, translator('en'))]).toEqual(['1 unit', '0 units']);
  });
});
