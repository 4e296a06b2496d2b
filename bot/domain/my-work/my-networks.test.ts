import { describe, expect, it } from 'vitest';
import type { CalendarEvent, PlanFile } from '../plan/plan-schema.js';
import { networksOf, nextMeetingOf } from './my-networks.js';

const plan = {
  roles: [
    { id: 'rektorer', name: 'Rektorer', heldAt: { types: ['skole'] } },
    { id: 'styrere', name: 'Styrere', heldAt: { types: ['barnehage'] } },
  ],
  programmes: [
    { id: 'kulg', name: 'KULG', kind: 'ledergruppe', participants: [] },
    { id: 'lp', name: 'LP', kind: 'program', participants: ['rektorer', 'styrere'] },
    { id: 'lp-nett', name: 'LP-nettverk', kind: 'nettverk', parent: 'lp', participants: [] },
    { id: 'rekom', name: 'REKOM', kind: 'program', participants: ['styrere'] },
  ],
  units: [{ id: 'leknes', name: 'Leknes skole', type: 'skole', owner: 'kommunal', programmes: ['lp'] }],
} as unknown as PlanFile;

describe('networksOf', () => {
  it('names her own membership, her unit and her role, and not a group inside a programme by that alone', () => {
    const rektor = { roles: ['enhetsleder'] as const, leads: ['leknes'], networks: ['kulg'] };
    expect(networksOf(plan, rektor).map((n) => [n.programme.id, n.reasons])).toEqual([
      ['kulg', [{ kind: 'member' }]],
      [
        'lp',
        [
          { kind: 'unit', id: 'leknes', name: 'Leknes skole' },
          { kind: 'role', id: 'rektorer', name: 'Rektorer' },
        ],
      ],
    ]);
  });

  it('gives a member of nothing no network', () => {
    expect(networksOf(plan, { roles: ['medlem'], leads: [], networks: [] })).toEqual([]);
  });
});

describe('nextMeetingOf', () => {
  const event = (id: string, date: string, programme: string, extra: Partial<CalendarEvent> = {}) =>
    ({ id, date, programme, alsoFor: [], slots: [], participants: [], ...extra }) as unknown as CalendarEvent;

  it('takes the earliest meeting from today, an ongoing one and one also for the network included', () => {
    const calendar = [
      event('past', '2026-11-01', 'kulg'),
      event('later', '2026-12-10', 'kulg'),
      event('also', '2026-12-05', 'fagdag', { alsoFor: ['kulg'] }),
      event('other', '2026-12-04', 'lp'),
    ];
    expect(nextMeetingOf(calendar, 'kulg', '2026-12-03')?.id).toBe('also');
    const ongoing = event('ongoing', '2026-12-02', 'kulg', { endDate: '2026-12-03' });
    expect(nextMeetingOf([...calendar, ongoing], 'kulg', '2026-12-03')?.id).toBe('ongoing');
    expect(nextMeetingOf(calendar, 'rekom', '2026-12-03')).toBeUndefined();
  });
});
