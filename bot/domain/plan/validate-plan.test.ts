import { describe, expect, it } from 'vitest';
import { planFixture, planYaml } from '../../../tests/support/plan-fixture.js';
import { planIssueText } from '../../i18n/plan-issues.js';
import type { Language } from '../../i18n/messages.js';
import { parsePlan, validatePlan } from './validate-plan.js';

/** The problems as a person reads them (Norwegian unless asked), without their codes. */
function issuesOf(plan: unknown, language: Language = 'nb') {
  const result = validatePlan(plan);
  return result.ok
    ? []
    : result.issues.map((issue) => {
        const { where, message } = planIssueText(issue, language);
        return { where, message };
      });
}

describe('validatePlan', () => {
  it('accepts a complete plan', () => {
    expect(issuesOf(planFixture())).toEqual([]);
  });

  it('names the entry by id and the field when a time is malformed', () => {
    const plan = planFixture();
    plan.calendar[0].slots[0].start = '25:00';
    expect(issuesOf(plan)).toEqual([
      { where: 'calendar[0] (kulg-01).slots[0].start', message: 'må være et klokkeslett TT:MM' },
    ]);
  });

  it('refuses a date that does not exist', () => {
    const plan = planFixture();
    plan.calendar[1].date = '2020-02-30';
    expect(issuesOf(plan)).toEqual([
      { where: 'calendar[1] (lp-01).date', message: 'er ikke en gyldig dato' },
    ]);
  });

  it('refuses an end date before the start date', () => {
    const plan = planFixture();
    plan.calendar[1].endDate = '2020-09-15';
    expect(issuesOf(plan)[0]?.where).toBe('calendar[1] (lp-01).endDate');
  });

  it('refuses a reference to an unknown programme or role', () => {
    const plan = planFixture();
    plan.calendar[2].programme = 'kulgg';
    plan.calendar[0].participants.push('rektor');
    expect(issuesOf(plan)).toEqual([
      { where: 'calendar[0] (kulg-01).participants[2]', message: 'ukjent rolle «rektor»' },
      { where: 'calendar[2] (kulg-02).programme', message: 'ukjent program/nettverk «kulgg»' },
    ]);
  });

  it('refuses a call for agenda items on a meeting that takes no items, but lets it be turned off', () => {
    const plan = planFixture();
    plan.calendar[1].reminders = { agendaCallLeadDays: 5 };
    plan.calendar[2].reminders = { agendaCallLeadDays: false };
    expect(issuesOf(plan)).toEqual([
      {
        where: 'calendar[1] (lp-01).reminders.agendaCallLeadDays',
        message:
          'møtet tar ikke imot saker: gi det en agenda-items-deadline-regel, eller programmet agendaItemsDaysBefore',
      },
    ]);
    plan.calendar[1].rules = [{ kind: 'agenda-items-deadline', daysBefore: 14 }];
    expect(issuesOf(plan)).toEqual([]);
  });

  it('refuses duplicate ids', () => {
    const plan = planFixture();
    plan.calendar[2].id = 'kulg-01';
    expect(issuesOf(plan)).toEqual([
      { where: 'calendar[2] (kulg-01).id', message: 'id «kulg-01» finnes fra før' },
    ]);
  });

  it('refuses unknown fields so typos do not pass silently', () => {
    const plan = planFixture();
    plan.calendar[0].lokasjon = 'Rådhuset';
    expect(issuesOf(plan)[0]?.where).toBe('calendar[0] (kulg-01)');
  });

  it('refuses another format version', () => {
    const plan = planFixture();
    plan.version = 3;
    expect(issuesOf(plan)[0]?.where).toBe('version');
  });
});

describe('parsePlan', () => {
  it('reads YAML', () => {
    expect(parsePlan(planYaml()).ok).toBe(true);
  });

  it('reads JSON', () => {
    expect(parsePlan(JSON.stringify(planFixture())).ok).toBe(true);
  });

  it('names the line of a syntax error', () => {
    const result = parsePlan('format: planpuls-plan\nversion: [1\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(planIssueText(result.issues[0]!, 'nb').where).toMatch(/^linje \d+$/);
      expect(planIssueText(result.issues[0]!, 'en').where).toMatch(/^line \d+$/);
      expect(planIssueText(result.issues[0]!, 'en').message).toMatch(/^cannot be read as YAML\/JSON/);
    }
  });

  it('refuses duplicate keys', () => {
    expect(parsePlan('id: a\nid: b\n').ok).toBe(false);
  });
});

describe('validatePlan in Norwegian', () => {
  it('words the schema library’s own problems in Norwegian too', () => {
    const plan = planFixture();
    plan.calendar[0].lokasjon = 'Rådhuset';
    plan.programmes[0].defaults = { readingLeadDays: 90 };
    plan.units[0].type = 7;
    const messages = issuesOf(plan).map((i) => `${i.where}: ${i.message}`);
    expect(messages).toContain('calendar[0] (kulg-01): Ukjent nøkkel: "lokasjon"');
    expect(messages).toContain('programmes[0] (kulg).defaults.readingLeadDays: kan være høyst 60 dager');
    expect(messages.find((m) => m.startsWith('units[0] (leknes-skole).type'))).toMatch(/^[^:]+: Ugyldig/);
  });
});

describe('validatePlan in English', () => {
  it('says every kind of problem in English to someone who chose it, with no Norwegian left', () => {
    const plan = planFixture();
    plan.calendar[0].lokasjon = 'Rådhuset';
    plan.calendar[0].slots[0].start = '25:00';
    plan.calendar[1].date = '2020-02-30';
    plan.calendar[2].programme = 'kulgg';
    plan.calendar[3] = { ...plan.calendar[2], id: 'kulg-01', programme: 'kulg' };
    plan.programmes[0].defaults = { readingLeadDays: 90 };
    plan.programmes[0].parent = plan.programmes[0].id;
    plan.units[0].type = 7;
    plan.title = '';
    const messages = issuesOf(plan, 'en').map((i) => `${i.where}: ${i.message}`);
    expect(messages).toContain('calendar[0] (kulg-01): Unrecognized key: "lokasjon"');
    expect(messages).toContain('calendar[0] (kulg-01).slots[0].start: must be a time of day HH:MM');
    expect(messages).toContain('calendar[1] (lp-01).date: is not a real date');
    expect(messages).toContain('programmes[0] (kulg).defaults.readingLeadDays: can be at most 60 days');
    expect(messages).toContain('title: cannot be empty');
    expect(messages.find((m) => m.startsWith('units[0] (leknes-skole).type'))).toMatch(/^[^:]+: Invalid/);
    const own = messages.join('\n').replace(/«[^»]*»|"[^"]*"/g, '');
    expect(own).not.toMatch(/\b(må|være|ikke|ukjent|finnes|kan|høyst|Ugyldig|nøkkel)\b/);
  });

  it('says reference problems in English', () => {
    const plan = planFixture();
    plan.calendar[2].programme = 'kulgg';
    plan.calendar[0].participants.push('rektor');
    plan.programmes[0].parent = plan.programmes[0].id;
    expect(issuesOf(plan, 'en')).toEqual([
      { where: 'programmes[0] (kulg).parent', message: 'a programme cannot be its own parent' },
      { where: 'calendar[0] (kulg-01).participants[2]', message: 'unknown role «rektor»' },
      { where: 'calendar[2] (kulg-02).programme', message: 'unknown programme/network «kulgg»' },
    ]);
  });
});
