import { describe, expect, it } from 'vitest';
import { itemDeadline, judgeSubmission, norwegianDate, publishDate, takesAgendaItems } from './deadlines.js';
import { zonedInstant } from './zoned-time.js';

const meeting = { date: '2026-12-10', rules: [] };

describe('agenda deadlines', () => {
  it('defaults to 21 days before for items and 7 days before for the agenda', () => {
    expect(itemDeadline(meeting, undefined)).toBe('2026-11-19');
    expect(publishDate(meeting, undefined)).toBe('2026-12-03');
  });

  it('takes the programme default over the plan default, and the event rule over both', () => {
    const programme = { defaults: { agendaItemsDaysBefore: 14, agendaPublishDaysBefore: 5 } };
    expect(itemDeadline(meeting, programme)).toBe('2026-11-26');
    expect(publishDate(meeting, programme)).toBe('2026-12-05');
    const ruled = {
      date: '2026-12-10',
      rules: [
        { kind: 'agenda-items-deadline' as const, daysBefore: 10 },
        { kind: 'agenda-publish' as const, daysBefore: 2 },
      ],
    };
    expect(itemDeadline(ruled, programme)).toBe('2026-11-30');
    expect(publishDate(ruled, programme)).toBe('2026-12-08');
  });

  it('takes items where the event has a deadline rule or its programme an item default, not elsewhere', () => {
    expect(takesAgendaItems(meeting, undefined)).toBe(false);
    expect(takesAgendaItems(meeting, { defaults: { readingLeadDays: 7 } })).toBe(false);
    expect(takesAgendaItems(meeting, { defaults: { agendaItemsDaysBefore: 21 } })).toBe(true);
    const ruled = { date: '2026-12-10', rules: [{ kind: 'agenda-items-deadline' as const, daysBefore: 14 }] };
    expect(takesAgendaItems(ruled, undefined)).toBe(true);
    const publishOnly = { date: '2026-12-10', rules: [{ kind: 'agenda-publish' as const, daysBefore: 7 }] };
    expect(takesAgendaItems(publishOnly, undefined)).toBe(false);
  });

  it('is on time on the deadline day, late the day after unless a coordinator accepts', () => {
    expect(judgeSubmission('2026-11-19', '2026-11-19', false)).toEqual({ kind: 'on-time' });
    expect(judgeSubmission('2026-11-20', '2026-11-19', false)).toEqual({
      kind: 'late',
      deadline: '2026-11-19',
    });
    expect(judgeSubmission('2026-11-20', '2026-11-19', true)).toEqual({ kind: 'late-accepted' });
  });

  it('writes dates the Norwegian way', () => {
    expect(norwegianDate('2026-11-19')).toBe('torsdag 19. november 2026');
    expect(norwegianDate('2027-01-03')).toBe('søndag 3. januar 2027');
  });

  it('finds 08:00 in Oslo in winter and in summer', () => {
    expect(zonedInstant('2026-12-03', '08:00', 'Europe/Oslo').toISOString()).toBe('2026-12-03T07:00:00.000Z');
    expect(zonedInstant('2026-06-03', '08:00', 'Europe/Oslo').toISOString()).toBe('2026-06-03T06:00:00.000Z');
  });
});
