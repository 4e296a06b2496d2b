import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validatePlan } from '../../../../bot/domain/plan/validate-plan';
import type { EventView, PlanFile } from '../../api/types';
import { filterEvents } from './filter-events';

function demoPlan(): PlanFile {
  const result = validatePlan(parse(readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8')));
  if (!result.ok) throw new Error('the demo plan is invalid');
  return result.plan;
}

function views(plan: PlanFile): EventView[] {
  return plan.calendar.map((e) => ({
    ...e,
    planKey: 'demo',
    programmeName: e.programme,
    isoWeek: 1,
    weekday: 1,
  }));
}

describe('filterEvents by unit', () => {
  const plan = demoPlan();
  const events = views(plan);
  const forUnit = (unit: string) => filterEvents(events, plan, { unit }).map((e) => e.id);

  it("gives Gravdal barnehage the meetings its leader and staff take part in, not the regional project group's", () => {
    const ids = forUnit('gravdal-barnehage');
    expect(ids.filter((id) => id.startsWith('lp-prosjektgruppe'))).toEqual([]);
    expect(ids).not.toContain('skoleeiernettverk-01');
    expect(ids).toEqual(
      expect.arrayContaining(['kulg-01', 'lp-03', 'lp-nettverk-01', 'lederutvikling-01', 'ibsm-02']),
    );
    expect(ids).toHaveLength(30);
  });

  it('leaves a private kindergarten out of KULG, which is for the municipal unit leaders', () => {
    const privat = plan.units.find((u) => u.type === 'barnehage' && u.owner === 'privat')!;
    const withKulg = { ...plan, units: [{ ...privat, id: 'privat-med-kulg', programmes: ['kulg'] }] };
    expect(filterEvents(events, withKulg, { unit: 'privat-med-kulg' })).toEqual([]);
  });

  it('gives a unit no events of programmes it does not follow', () => {
    const lpOnly = plan.units.find((u) => u.id === 'gravdal-barnehage')!;
    const plan2 = { ...plan, units: [{ ...lpOnly, id: 'bare-lp', programmes: ['lp'] }] };
    const ids = filterEvents(events, plan2, { unit: 'bare-lp' }).map((e) => e.id);
    expect(ids.every((id) => id.startsWith('lp-') && !id.startsWith('lp-prosjektgruppe'))).toBe(true);
  });

  it('matches on the programme alone when the plan says nothing of which units hold which roles', () => {
    const bare = { ...plan, roles: plan.roles.map(({ heldAt: _held, ...role }) => role) };
    expect(filterEvents(events, bare, { unit: 'gravdal-barnehage' })).toHaveLength(34);
  });
});
