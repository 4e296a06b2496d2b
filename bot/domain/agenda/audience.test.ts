import { describe, expect, it } from 'vitest';
import type { PersonRole } from '../people/person.js';
import { maySend, parseAudience, uniqueConversations } from './audience.js';
import { agendaOrder, reorder, type AgendaItem } from './agenda-item.js';

const roles = (...r: PersonRole[]) => new Set(r);

describe('broadcast audiences', () => {
  it('reaches a conversation named by two audiences once', () => {
    const a = { conversation: { id: 'x' } };
    const b = { conversation: { id: 'y' } };
    expect(uniqueConversations([[a, b], [b], [a]])).toEqual([a, b]);
  });

  it('parses audience keys and refuses unknown ones', () => {
    expect(parseAudience('programme:kulg')).toEqual({ kind: 'programme', id: 'kulg' });
    expect(parseAudience('conversation:19:abc@thread.tacv2')).toEqual({
      kind: 'conversation',
      id: '19:abc@thread.tacv2',
    });
    expect(parseAudience('role:enhetsleder')).toEqual({ kind: 'role', role: 'enhetsleder' });
    expect(parseAudience('role:konge')).toBeUndefined();
    expect(parseAudience('kulg')).toBeUndefined();
  });

  it('lets admins send anywhere, coordinators only to their networks, others nowhere', () => {
    const everywhere = [parseAudience('role:medlem')!, parseAudience('conversation:19:x')!];
    expect(maySend({ roles: roles('admin'), coordinates: [] }, everywhere)).toEqual({ allowed: true });
    const coordinator = { roles: roles('koordinator'), coordinates: ['kulg'] };
    expect(maySend(coordinator, [parseAudience('programme:kulg')!])).toEqual({ allowed: true });
    expect(maySend(coordinator, [parseAudience('programme:lp')!])).toMatchObject({ allowed: false });
    expect(maySend(coordinator, [parseAudience('unit:leknes-skole')!])).toMatchObject({ allowed: false });
    expect(maySend({ roles: roles('medlem', 'enhetsleder'), coordinates: [] }, [])).toMatchObject({
      allowed: false,
    });
  });
});

describe('agenda order', () => {
  const item = (id: string, order: number, status: AgendaItem['status'] = 'accepted'): AgendaItem => ({
    id,
    planKey: 'p',
    eventId: 'e',
    title: id,
    description: '',
    presenter: '',
    minutes: 10,
    submittedBy: 'u',
    submittedAt: '2026-01-01T00:00:00Z',
    status,
    late: false,
    order,
    version: 1,
  });

  it('lists accepted items by their order and puts reordered ones first', () => {
    const items = [item('a', 1), item('b', 2, 'declined'), item('c', 3)];
    expect(agendaOrder(items).map((i) => i.id)).toEqual(['a', 'c']);
    expect([...reorder(items, ['c'])]).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ]);
  });
});
