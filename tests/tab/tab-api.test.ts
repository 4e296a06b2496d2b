import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../bot/app.js';
import { createApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { silentLogger } from '../../bot/log/logger.js';
import { freshTables } from '../support/storage.js';
import { ADMIN, CHANNEL, ensureTabBuilt, MEMBER, startTabServer } from './support/tab-server.js';

let app: App;
let url: string;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startTabServer(freshTables().tables));
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const as = (user?: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { 'content-type': 'application/json', ...(user ? { [DEV_USER_HEADER]: user } : {}) },
});

describe('GET /api/me', () => {
  it('answers 401 without an identity', async () => {
    const response = await fetch(`${url}/api/me`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).error).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Du må være logget inn.',
    });
  });

  it('gives a member their name and no admin role', async () => {
    const response = await fetch(`${url}/api/me`, as(MEMBER));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: MEMBER,
      name: 'Mona Medlem',
      roles: ['medlem'],
      leads: [],
      networks: [],
      language: 'nb',
    });
  });

  it('gives an admin named in ADMIN_AAD_OBJECT_IDS the admin role', async () => {
    const me = (await (await fetch(`${url}/api/me`, as(ADMIN.toUpperCase()))).json()) as any;
    expect(me.roles).toContain('admin');
  });
});

describe('the plan and its events', () => {
  const kulgToday = (events: any[]) => events.find((e) => e.id === 'kulg-today');

  it('leaves the notes on how the plan was transcribed out for members and signed-out callers', async () => {
    for (const user of [MEMBER, undefined]) {
      const { events } = (await (await fetch(`${url}/api/events`, as(user))).json()) as any;
      const { plan } = (await (await fetch(`${url}/api/plan`, as(user))).json()) as any;
      expect(kulgToday(events).notes).toEqual(['Meld fra til rådgiver.']);
      expect(JSON.stringify(events) + JSON.stringify(plan)).not.toContain('trykt');
    }
  });

  it('gives an administrator the transcription notes', async () => {
    const { events } = (await (await fetch(`${url}/api/events`, as(ADMIN))).json()) as any;
    const { plan } = (await (await fetch(`${url}/api/plan`, as(ADMIN))).json()) as any;
    expect(kulgToday(events).sourceNotes).toEqual(['Trykt som uke 47; beholdt som trykt.']);
    expect(kulgToday(plan.calendar).sourceNotes).toEqual(['Trykt som uke 47; beholdt som trykt.']);
  });
});

