import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PlanFile } from './plan-schema.js';
import { eventsForPerson } from './unit-events.js';
import { validatePlan } from './validate-plan.js';

function demoPlan(): PlanFile {
  const result = validatePlan(parse(readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8')));
  if (!result.ok) throw new Error('the demo plan is invalid');
  return result.plan;
}

describe('eventsForPerson', () => {
  const plan = demoPlan();
  const ids = (leads: string[], networks: string[]) =>
    eventsForPerson(plan.calendar, plan, { leads, networks }).map((e) => e.id);

  it("gives the styrer of Gravdal barnehage her unit's meetings and not the regional project group's", () => {
    const mine = ids(['gravdal-barnehage'], []);
    expect(mine).toContain('kulg-01');
    expect(mine).toContain('lp-nettverk-01');
    expect(mine.some((id) => id.startsWith('lp-prosjektgruppe'))).toBe(false);
  });

  it('gives a member of the project group its meetings, and a network its own networks', () => {
    expect(ids([], ['lp-prosjektgruppe'])).toEqual([
      'lp-prosjektgruppe-01',
      'lp-prosjektgruppe-02',
      'lp-prosjektgruppe-03',
      'lp-prosjektgruppe-04',
    ]);
    expect(ids([], ['ibsm'])).toEqual(expect.arrayContaining(['ibsm-01', 'ibsm-kjernenettverk-01']));
  });

  it('gives someone with no unit and no network the whole calendar', () => {
    expect(ids([], [])).toHaveLength(plan.calendar.length);
  });
});
