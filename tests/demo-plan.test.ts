import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoWeekOf, isWeekend } from '../bot/domain/calendar/iso-week.js';
import { schoolYear } from '../bot/domain/calendar/school-year.js';
import { rollPlanForward } from '../bot/domain/plan/roll-forward.js';
import { parsePlan } from '../bot/domain/plan/validate-plan.js';

const source = readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8');
const result = parsePlan(source);
const plan = result.ok ? result.plan : undefined;

describe('the shipped Vestvågøy 2020–2021 plan', () => {
  it('validates against the schema', () => {
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('holds every dated entry of Kalender og milepæler with its original date', () => {
    // The dated rows of the seed's calendar, in order (empty week rows and the undated
    // "Uke 8 - 25" period are not entries).
    expect(plan!.calendar.map((e) => e.date)).toEqual([
      '2020-05-14',
      '2020-05-20',
      '2020-05-28',
      '2020-06-03',
      '2020-06-11',
      '2020-06-12',
      '2020-06-22',
      '2020-08-15',
      '2020-08-17',
      '2020-08-17',
      '2020-08-28',
      '2020-09-01',
      '2020-09-09',
      '2020-09-09',
      '2020-09-10',
      '2020-09-15',
      '2020-09-16',
      '2020-09-24',
      '2020-09-25',
      '2020-10-01',
      '2020-10-05',
      '2020-10-29',
      '2020-10-30',
      '2020-11-05',
      '2020-11-19',
      '2020-12-17',
      '2021-01-03',
      '2021-01-13',
      '2021-01-14',
      '2021-01-21',
      '2021-02-25',
      '2021-02-25',
      '2021-03-11',
      '2021-04-21',
      '2021-04-22',
    ]);
  });

  it('keeps the rules of the regional project group: items 3 weeks before, agenda a week before', () => {
    const meetings = plan!.calendar.filter((e) => e.programme === 'lp-prosjektgruppe');
    expect(meetings.length).toBeGreaterThan(0);
    for (const meeting of meetings.filter((m) => m.rules.length > 0)) {
      expect(meeting.rules).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'agenda-items-deadline', daysBefore: 21 }),
          expect.objectContaining({ kind: 'agenda-publish', daysBefore: 7 }),
        ]),
      );
    }
  });

  it('notes every weekend date and every wrongly printed week number', () => {
    for (const event of plan!.calendar) {
      if (isWeekend(event.date))
        expect((event.sourceNotes ?? []).join(' '), event.id).toMatch(/lørdag|søndag|helg/i);
      if (event.printedWeek !== undefined)
        expect(event.printedWeek, event.id).not.toBe(isoWeekOf(event.date).week);
    }
    expect(plan!.calendar.filter((e) => isWeekend(e.date)).map((e) => e.date)).toEqual([
      '2020-08-15',
      '2021-01-03',
    ]);
  });

  it("names roles, never people: no e-mail addresses and none of the seed's personal names", () => {
    expect(source).not.toMatch(/@/);
    expect(source).not.toMatch(/\b(Bianca|Arne|Kvendseth|Lene|Siri|Bjørn Olav|John Davy|Tor Ivar)\b/);
  });

  it('names the units with type and municipality and the programmes they take part in', () => {
    const unit = plan!.units.find((u) => u.id === 'leknes-skole');
    expect(unit).toMatchObject({ type: 'skole', owner: 'kommunal', municipality: 'Vestvågøy' });
    expect(unit!.programmes).toEqual(expect.arrayContaining(['lp', 'ibsm-kjernenettverk']));
    expect(new Set(plan!.units.map((u) => u.type))).toEqual(
      new Set(['skole', 'barnehage', 'ppt', 'barnevern', 'familie', 'flyktning']),
    );
  });

  it('has the eight development themes and the future pictures with their yes/no signs per unit type', () => {
    expect(plan!.themes.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const types = new Set(plan!.futurePictures.flatMap((p) => p.appliesTo));
    for (const type of ['barnehage', 'skole', 'ppt', 'barnevern', 'familie', 'flyktning'])
      expect(types).toContain(type);
    expect(plan!.futurePictures.every((p) => p.signs.length > 0)).toBe(true);
    expect(plan!.futurePictures.find((p) => p.id === 'pedagogisk-analyse')?.signs.length).toBeGreaterThan(0);
  });

  it('rolls forward to 2026–2027 keeping weekday and ISO week', () => {
    const rolled = rollPlanForward(plan!, schoolYear(2026));
    expect(rolled.calendar.find((e) => e.id === 'kulg-01')?.date).toBe('2026-05-14');
    rolled.calendar.forEach((event, i) => {
      const before = isoWeekOf(plan!.calendar[i]!.date);
      expect(isoWeekOf(event.date)).toMatchObject({ week: before.week, weekday: before.weekday });
    });
  });
});
