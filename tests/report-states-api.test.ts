import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { callApi, MY_PEOPLE, startMyWorkWorld } from './support/my-work-world.js';
import { freshTables } from './support/storage.js';

// The world (tests/support/my-work-world.ts): 2026-H2 opened on 16 November, its request sent to
// Rita (Leknes skole) and Stian (Gravdal barnehage) in their chats; Ballstad skole had no leader.
const BERIT = '00000000-0000-0000-0000-0000000000c7';
let app: App;
let url: string;

beforeAll(async () => {
  ({ app, url } = await startMyWorkWorld(freshTables().tables));
  // Ballstad skole's new rektor, registered after the request went out: nothing has reached her.
  await app.people.save({
    aadObjectId: BERIT,
    name: 'Berit Bakke',
    roles: ['enhetsleder'],
    leads: ['ballstad-skole'],
    networks: [],
    coordinates: [],
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const tasks = async (user: string) =>
  ((await callApi(url, user, 'GET', '/api/me/tasks')) as { reports: { unitId: string; status: string }[] })
    .reports;
const stateIn = async (user: string, unitId: string) =>
  (
    (await callApi(url, user, 'GET', '/api/status')) as {
      units: { unitId: string; campaign: { state: string } }[];
    }
  ).units.find((u) => u.unitId === unitId)?.campaign.state;

describe('«Mine» and Enheter tell a leader the same state of her unit’s report', () => {
  it('not asked on both when no request has reached the unit’s leaders', async () => {
    expect(await tasks(BERIT)).toMatchObject([{ unitId: 'ballstad-skole', status: 'ikke-spurt' }]);
    expect(await stateIn(BERIT, 'ballstad-skole')).toBe('not-asked');
  });

  it('asked and not started on both once the request reached her', async () => {
    expect(await tasks(MY_PEOPLE.rita)).toMatchObject([{ unitId: 'leknes-skole', status: 'mangler' }]);
    expect(await stateIn(MY_PEOPLE.rita, 'leknes-skole')).toBe('asked');
  });
});
