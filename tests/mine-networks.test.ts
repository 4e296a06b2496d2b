// «Mine nettverk», `meg`, `neste` with milestones and the short demo sign-in, against real
// Azurite, the real HTTP server and botbuilder's TestAdapter with Teams' own payloads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { silentLogger } from '../bot/log/logger.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { demoWorld, MONA, RITA, say } from './support/demo-world.js';
import { MY_PEOPLE, startMyWorkWorld } from './support/my-work-world.js';
import { freshTables } from './support/storage.js';

let connector: LocalConnector;
let close: (() => Promise<void>) | undefined;
beforeEach(async () => {
  connector = await startLocalConnector();
});
afterEach(async () => {
  await close?.();
  close = undefined;
  await connector.close();
});

const get = async (url: string, path: string, user: string) => {
  const response = await fetch(`${url}${path}`, { headers: { [DEV_USER_HEADER]: user } });
  return { status: response.status, body: (await response.json()) as any };
};
const personal = (user: { aad: string }) => ({ id: `a:personal-${user.aad}`, type: 'personal' as const });
const KAARE = {
  aadObjectId: '00000000-0000-0000-0000-0000000000a2',
  name: 'Kåre Koordinator',
  roles: ['koordinator' as const],
  leads: [],
  networks: ['kulg'],
  coordinates: ['kulg', 'lp'],
};

/** The «Mine» world (Monday 23 November 2026), with Kåre coordinating KULG and LP. */
async function myWorld() {
  const { app, url } = await startMyWorkWorld(freshTables().tables);
  close = () => app.close();
  await app.people.save(KAARE);
  return { app, url };
}

/** The demo plan rolled to 2026–2027 and the demo people, on Thursday 3 December 2026. */
async function demo() {
  const w = await demoWorld(connector.url, '2026-12-03T09:00:00Z', []);
  close = () => w.app.close();
  return w;
}

describe('«Mine nettverk» (GET /api/me/networks)', () => {
  it('tells a KULG member her network, that she is a member, who coordinates it and its next meeting', async () => {
    const { url } = await myWorld();
    const { status, body } = await get(url, '/api/me/networks', MY_PEOPLE.mona);
    expect(status).toBe(200);
    expect(body).toEqual({
      today: '2026-11-23',
      leads: [],
      networks: [
        {
          id: 'kulg',
          name: 'KULG',
          partOf: null,
          reasons: [{ kind: 'member' }],
          coordinators: ['Kåre Koordinator'],
          next: {
            planKey: expect.any(String),
            eventId: 'kulg-des',
            title: 'Ledermøte KULG',
            date: '2026-11-26',
            endDate: null,
            weekday: 4,
            isoWeek: 48,
            slots: [{ start: '13:00', end: '15:00' }],
          },
        },
      ],
    });
  });

  it('names a rektor’s networks through her own membership, her unit and her role, and a group inside LP as such', async () => {
    const { url } = await myWorld();
    const { body } = await get(url, '/api/me/networks', MY_PEOPLE.rita);
    const byId = Object.fromEntries(body.networks.map((n: any) => [n.id, n]));
    expect(Object.keys(byId)).toEqual(['kulg', 'lp', 'lp-nettverk']);
    expect(body.leads).toEqual([{ id: 'leknes-skole', name: 'Leknes skole' }]);
    expect(byId.kulg.reasons).toEqual([
      { kind: 'member' },
      { kind: 'unit', id: 'leknes-skole', name: 'Leknes skole' },
      { kind: 'role', id: 'enhetsledere', name: 'Enhetsledere' },
    ]);
    expect(byId.lp.reasons).toEqual([
      { kind: 'unit', id: 'leknes-skole', name: 'Leknes skole' },
      { kind: 'role', id: 'rektorer', name: 'Rektorer' },
    ]);
    // LP has no meeting of its own; its leader network is coordinated through LP.
    expect(byId.lp.next).toBeNull();
    expect(byId['lp-nettverk']).toMatchObject({
      partOf: 'LP',
      reasons: [{ kind: 'role', id: 'rektorer', name: 'Rektorer' }],
      coordinators: ['Kåre Koordinator'],
      next: { eventId: 'lp-nettverk-1', date: '2026-12-02', weekday: 3 },
    });
    // REKOM is the styrere's: a rektor is not told she is in it.
    expect(byId.rekom).toBeUndefined();
  });

  it('gives someone in no network an empty list, and nobody signed in a 401', async () => {
    const { url } = await myWorld();
    expect((await get(url, '/api/me/networks', MY_PEOPLE.nils)).body.networks).toEqual([]);
    expect((await fetch(`${url}/api/me/networks`)).status).toBe(401);
  });
});

