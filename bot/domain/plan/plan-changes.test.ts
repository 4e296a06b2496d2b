import { describe, expect, it } from 'vitest';
import { planFixture } from '../../../tests/support/plan-fixture.js';
import { planChanges, samePlan } from './plan-changes.js';
import { validatePlan } from './validate-plan.js';

function plan(edit: (raw: any) => void = () => undefined) {
  const raw = planFixture();
  edit(raw);
  const result = validatePlan(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

describe('planChanges', () => {
  it('calls everything new when nothing is stored', () => {
    const next = plan();
    const changes = planChanges(undefined, next);
    expect(changes.isNew).toBe(true);
    expect(changes.events.added).toHaveLength(next.calendar.length);
    expect(changes.events.total).toBe(next.calendar.length);
  });

  it('finds nothing between a plan and itself, whatever order its keys come in', () => {
    const reordered = Object.fromEntries(Object.entries(plan()).reverse()) as ReturnType<typeof plan>;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(plan()));
    expect(samePlan(plan(), reordered)).toBe(true);
    expect(
      samePlan(
        plan(),
        plan((raw) => (raw.title = 'Annen tittel')),
      ),
    ).toBe(false);
    const changes = planChanges(plan(), plan());
    expect(changes.isNew).toBe(false);
    expect(changes.events).toMatchObject({ added: [], removed: [], moved: [], changed: [] });
    expect(changes.units).toMatchObject({ added: [], removed: [] });
  });

  it('tells moved, changed, added and removed events and units apart', () => {
    const before = plan();
    const after = plan((raw) => {
      raw.calendar[0].date = '2020-09-03';
      raw.calendar[1].title = 'LP-samling, ny tittel';
      raw.calendar.pop();
      raw.calendar.push({ id: 'ny-samling', date: '2021-03-04', programme: 'lp', title: 'Ny samling' });
      raw.units.pop();
    });
    const changes = planChanges(before, after);
    expect(changes.events.moved).toEqual([
      {
        id: before.calendar[0]!.id,
        title: before.calendar[0]!.title,
        from: before.calendar[0]!.date,
        to: '2020-09-03',
      },
    ]);
    expect(changes.events.changed.map((e) => e.id)).toEqual([before.calendar[1]!.id]);
    expect(changes.events.removed.map((e) => e.id)).toEqual([before.calendar.at(-1)!.id]);
    expect(changes.events.added).toEqual([{ id: 'ny-samling', title: 'Ny samling', date: '2021-03-04' }]);
    expect(changes.units.removed).toEqual([before.units.at(-1)!.id]);
  });
});
