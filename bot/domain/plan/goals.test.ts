import { describe, expect, it } from 'vitest';
import { goalsPlanFixture } from '../../../tests/support/goals-fixture.js';
import { planFixture } from '../../../tests/support/plan-fixture.js';
import { schoolYear } from '../calendar/school-year.js';
import { plannedReminders } from '../reminders/reminder-rules.js';
import { calendarEntries, milestoneEntries } from './milestone-entries.js';
import { planForParticipants } from './participant-view.js';
import type { PlanFile } from './plan-schema.js';
import { rollPlanForward } from './roll-forward.js';
import { planIssueText } from '../../i18n/plan-issues.js';
import { validatePlan } from './validate-plan.js';

/** The problems as a Norwegian reader gets them. */
function said(plan: unknown) {
  return issuesOf(plan).map((issue) => {
    const { where, message } = planIssueText(issue, 'nb');
    return { where, message };
  });
}

function issuesOf(plan: unknown) {
  const result = validatePlan(plan);
  return result.ok ? [] : result.issues;
}

function valid(raw: unknown): PlanFile {
  const result = validatePlan(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

describe('plan goals and milestones (format 2)', () => {
  it('accepts goals, a theme linked to a goal, and milestones by day, by month and undated', () => {
    expect(issuesOf(goalsPlanFixture())).toEqual([]);
  });

  it('refuses a theme or milestone naming a goal that does not exist, naming entry and field', () => {
    const plan = goalsPlanFixture();
    plan.themes[0].servesGoals = ['mal-9'];
    plan.milestones[1].goals = ['mal-1', 'mal-7'];
    expect(said(plan)).toEqual([
      { where: 'themes[0] (tema-1).servesGoals[0]', message: 'ukjent mål «mal-9»' },
      { where: 'milestones[1] (lokal-plan).goals[1]', message: 'ukjent mål «mal-7»' },
    ]);
  });

  it('refuses a milestone with an unknown responsible role or programme, and duplicate goal ids', () => {
    const plan = goalsPlanFixture();
    plan.milestones[0].responsible = ['rektor'];
    plan.milestones[0].programme = 'kulgg';
    plan.goals[1].id = 'mal-1';
    expect(said(plan)).toEqual([
      { where: 'goals[1] (mal-1).id', message: 'id «mal-1» finnes fra før' },
      // The theme served «mal-2», which is gone now.
      { where: 'themes[0] (tema-1).servesGoals[0]', message: 'ukjent mål «mal-2»' },
      { where: 'milestones[0] (evaluering).programme', message: 'ukjent program/nettverk «kulgg»' },
      { where: 'milestones[0] (evaluering).responsible[0]', message: 'ukjent rolle «rektor»' },
    ]);
  });

  it('refuses a milestone with both a day and a month, a malformed month, and a reminder without a date', () => {
    const plan = goalsPlanFixture();
    plan.milestones[0].date = '2021-04-12';
    plan.milestones[1].date = undefined;
    plan.milestones[1].month = '2020-13';
    plan.milestones[2].reminder = { daysBefore: 3 };
    expect(issuesOf(plan).map((i) => i.path)).toEqual([
      'milestones[0] (evaluering).month',
      'milestones[1] (lokal-plan).month',
      'milestones[2] (tidsressurser).reminder',
    ]);
  });

  it('still imports a version 1 file, its unit note kept for administrators only', () => {
    const old = planFixture();
    old.units[0].note = 'Eierform ikke oppgitt i kilden.';
    const plan = valid(old);
    expect(plan.version).toBe(2);
    expect(plan.goals).toEqual([]);
    expect(plan.milestones).toEqual([]);
    expect(plan.units[0]).toMatchObject({ sourceNotes: ['Eierform ikke oppgitt i kilden.'] });
    expect(planForParticipants(plan).units[0]).not.toHaveProperty('sourceNotes');
  });

  it('refuses a unit `note` in a version 2 file (it is `notes` or `sourceNotes` now)', () => {
    const plan = goalsPlanFixture();
    plan.units[0].note = 'x';
    expect(issuesOf(plan)[0]?.path).toBe('units[0] (leknes-skole)');
  });

  it('keeps administrators’ notes on milestones and goals from participants', () => {
    const shown = planForParticipants(valid(goalsPlanFixture()));
    expect(shown.milestones[0]).not.toHaveProperty('sourceNotes');
    expect(shown.goals).toHaveLength(2);
  });
});

describe('milestones in the calendar', () => {
  it('shows dated milestones as calendar entries that are not meetings, a month on its first day', () => {
    const entries = milestoneEntries(valid(goalsPlanFixture()));
    expect(entries.map((e) => [e.id, e.kind, e.date, e.month, e.slots.length])).toEqual([
      ['evaluering', 'milestone', '2021-04-01', '2021-04', 0],
      ['lokal-plan', 'milestone', '2020-08-17', undefined, 0],
    ]);
    expect(entries[0]!.participants).toEqual(['enhetsledere']);
    expect(calendarEntries(valid(goalsPlanFixture()))).toHaveLength(5);
  });

  it('plans a milestone reminder by its own rule and no meeting reminder for it', () => {
    const reminders = plannedReminders('k', valid(goalsPlanFixture()), 'Europe/Oslo');
    const milestone = reminders.filter((r) => r.eventId === 'evaluering');
    expect(milestone).toEqual([
      {
        id: 'milestone:k:evaluering',
        kind: 'milestone-reminder',
        planKey: 'k',
        eventId: 'evaluering',
        // 7 days before 1 April 2021, 08:00 summer time.
        dueAt: new Date('2021-03-25T07:00:00.000Z'),
        lastDay: '2021-04-30',
      },
    ]);
    expect(reminders.some((r) => r.eventId === 'lokal-plan' || r.eventId === 'tidsressurser')).toBe(false);
  });
});

describe('rolling milestones forward', () => {
  it('keeps a month milestone in its month and a day milestone on its ISO week and weekday', () => {
    const rolled = rollPlanForward(valid(goalsPlanFixture()), schoolYear(2026));
    expect(rolled.milestones.map((m) => [m.id, m.date, m.month])).toEqual([
      ['evaluering', undefined, '2027-04'],
      ['lokal-plan', '2026-08-17', undefined],
      ['tidsressurser', undefined, undefined],
    ]);
    expect(validatePlan(rolled).ok).toBe(true);
  });

  it('rolls the shipped plan’s November 2020 evaluation to November 2026', async () => {
    const { readFileSync } = await import('node:fs');
    const { parsePlan } = await import('./validate-plan.js');
    const parsed = parsePlan(readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8'));
    if (!parsed.ok) throw new Error('shipped plan invalid');
    const rolled = rollPlanForward(parsed.plan, schoolYear(2026));
    expect(rolled.milestones.find((m) => m.id === 'forste-evaluering')?.month).toBe('2026-11');
    expect(rolled.milestones.find((m) => m.id === 'halvarsrapport-juni')?.month).toBe('2027-06');
  });
});
