import { describe, expect, it } from 'vitest';
import { goalsPlanFixture } from '../../../tests/support/goals-fixture.js';
import { validatePlan } from '../../domain/plan/validate-plan.js';
import { milestoneDeadlines } from './deadline-sources.js';
import type { DigestScope } from './digest-scope.js';
import type { DigestWorld } from './digest-world.js';

const checked = validatePlan(goalsPlanFixture());
if (!checked.ok) throw new Error('fixture');
const world = (from: string, to: string) =>
  ({ plan: checked.plan, window: { from, to, nextMonday: to } }) as unknown as DigestWorld;
const scope = (over: Partial<DigestScope>): DigestScope => ({
  programmes: [],
  units: [],
  roles: [],
  language: 'nb',
  named: false,
  ...over,
});

describe('milestones in the weekly digest', () => {
  it('lists a milestone of the window to those responsible by role and to its network, not to others', () => {
    const august = world('2020-08-10', '2020-08-23');
    expect(milestoneDeadlines(august, scope({ roles: ['enhetsleder'] }))).toEqual([
      { kind: 'milestone', date: '2020-08-17', title: 'Lokal plan klar' },
    ]);
    expect(milestoneDeadlines(august, scope({ roles: ['koordinator'] }))).toEqual([]);
    // A month milestone on its month's first day, for its network's channel too.
    const april = world('2021-03-29', '2021-04-11');
    expect(milestoneDeadlines(april, scope({ programmes: ['kulg'] }))).toEqual([
      expect.objectContaining({
        kind: 'milestone',
        date: '2021-04-01',
        title: 'Første evaluering av planen',
      }),
    ]);
    expect(milestoneDeadlines(world('2021-05-03', '2021-05-16'), scope({ programmes: ['kulg'] }))).toEqual(
      [],
    );
  });
});
