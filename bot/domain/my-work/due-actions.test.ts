import { describe, expect, it } from 'vitest';
import { dueActions } from './due-actions.js';

const action = (id: string, deadline: string, status: 'ikke-startet' | 'pågår' | 'fullført' = 'pågår') => ({
  id,
  text: id,
  deadline,
  status,
});

describe('dueActions', () => {
  it('keeps actions not done due within the days ahead and every overdue one, soonest first', () => {
    const found = dueActions(
      [
        action('later', '2027-01-05'),
        action('edge', '2027-01-04'),
        action('today', '2026-11-23'),
        action('old', '2025-01-01', 'ikke-startet'),
        action('done', '2026-11-01', 'fullført'),
      ],
      '2026-11-23',
      42,
    );
    expect(found.map((a) => [a.id, a.overdue])).toEqual([
      ['old', true],
      ['today', false],
      ['edge', false],
    ]);
  });
});