describe('`meg` in a personal chat', () => {
  it('shows Mona her roles and her networks with why, the coordinator and the next meeting, in her language', async () => {
    const { app } = await myWorld();
    const mona = { aad: MY_PEOPLE.mona, mri: '29:1-mona-medlem' };
    const answer = await say(app, mona, personal(mona), 'meg');
    expect(answer).toBe(
      '**Mona Medlem**\n\nRoller i Planpuls: medlem\n\n**Mine nettverk**\n\n' +
        '- **KULG** (du er medlem) · koordinator: Kåre Koordinator · ' +
        'neste møte: torsdag 26. november 2026 (uke 48), Ledermøte KULG',
    );
    await app.languages.set(MY_PEOPLE.mona, 'en');
    expect(await say(app, mona, personal(mona), 'profil')).toBe(
      '**Mona Medlem**\n\nRoles in Planpuls: member\n\n**My networks**\n\n' +
        '- **KULG** (you are a member) · coordinator: Kåre Koordinator · ' +
        'next meeting: Thursday, 26 November 2026 (week 48), Ledermøte KULG',
    );
  });

  it('names the unit a rektor leads, by name', async () => {
    const { app } = await myWorld();
    const rita = { aad: MY_PEOPLE.rita, mri: '29:1-rita-rektor' };
    const answer = await say(app, rita, personal(rita), 'meg');
    expect(answer).toMatch(
      /^\*\*Rita Rektor\*\*\n\nRoller i Planpuls: enhetsleder\n\nEnheten du leder: Leknes skole\n\n\*\*Mine nettverk\*\*/,
    );
  });
});

describe('`neste` with the plan’s milestones', () => {
  it('lists the half-year report a unit leader answers for as its month, through that month, and not for a member', async () => {
    const { app } = await demo();
    const next = await say(app, RITA, personal(RITA), 'neste');
    expect(next).toContain(
      '**Milepæler du har ansvar for**\n\n' +
        '- i løpet av desember 2026: **Halvårlig rapportering til kommunalsjefen (desember)**\n' +
        '- i løpet av juni 2027: **Halvårlig rapportering til kommunalsjefen (juni)**',
    );
    // Not a meeting: not among her meetings.
    expect(next.split('**Milepæler')[0]).not.toContain('Halvårlig');
    expect(await say(app, MONA, personal(MONA), 'neste')).not.toContain('Milepæl');

    // `meg` names two roles together as hers.
    expect(await say(app, RITA, personal(RITA), 'meg')).toContain(
      '**Lederutvikling** (enheten din Leknes skole er med, gjennom rollene Rektorer/skoleledere og Ledergruppene på enhetene)',
    );

    await app.languages.set(RITA.aad, 'en');
    expect(await say(app, RITA, personal(RITA), 'next')).toContain(
      '**Milestones you are responsible for**\n\n- during December 2026: **Halvårlig rapportering til kommunalsjefen (desember)**',
    );
  });
});

describe('the short demo sign-in (`?devUser=a5`)', () => {
  it('signs in as Mona in local mode, and means nothing with production credentials', async () => {
    const { url } = await myWorld();
    const me = await get(url, '/api/me', 'a5');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: MY_PEOPLE.mona, name: 'Mona Medlem', networks: ['kulg'] });
    expect((await get(url, '/api/me', 'A3')).body.name).toBe('Rita Rektor');

    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      MICROSOFT_APP_ID: '11111111-1111-1111-1111-111111111111',
      MICROSOFT_APP_PASSWORD: 'test-secret',
      MICROSOFT_APP_TENANT_ID: '22222222-2222-2222-2222-222222222222',
      PUBLIC_URL: 'https://planpuls-test.azurewebsites.net',
    });
    expect(config.localMode).toBe(false);
    const production: App = createApp({
      config,
      logger: silentLogger,
      clock: { now: () => new Date('2026-11-23T08:00:00Z') },
      tables: freshTables().tables,
      deliver: false,
    });
    const productionUrl = await production.listen();
    try {
      await production.people.save({ ...KAARE, aadObjectId: MY_PEOPLE.mona, name: 'Mona Medlem' });
      for (const user of ['a5', MY_PEOPLE.mona]) {
        expect(
          (await fetch(`${productionUrl}/api/me`, { headers: { [DEV_USER_HEADER]: user } })).status,
        ).toBe(401);
        expect(
          (await fetch(`${productionUrl}/api/me/networks`, { headers: { [DEV_USER_HEADER]: user } })).status,
        ).toBe(401);
      }
      expect((await fetch(`${productionUrl}/dev/sign-in`)).status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
