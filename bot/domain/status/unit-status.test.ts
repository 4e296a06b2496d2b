import { describe, expect, it } from 'vitest';
import type { Person } from '../people/person.js';
import { campaignStateOf, countActions, currentAndPrevious, reachabilityOf } from './unit-status.js';

const action = (deadline: string, status: 'ikke-startet' | 'pågår' | 'fullført') => ({
  id: 'h1',
  text: 'x',
  deadline,
  status,
});
const leader = (aadObjectId: string, name: string): Person => ({
  aadObjectId,
  name,
  roles: ['enhetsleder'],
  leads: ['u'],
  networks: [],
  coordinates: [],
});

describe('a unit’s status', () => {
  it('counts an action overdue only after its deadline day and only while it is not done', () => {
    expect(
      countActions(
        [action('2026-12-09', 'pågår'), action('2026-12-10', 'pågår'), action('2026-12-01', 'fullført')],
        '2026-12-10',
      ),
    ).toEqual({ 'ikke-startet': 0, pågår: 2, fullført: 1, overdue: 1 });
  });

  it('takes the open half-year campaign as current, else the latest, and the one before it', () => {
    const c = (id: string, opens: string, deadline: string) => ({
      id,
      kind: 'halvår' as const,
      opens,
      deadline,
    });
    const list = [c('2026-H2', '2026-12-01', '2026-12-15'), c('2026-H1', '2026-06-01', '2026-06-15')];
    expect(currentAndPrevious(list, '2026-06-10')).toMatchObject({
      current: { id: '2026-H1' },
      previous: undefined,
    });
    expect(currentAndPrevious(list, '2026-09-01')).toMatchObject({
      current: { id: '2026-H2' },
      previous: { id: '2026-H1' },
    });
  });

  it('is late once the deadline has passed without a submission, and never asked stays never asked', () => {
    const campaign = { deadline: '2026-12-15', requests: { a: ['id'] } };
    expect(campaignStateOf(campaign, 'a', undefined, '2026-12-15').state).toBe('asked');
    expect(campaignStateOf(campaign, 'a', undefined, '2026-12-16').state).toBe('late');
    expect(campaignStateOf(campaign, 'b', undefined, '2026-12-16').state).toBe('not-asked');
  });

  it('is reachable through a leader’s chat, or a channel where a leader is on record, and says why not', () => {
    const lund = leader('l', 'Rektor Lund');
    expect(reachabilityOf([lund], () => true, false)).toEqual({ reachable: true, by: 'chat' });
    expect(reachabilityOf([lund], () => false, true)).toEqual({ reachable: true, by: 'channel' });
    expect(reachabilityOf([lund], () => false, false)).toEqual({
      reachable: false,
      reason: 'no-chat',
      leaders: ['Rektor Lund'],
    });
    expect(reachabilityOf([], () => false, true)).toMatchObject({
      reachable: false,
      reason: 'no-leader-channel',
    });
    expect(reachabilityOf([], () => false, false)).toMatchObject({ reachable: false, reason: 'no-leader' });
  });
});
