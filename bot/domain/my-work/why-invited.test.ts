import { describe, expect, it } from 'vitest';
import type { PlanFile } from '../plan/plan-schema.js';
import { whyInvited } from './why-invited.js';

const plan = {
  roles: [
    { id: 'kommunalsjef', name: 'Kommunalsjef' },
    { id: 'rektorer', name: 'Rektorer', heldAt: { types: ['skole'] } },
    { id: 'styrere', name: 'Styrere', heldAt: { types: ['barnehage'] } },
  ],
  programmes: [
    { id: 'lp', name: 'LP', kind: 'program', participants: ['rektorer'] },
    { id: 'lp-nett', name: 'LP-nettverk', kind: 'nettverk', parent: 'lp', participants: [] },
    { id: 'rekom', name: 'REKOM', kind: 'program', participants: ['styrere'] },
  ],
  units: [{ id: 'leknes', name: 'Leknes skole', type: 'skole', owner: 'kommunal', programmes: ['lp'] }],
} as unknown as PlanFile;

const event = (programme: string, participants: string[] = []) => ({ programme, alsoFor: [], participants });

describe('whyInvited', () => {
  it('names her network, and does not invite her to a group inside it by that alone', () => {
    const member = { roles: ['medlem'] as const, leads: [], networks: ['lp'] };
    expect(whyInvited(event('lp'), plan, member)).toEqual([{ kind: 'network', id: 'lp', name: 'LP' }]);
    expect(whyInvited(event('lp-nett'), plan, member)).toEqual([]);
    expect(whyInvited(event('lp-nett'), plan, { ...member, networks: ['lp-nett'] })).toEqual([
      { kind: 'network', id: 'lp-nett', name: 'LP-nettverk' },
    ]);
  });

  it('does not tell a rektor she is invited as a styrer, but a leader of no unit counts by role alone', () => {
    const rektor = { roles: ['enhetsleder'] as const, leads: ['leknes'], networks: [] };
    expect(whyInvited(event('rekom'), plan, rektor)).toEqual([]);
    expect(whyInvited(event('lp'), plan, rektor)).toEqual([
      { kind: 'role', id: 'rektorer', name: 'Rektorer' },
      { kind: 'unit', id: 'leknes', name: 'Leknes skole' },
    ]);
    expect(whyInvited(event('rekom'), plan, { roles: ['enhetsleder'], leads: [], networks: [] })).toEqual([
      { kind: 'role', id: 'styrere', name: 'Styrere' },
    ]);
  });

  it('gives a member of nothing no reason at all', () => {
    expect(
      whyInvited(event('lp', ['kommunalsjef']), plan, { roles: ['medlem'], leads: [], networks: [] }),
    ).toEqual([]);
  });
});
