import { describe, expect, it } from 'vitest';
import { planFixture } from '../../../tests/support/plan-fixture.js';
import { schoolYear } from '../calendar/school-year.js';
import { rollPlanForward } from '../plan/roll-forward.js';
import { validatePlan } from '../plan/validate-plan.js';
import { meetingPassed, personConcerned, plannedReminders, reminderExpired } from './reminder-rules.js';

function plan() {
  const raw = planFixture();
  raw.calendar.push({
    id: 'kulg-03',
    date: '2020-10-26',
    programme: 'kulg',
    title: 'Etter omstilling',
    reading: 'Les.',
  });
  raw.calendar.push({
    id: 'kulg-04',
    date: '2020-03-30',
    programme: 'kulg',
    title: 'Etter sommertid',
    reading: 'Les.',
  });
  const result = validatePlan(raw);
  if (!result.ok) throw new Error('invalid');
  return rollPlanForward(result.plan, schoolYear(2026));
}

describe('plannedReminders', () => {
  const reminders = plannedReminders('t.2026-2027', plan(), 'Europe/Oslo');
  const at = (id: string) => reminders.find((r) => r.id === id)?.dueAt.toISOString();

  it('reminds the day before at 08:00 Oslo time and posts the reading assignment 7 days before', () => {
    expect(at('reminder:t.2026-2027:kulg-01')).toBe('2026-05-13T06:00:00.000Z');
    expect(at('reading:t.2026-2027:kulg-01')).toBe('2026-05-07T06:00:00.000Z');
  });

  it('gives an event without a reading assignment only the meeting reminder', () => {
    expect(reminders.filter((r) => r.eventId === 'lp-01').map((r) => r.kind)).toEqual(['meeting-reminder']);
  });

  it('stays at 08:00 local time across the October and March clock changes', () => {
    // 2026-10-25 and 2027-03-28 are the change days; rolled from 2020 the events land after them.
    const october = plannedReminders('t', plan(), 'Europe/Oslo').filter((r) => r.eventId === 'kulg-03');
    for (const r of october) {
      const local = new Intl.DateTimeFormat('nb-NO', {
        timeZone: 'Europe/Oslo',
        hour: '2-digit',
        minute: '2-digit',
      }).format(r.dueAt);
      expect(local).toBe('08:00');
    }
    expect(at('reminder:t.2026-2027:kulg-03')).toBe('2026-10-25T07:00:00.000Z');
    expect(at('reading:t.2026-2027:kulg-03')).toBe('2026-10-19T06:00:00.000Z');
  });
});

