import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { readingMessageId } from '../../bot/use-cases/reminders/event-reads.js';
import { COORDINATOR } from '../support/app.js';
import { freshTables } from '../support/storage.js';
import { ADMIN, MEMBER, startTabServer } from './support/tab-server.js';

const LEADER = '00000000-0000-0000-0000-0000000000b1';
const LEADER_2 = '00000000-0000-0000-0000-0000000000b2';

let app: App;
let url: string;
let planKey: string;

beforeAll(async () => {
  ({ app, url } = await startTabServer(freshTables().tables, 4));
  planKey = (await app.plans.list())[0]!.key;
  const person = (aadObjectId: string, name: string, roles: ('enhetsleder' | 'koordinator')[]) =>
    app.people.save({ aadObjectId, name, roles, leads: [], networks: [], coordinates: [] });
  await person(LEADER, 'Line Leder', ['enhetsleder']);
  await person(LEADER_2, 'Lars Leder', ['enhetsleder']);
  await person(COORDINATOR, 'Kåre Koordinator', ['koordinator']);
  await app.reminders.acks.add(
    readingMessageId(planKey, 'kulg-today'),
    LEADER,
    new Date('2026-11-20T09:00:00Z'),
  );
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const reads = (user?: string, event = 'kulg-today') =>
  fetch(`${url}/api/events/${event}/reads`, { headers: user ? { [DEV_USER_HEADER]: user } : {} });

describe('GET /api/events/:eventId/reads', () => {
  it('answers 401 without an identity', async () => {
    const response = await reads();
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).error.code).toBe('UNAUTHORIZED');
  });

  it('refuses with 403 a member the event does not concern', async () => {
    const response = await reads(MEMBER);
    expect(response.status).toBe(403);
    expect(((await response.json()) as any).error).toEqual({
      code: 'FORBIDDEN',
      message: 'Bare deltakerne, koordinatorer og kommunalsjefen ser hvem som har lest.',
    });
  });

  it('gives a participant the count and their own receipt, without names', async () => {
    const body = (await (await reads(LEADER)).json()) as any;
    // The two leaders are the people the KULG meeting concerns (its participants are the leaders).
    expect(body).toEqual({
      eventId: 'kulg-today',
      hasReading: true,
      read: 1,
      of: 2,
      youReadAt: '2026-11-20T09:00:00.000Z',
      readers: null,
      notYet: null,
    });
    expect(((await (await reads(LEADER_2)).json()) as any).youReadAt).toBeNull();
  });

  it('names who has read and who has not for admins and coordinators', async () => {
    await app.reminders.acks.add(
      readingMessageId(planKey, 'kulg-today'),
      ADMIN,
      new Date('2026-11-21T09:00:00Z'),
    );
    for (const user of [ADMIN, COORDINATOR]) {
      const body = (await (await reads(user)).json()) as any;
      expect(body.read).toBe(2);
      expect(body.readers).toEqual([
        { aadObjectId: LEADER, name: 'Line Leder', at: '2026-11-20T09:00:00.000Z' },
        { aadObjectId: ADMIN, name: null, at: '2026-11-21T09:00:00.000Z' },
      ]);
      expect(body.notYet).toEqual([{ aadObjectId: LEADER_2, name: 'Lars Leder' }]);
    }
  });

  it('answers 404 for an event the current plan does not have', async () => {
    expect((await reads(ADMIN, 'finnes-ikke')).status).toBe(404);
  });
});
