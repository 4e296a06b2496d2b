import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { freshTables } from '../support/storage.js';
import { ADMIN, ensureTabBuilt, MEMBER, startTabServer } from './support/tab-server.js';

let app: App;
let url: string;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startTabServer(freshTables().tables));
}, 60_000);
afterAll(async () => {
  await app?.close();
});

function call(path: string, user: string | undefined, init: RequestInit = {}, language = 'nb-NO') {
  return fetch(`${url}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      'accept-language': language,
      ...(user ? { [DEV_USER_HEADER]: user } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}
const json = async (response: Response) => (await response.json()) as any;

describe('GET /api/people', () => {
  it('answers 401 without an identity and 403 to a member', async () => {
    const anonymous = await call('/api/people', undefined);
    expect(anonymous.status).toBe(401);
    expect((await json(anonymous)).error).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Du må være logget inn.',
    });
    const member = await call('/api/people', MEMBER);
    expect(member.status).toBe(403);
    expect((await json(member)).error).toEqual({
      code: 'FORBIDDEN',
      message: 'Bare administratorer kan gjøre dette.',
    });
  });

  it('lists the stored people and the configured admin with roles, units and versions', async () => {
    const body = await json(await call('/api/people', ADMIN));
    const mona = body.people.find((p: any) => p.id === MEMBER);
    expect(mona).toMatchObject({ name: 'Mona Medlem', roles: ['medlem'], leads: [], configAdmin: false });
    expect(mona.version).toEqual(expect.any(String));
    const admin = body.people.find((p: any) => p.id === ADMIN);
    expect(admin).toMatchObject({ configAdmin: true, version: null });
    expect(admin.effectiveRoles).toContain('admin');
    expect(body.options.roles).toEqual(['admin', 'koordinator', 'enhetsleder', 'medlem']);
    expect(body.options.units.map((u: any) => u.id)).toContain('ballstad-barnehage');
    expect(body.options.programmes.map((p: any) => p.id)).toContain('kulg');
  });
});

describe('PUT /api/people/:id', () => {
  const change = (version: string | null, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      version,
      roles: ['enhetsleder'],
      leads: ['ballstad-barnehage'],
      networks: ['kulg'],
      coordinates: [],
      ...extra,
    });

  it('refuses a member with 403 and stores nothing', async () => {
    const before = await app.people.get(MEMBER);
    const response = await call(`/api/people/${MEMBER}`, MEMBER, { method: 'PUT', body: change(null) });
    expect(response.status).toBe(403);
    expect(await app.people.get(MEMBER)).toEqual(before);
    expect(
      (await call(`/api/people/${MEMBER}`, undefined, { method: 'PUT', body: change(null) })).status,
    ).toBe(401);
  });

  it('lets an admin make a member a unit leader, and the member then has the role', async () => {
    const { people } = await json(await call('/api/people', ADMIN));
    const mona = people.find((p: any) => p.id === MEMBER);
    const response = await call(`/api/people/${MEMBER}`, ADMIN, {
      method: 'PUT',
      body: change(mona.version),
    });
    expect(response.status).toBe(200);
    const { person } = await json(response);
    expect(person).toMatchObject({
      roles: ['enhetsleder'],
      leads: ['ballstad-barnehage'],
      networks: ['kulg'],
    });
    expect(person.version).not.toBe(mona.version);
    expect(response.headers.get('etag')).toBe(person.version);
    const me = await json(await call('/api/me', MEMBER));
    expect(me).toMatchObject({ roles: ['enhetsleder'], leads: ['ballstad-barnehage'] });
  });

  it('answers 409 in Norwegian to a save with a stale version and keeps the newer one', async () => {
    const { people } = await json(await call('/api/people', ADMIN));
    const stale = people.find((p: any) => p.id === MEMBER).version;
    const first = await call(`/api/people/${MEMBER}`, ADMIN, {
      method: 'PUT',
      body: change(stale, { roles: ['koordinator'] }),
    });
    expect(first.status).toBe(200);
    const second = await call(`/api/people/${MEMBER}`, ADMIN, {
      method: 'PUT',
      body: change(stale, { roles: ['medlem'] }),
    });
    expect(second.status).toBe(409);
    expect((await json(second)).error).toEqual({
      code: 'CONFLICT',
      message:
        'Mona Medlem ble endret av noen andre etter at du åpnet skjemaet. Ingenting er lagret; last inn på nytt og prøv igjen.',
    });
    expect((await app.people.get(MEMBER))?.roles).toEqual(['koordinator']);
  });

  it('refuses roles, units and networks the app and the plan do not know, naming each', async () => {
    const { people } = await json(await call('/api/people', ADMIN));
    const version = people.find((p: any) => p.id === MEMBER).version;
    const response = await call(`/api/people/${MEMBER}`, ADMIN, {
      method: 'PUT',
      body: change(version, { roles: ['rektor'], leads: ['hogwarts'], networks: ['kulgg'] }),
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toBe(
      'Ikke lagret: ukjent rolle «rektor»; ukjent enhet «hogwarts»; ukjent program eller nettverk «kulgg».',
    );
    expect((await app.people.get(MEMBER))?.roles).toEqual(['koordinator']);
  });

  it('keeps a configured admin an admin even when the stored roles leave it out', async () => {
    const response = await call(`/api/people/${ADMIN}`, ADMIN, {
      method: 'PUT',
      body: change(null, { roles: ['medlem'], leads: [], networks: [] }),
    });
    expect(response.status).toBe(200);
    expect((await json(response)).person).toMatchObject({ roles: ['medlem'], configAdmin: true });
    expect((await json(await call('/api/me', ADMIN))).roles).toEqual(['admin', 'medlem']);
    // Saving the not-yet-stored admin again with "not stored" is a lost race now.
    const again = await call(`/api/people/${ADMIN}`, ADMIN, { method: 'PUT', body: change(null) });
    expect(again.status).toBe(409);
  });

  it('answers 404 for someone Planpuls does not know, and 400 for a malformed body', async () => {
    const unknown = await call('/api/people/ukjent', ADMIN, { method: 'PUT', body: change(null) });
    expect(unknown.status).toBe(404);
    const bad = await call(`/api/people/${MEMBER}`, ADMIN, {
      method: 'PUT',
      body: JSON.stringify({ roles: 'admin' }),
    });
    expect(bad.status).toBe(400);
  });

  it('answers in English when the client asks for it', async () => {
    const response = await call('/api/people', MEMBER, {}, 'en-US');
    expect((await json(response)).error.message).toBe('Only administrators can do this.');
  });
});