describe('plannedReminders with overrides', () => {
  it('takes the time and lead days from the programme, and the event over the programme', () => {
    const raw = planFixture();
    raw.programmes[0].defaults = { readingLeadDays: 14, reminderTime: '07:30' };
    raw.calendar[0].reminders = { readingLeadDays: 3 };
    const result = validatePlan(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const reminders = plannedReminders('t', result.plan, 'Europe/Oslo');
    expect(reminders.find((r) => r.id === 'reminder:t:kulg-01')?.dueAt.toISOString()).toBe(
      '2020-05-13T05:30:00.000Z',
    );
    expect(reminders.find((r) => r.id === 'reading:t:kulg-01')?.dueAt.toISOString()).toBe(
      '2020-05-11T05:30:00.000Z',
    );
  });
});

describe('meetingPassed', () => {
  it('keeps a multi-day meeting current until its last day', () => {
    expect(meetingPassed({ date: '2026-09-16', endDate: '2026-09-17' }, '2026-09-17')).toBe(false);
    expect(meetingPassed({ date: '2026-09-16', endDate: '2026-09-17' }, '2026-09-18')).toBe(true);
  });
});

describe('personConcerned', () => {
  const event = { programme: 'kulg', alsoFor: [], participants: ['kommunalsjef', 'enhetsledere'] };
  it('matches members of the network and people whose role takes part', () => {
    expect(personConcerned({ roles: ['medlem'], networks: ['kulg'] }, event)).toBe(true);
    expect(personConcerned({ roles: ['enhetsleder'], networks: [] }, event)).toBe(true);
    expect(personConcerned({ roles: ['medlem'], networks: ['lp'] }, event)).toBe(false);
  });
});

describe('the call for agenda items', () => {
  /** The fixture plan as validated, after `change` breaks or sets what a test needs. */
  function validated(change: (raw: Record<string, any>) => void) {
    const raw = planFixture();
    change(raw);
    const result = validatePlan(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.plan;
  }
  const calls = (plan: ReturnType<typeof validated>) =>
    plannedReminders('t', plan, 'Europe/Oslo').filter((r) => r.kind === 'agenda-call');

  it('goes out 7 days before the item deadline at 08:00 Oslo time, for meetings that take items only', () => {
    const plan = validated((raw) => {
      raw.programmes[0].defaults = { agendaItemsDaysBefore: 21 };
    });
    // KULG 14 May: items until 23 April, the call on 16 April; LP's fagdager take no items.
    expect(calls(plan)).toEqual([
      {
        id: 'agenda-call:t:kulg-01',
        kind: 'agenda-call',
        planKey: 't',
        eventId: 'kulg-01',
        dueAt: new Date('2020-04-16T06:00:00.000Z'),
        lastDay: '2020-04-23',
      },
      expect.objectContaining({ id: 'agenda-call:t:kulg-02', lastDay: '2020-12-13' }),
    ]);
  });

  it('follows an event deadline rule, and stays at 08:00 when the clock changes before the meeting', () => {
    const plan = validated((raw) => {
      raw.calendar[1].date = '2027-04-22';
      raw.calendar[1].endDate = undefined;
      raw.calendar[1].rules = [{ kind: 'agenda-items-deadline', daysBefore: 21 }];
    });
    const [call] = calls(plan);
    // Items until 1 April 2027 (summer time), the call on 25 March (winter time, before the 28th).
    expect(call).toMatchObject({ eventId: 'lp-01', lastDay: '2027-04-01' });
    expect(call!.dueAt.toISOString()).toBe('2027-03-25T07:00:00.000Z');
    const reminder = plannedReminders('t', plan, 'Europe/Oslo').find((r) => r.id === 'reminder:t:lp-01');
    expect(reminder!.dueAt.toISOString()).toBe('2027-04-21T06:00:00.000Z');
  });

  it('takes the lead days and time from the programme, the event over the programme, and false turns it off', () => {
    const plan = validated((raw) => {
      raw.programmes[0].defaults = {
        agendaItemsDaysBefore: 21,
        agendaCallLeadDays: 10,
        reminderTime: '07:30',
      };
      raw.calendar[2].reminders = { agendaCallLeadDays: 3 };
    });
    expect(calls(plan).map((c) => [c.eventId, c.dueAt.toISOString()])).toEqual([
      ['kulg-01', '2020-04-13T05:30:00.000Z'],
      ['kulg-02', '2020-12-10T06:30:00.000Z'],
    ]);
    const off = validated((raw) => {
      raw.programmes[0].defaults = { agendaItemsDaysBefore: 21, agendaCallLeadDays: false };
      raw.calendar[2].reminders = { agendaCallLeadDays: 0 };
    });
    expect(calls(off).map((c) => [c.eventId, c.dueAt.toISOString()])).toEqual([
      ['kulg-02', '2020-12-13T07:00:00.000Z'],
    ]);
    const eventOff = validated((raw) => {
      raw.programmes[0].defaults = { agendaItemsDaysBefore: 21 };
      raw.calendar[0].reminders = { agendaCallLeadDays: false };
    });
    expect(calls(eventOff).map((c) => c.eventId)).toEqual(['kulg-02']);
  });

  it('is refused in the plan file unless a whole number of days from 0 to 60, or false', () => {
    for (const bad of [-1, 61, 2.5, true, '7']) {
      const raw = planFixture();
      raw.programmes[0].defaults = { agendaCallLeadDays: bad };
      expect(validatePlan(raw).ok, String(bad)).toBe(false);
    }
  });
});

describe('reminderExpired', () => {
  it('keeps a reminder on its last day and drops it the day after', () => {
    expect(reminderExpired({ lastDay: '2020-04-23' }, '2020-04-23')).toBe(false);
    expect(reminderExpired({ lastDay: '2020-04-23' }, '2020-04-24')).toBe(true);
  });
});