describe('POST /api/feeds/mine', () => {
  const FEED_USER = '00000000-0000-0000-0000-00000000fe3d';

  it('answers 401 without an identity', async () => {
    expect((await fetch(`${url}/api/feeds/mine`, as(undefined, { method: 'POST' }))).status).toBe(401);
  });

  it("gives a person a subscribe link to their own networks' events, and a new link cuts off the old", async () => {
    await app.people.save({
      aadObjectId: FEED_USER,
      name: 'Nina Nettverk',
      roles: ['medlem'],
      leads: [],
      networks: ['ibsm'],
      coordinates: [],
    });
    const first = await fetch(`${url}/api/feeds/mine`, as(FEED_USER, { method: 'POST' }));
    expect(first.status).toBe(201);
    const feedPath = new URL(((await first.json()) as any).url).pathname;
    expect(feedPath).toMatch(/^\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const calendar = await (await fetch(`${url}${feedPath}`)).text();
    expect(calendar).toContain('X-WR-CALNAME:Planpuls – mine hendelser');
    expect(calendar).toContain('SUMMARY:Kjernenettverk IBSM 1');
    expect(calendar).not.toContain('LP-samling');
    expect(calendar).not.toContain('KULG');

    const second = await fetch(`${url}/api/feeds/mine`, as(FEED_USER, { method: 'POST' }));
    expect((await fetch(`${url}${new URL(((await second.json()) as any).url).pathname}`)).status).toBe(200);
    expect((await fetch(`${url}${feedPath}`)).status).toBe(404);
  });

  it('gives a person back the link they made, so a second visit does not cut their calendar off', async () => {
    const person = '00000000-0000-0000-0000-00000000fe3e';
    const mine = async () => {
      const response = await fetch(`${url}/api/feeds/mine`, as(person));
      expect(response.status).toBe(200);
      return ((await response.json()) as { url: string | null }).url;
    };
    expect(await mine()).toBeNull();
    const made = (
      (await (await fetch(`${url}/api/feeds/mine`, as(person, { method: 'POST' }))).json()) as any
    ).url as string;
    expect(await mine()).toBe(made);
    const again = (
      (await (await fetch(`${url}/api/feeds/mine`, as(person, { method: 'POST' }))).json()) as any
    ).url as string;
    expect(again).not.toBe(made);
    expect(await mine()).toBe(again);
    expect((await fetch(`${url}/api/feeds/mine`, as(undefined))).status).toBe(401);
  });

  it("keeps personal links out of the administrators' list of programme feeds", async () => {
    const { feeds } = (await (await fetch(`${url}/api/feeds`, as(ADMIN))).json()) as any;
    expect(feeds.filter((f: any) => f.person)).toEqual([]);
  });
});

describe('admin actions through the API', () => {
  it('refuses a member with 403, reading or linking, and writes nothing', async () => {
    expect((await fetch(`${url}/api/links`, as(MEMBER))).status).toBe(403);
    expect((await fetch(`${url}/api/installations`, as(MEMBER))).status).toBe(403);
    const post = await fetch(
      `${url}/api/links`,
      as(MEMBER, {
        method: 'POST',
        body: JSON.stringify({ target: 'programme:kulg', conversationId: CHANNEL }),
      }),
    );
    expect(post.status).toBe(403);
    expect(((await post.json()) as any).error.code).toBe('FORBIDDEN');
    expect(await app.links.all()).toEqual([]);
  });

  it('lets an admin read them', async () => {
    expect((await fetch(`${url}/api/links`, as(ADMIN))).status).toBe(200);
  });
});

describe('the tab page and its assets', () => {
  it('serves the built page at / and /tab/, never cached, with the Teams frame policy', async () => {
    for (const path of ['/', '/tab', '/tab/?view=kalender&event=kulg-today']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toMatch(
        /(^|; )frame-ancestors 'self' https:\/\/teams/,
      );
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets gzipped and cacheable for a year', async () => {
    const html = await (await fetch(`${url}/tab/`)).text();
    const script = /src="(\/tab\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(`${url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('does not serve files outside the build', async () => {
    expect((await fetch(`${url}/tab/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${url}/tab/assets/nope.js`)).status).toBe(404);
  });

  it('tells the tab it runs in local mode and where to sign in', async () => {
    expect(await (await fetch(`${url}/tab/config.json`)).json()).toMatchObject({
      clientId: null,
      localMode: true,
      signIn: '/dev/sign-in',
    });
  });
});

describe('the local sign-in page', () => {
  it('lists the configured admin, the stored people and a demo member', async () => {
    const response = await fetch(`${url}/dev/sign-in`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`/tab/?devUser=${ADMIN}`);
    expect(html).toContain('Mona Medlem');
    expect(html).toContain('Demo-medlem');
  });

  it('does not exist when the app runs with bot credentials', async () => {
    const production = createApp({
      config: loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        MICROSOFT_APP_ID: '11111111-1111-1111-1111-111111111111',
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_TENANT_ID: '22222222-2222-2222-2222-222222222222',
      }),
      logger: silentLogger,
      clock: { now: () => new Date() },
      tables: freshTables().tables,
      deliver: false,
    });
    const base = await production.listen();
    try {
      expect((await fetch(`${base}/dev/sign-in`)).status).toBe(404);
      expect((await fetch(`${base}/api/me`, as(ADMIN))).status).toBe(401);
      expect(await (await fetch(`${base}/tab/config.json`)).json()).toMatchObject({
        clientId: '11111111-1111-1111-1111-111111111111',
        localMode: false,
        signIn: null,
      });
    } finally {
      await production.close();
    }
  });

  it('tells the tab to sign in with TAB_APP_ID when the tab has its own app registration', async () => {
    const production = createApp({
      config: loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        MICROSOFT_APP_ID: '11111111-1111-1111-1111-111111111111',
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_TENANT_ID: '22222222-2222-2222-2222-222222222222',
        TAB_APP_ID: '33333333-3333-3333-3333-333333333333',
      }),
      logger: silentLogger,
      clock: { now: () => new Date() },
      tables: freshTables().tables,
      deliver: false,
    });
    const base = await production.listen();
    try {
      expect(await (await fetch(`${base}/tab/config.json`)).json()).toMatchObject({
        clientId: '33333333-3333-3333-3333-333333333333',
      });
    } finally {
      await production.close();
    }
  });
});
