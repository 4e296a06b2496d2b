import { describe, expect, it } from 'vitest';
import { planFixture } from '../../../tests/support/plan-fixture.js';
import { isoWeekOf } from '../calendar/iso-week.js';
import { schoolYear } from '../calendar/school-year.js';
import type { PlanFile } from './plan-schema.js';
import { rollPlanForward, rollSchoolYearIn } from './roll-forward.js';
import { validatePlan } from './validate-plan.js';

function fixture(): PlanFile {
  const result = validatePlan(planFixture());
  if (!result.ok) throw new Error('fixture is invalid');
  return result.plan;
}

describe('rollPlanForward', () => {
  it('keeps ISO week and weekday of every event', () => {
    const plan = fixture();
    const rolled = rollPlanForward(plan, schoolYear(2026));
    rolled.calendar.forEach((event, i) => {
      const before = isoWeekOf(plan.calendar[i]!.date);
      const after = isoWeekOf(event.date);
      expect([after.week, after.weekday]).toEqual([before.week, before.weekday]);
      expect(after.year - before.year).toBe(6);
    });
  });

  it('moves Thursday 14 May 2020 (week 20) to Thursday 14 May 2026', () => {
    expect(rollPlanForward(fixture(), schoolYear(2026)).calendar[0]?.date).toBe('2026-05-14');
  });

  it('keeps the length of a date range', () => {
    const event = rollPlanForward(fixture(), schoolYear(2026)).calendar[1]!;
    expect([event.date, event.endDate]).toEqual(['2026-09-16', '2026-09-17']);
  });

  it('keeps a week-53 Sunday in week 53 when the target year has one, else week 52', () => {
    expect(rollPlanForward(fixture(), schoolYear(2026)).calendar[2]?.date).toBe('2027-01-03');
    expect(isoWeekOf(rollPlanForward(fixture(), schoolYear(2027)).calendar[2]!.date)).toMatchObject({
      year: 2027,
      week: 52,
      weekday: 7,
    });
  });

  it('sets the school year, moves period tasks and leaves ids untouched', () => {
    const rolled = rollPlanForward(fixture(), schoolYear(2026));
    expect(rolled.schoolYear).toBe('2026-2027');
    expect(rolled.periodTasks[0]).toMatchObject({ id: 'periode-01', from: '2026-05-01', to: '2026-06-30' });
    expect(rolled.calendar.map((e) => e.id)).toEqual(['kulg-01', 'lp-01', 'kulg-02']);
  });

  it('returns a valid plan', () => {
    expect(validatePlan(rollPlanForward(fixture(), schoolYear(2031))).ok).toBe(true);
  });

  it('writes the target school year into the title, as the title writes it', () => {
    const plan = { ...fixture(), title: 'Utviklingsplan Utdanning/Oppvekst 2020–2021' };
    expect(rollPlanForward(plan, schoolYear(2026)).title).toBe('Utviklingsplan Utdanning/Oppvekst 2026–2027');
    const from = schoolYear(2020);
    expect(rollSchoolYearIn('Plan 2020-2021', from, schoolYear(2026))).toBe('Plan 2026-2027');
    expect(rollSchoolYearIn('Plan for 2020/21 (rev. 2019)', from, schoolYear(2031))).toBe(
      'Plan for 2031/32 (rev. 2019)',
    );
    expect(rollSchoolYearIn('Plan 2020 – 2021', from, schoolYear(2026))).toBe('Plan 2026 – 2027');
  });

  it("writes the target school year into an event's texts", () => {
    const plan = fixture();
    const event = { ...plan.calendar[0]!, description: 'Utviklingsplan 2020-2021\nGjennomgang.' };
    const rolled = rollPlanForward({ ...plan, calendar: [event] }, schoolYear(2026));
    expect(rolled.calendar[0]?.description).toBe('Utviklingsplan 2026-2027\nGjennomgang.');
  });

  it('keeps a title that names no school year, or another one', () => {
    const from = schoolYear(2020);
    expect(rollSchoolYearIn('Testplan', from, schoolYear(2026))).toBe('Testplan');
    expect(rollSchoolYearIn('Strategi 2019–2024', from, schoolYear(2026))).toBe('Strategi 2019–2024');
  });
});
