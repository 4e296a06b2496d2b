import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n';
import { howSoon, reasonsOf, timesOf } from './mine-words';

const t = translator('nb');

describe('the words of «Mine møter»', () => {
  it('says how soon from the plan’s today', () => {
    expect(howSoon('2026-11-23', '2026-11-23', t)).toBe('i dag');
    expect(howSoon('2026-11-24', '2026-11-23', t)).toBe('i morgen');
    expect(howSoon('2026-12-02', '2026-11-23', t)).toBe('om 9 dager');
  });

  it('lists the times with their labels, or says none is set', () => {
    expect(
      timesOf({ slots: [{ start: '09:00', end: '11:30', label: 'Del 1' }, { start: '12:15' }] }, t),
    ).toBe('09:00–11:30 (Del 1); 12:15');
    expect(timesOf({ slots: [] }, t)).toBe('Tid er ikke satt');
  });

  it('names why she takes part, in English too', () => {
    const meeting = {
      reasons: [
        { kind: 'role' as const, id: 'enhetsledere', name: 'Enhetsledere' },
        { kind: 'network' as const, id: 'kulg', name: 'KULG' },
      ],
    };
    expect(reasonsOf(meeting, t)).toBe('rollen Enhetsledere, nettverket KULG');
    expect(reasonsOf(meeting, translator('en'))).toBe('the role Enhetsledere, the network KULG');
    const roles = [
      { kind: 'role' as const, id: 'rektorer', name: 'Rektorer' },
      { kind: 'unit' as const, id: 'leknes', name: 'Leknes skole' },
      { kind: 'role' as const, id: 'ledergrupper', name: 'Ledergruppene' },
      { kind: 'role' as const, id: 'styrere', name: 'Styrere' },
    ];
    expect(reasonsOf({ reasons: roles }, t)).toBe(
      'rollene Rektorer, Ledergruppene og Styrere, enheten Leknes skole',
    );
  });
});
