import { stringify } from 'yaml';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { silentLogger } from '../../bot/log/logger.js';
import type { Tables } from '../../bot/store/table-service.js';
import { importPlan } from '../../bot/use-cases/import-plan.js';
import { ADMIN } from './app.js';
import { planFixture } from './plan-fixture.js';

/** Monday 23 November 2026 (week 48), the world's "today". */
export const MY_TODAY = '2026-11-23';

/**
 * The people of «Mine møter / Mine oppgaver»: Rita leads Leknes skole and sits in KULG; Stian
 * leads Gravdal barnehage; Mona is a member of KULG; Nils is a member of nothing; Kari is the
 * configured admin (the kommunalsjef).
 */
export const MY_PEOPLE = {
  kari: ADMIN,
  rita: '00000000-0000-0000-0000-0000000000a3',
  stian: '00000000-0000-0000-0000-0000000000a4',
  mona: '00000000-0000-0000-0000-0000000000a5',
  nils: '00000000-0000-0000-0000-0000000000a6',
} as const;

/**
 * A 2026–2027 plan whose roles say where they are held, so a meeting can be someone's through a
 * role, a unit or a network: KULG (kommunalsjef and leaders, reading a week ahead), LP with its
 * leader network (rektorer), and REKOM (styrere only). Meetings: one past, KULG on Thursday with
 * a reading, the LP network and REKOM next week, KULG in January with a reading, KULG in March.
 */
export function myWorkPlan(): Record<string, any> {
  const base = planFixture();
  const unit = (id: string, name: string, type: string, programmes: string[]) => ({
    id,
    name,
    type,
    owner: 'kommunal',
    municipality: 'Vestvågøy',
    programmes,
  });
  return {
    ...base,
    schoolYear: '2026-2027',
    roles: [
      { id: 'kommunalsjef', name: 'Kommunalsjef' },
      {
        id: 'enhetsledere',
        name: 'Enhetsledere',
        heldAt: { types: ['skole', 'barnehage'], owner: 'kommunal' },
      },
      { id: 'rektorer', name: 'Rektorer', heldAt: { types: ['skole'] } },
      { id: 'styrere', name: 'Styrere', heldAt: { types: ['barnehage'] } },
      { id: 'pedstab', name: 'Pedagogisk stab' },
    ],
    programmes: [
      {
        id: 'kulg',
        name: 'KULG',
        kind: 'ledergruppe',
        participants: ['kommunalsjef', 'enhetsledere'],
        defaults: { readingLeadDays: 7 },
      },
      { id: 'lp', name: 'LP', kind: 'program', participants: ['rektorer', 'styrere'] },
      {
        id: 'lp-nettverk',
        name: 'Ledernettverk LP',
        kind: 'nettverk',
        parent: 'lp',
        participants: ['rektorer'],
      },
      { id: 'rekom', name: 'REKOM', kind: 'program', participants: ['styrere'] },
    ],
    units: [
      unit('leknes-skole', 'Leknes skole', 'skole', ['kulg', 'lp']),
      unit('gravdal-barnehage', 'Gravdal barnehage', 'barnehage', ['kulg', 'rekom']),
      unit('ballstad-skole', 'Ballstad skole', 'skole', ['kulg', 'lp']),
    ],
    periodTasks: [],
    calendar: [
      { id: 'kulg-nov', date: '2026-11-10', programme: 'kulg', title: 'KULG i november' },
      {
        id: 'kulg-des',
        date: '2026-11-26',
        programme: 'kulg',
        title: 'Ledermøte KULG',
        slots: [{ start: '13:00', end: '15:00' }],
        location: 'Rådhuset, møterom Lofoten',
        reading: 'Les kapittel 3 i temaplanen.',
      },
      {
        id: 'lp-nettverk-1',
        date: '2026-12-02',
        programme: 'lp-nettverk',
        title: 'Ledernettverk LP',
        slots: [{ start: '09:00', end: '11:00' }],
        location: 'Teams',
      },
      { id: 'rekom-1', date: '2026-12-03', programme: 'rekom', title: 'REKOM-samling' },
      {
        id: 'kulg-jan',
        date: '2027-01-14',
        programme: 'kulg',
        title: 'KULG i januar',
        reading: 'Les halvårsrapportene.',
      },
      { id: 'kulg-mars', date: '2027-03-10', programme: 'kulg', title: 'KULG i mars' },
    ],
  };
}

/** Calls the tab API as `user` (local mode's dev-user header); throws on anything but 2xx. */
export async function callApi(url: string, user: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: user },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<any>;
}

/**
 * The real app listening in local mode on `tables`, its clock at 08:00 UTC on `MY_TODAY` unless
 * moved through `time`, with the plan and people imported, the due reminders run (so the reading
 * card of Thursday's KULG meeting is out), Rita and Stian's local plans saved from the tab, their
 * personal chats recorded and the 2026-H2 half-year report opened early (16 November, due 15
 * December), its request sent to both of them.
 */
export async function startMyWorkWorld(tables: Tables) {
  const time = { now: new Date(`${MY_TODAY}T08:00:00Z`) };
  const clock = { now: () => time.now };
  const app: App = createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
    logger: silentLogger,
    clock,
    tables,
    deliver: false,
  });
  await importPlan({ plans: app.plans, clock }, stringify(myWorkPlan()));
  const person = (
    aadObjectId: string,
    name: string,
    role: 'enhetsleder' | 'medlem',
    leads: string[],
    networks: string[],
  ) => app.people.save({ aadObjectId, name, roles: [role], leads, networks, coordinates: [] });
  await person(MY_PEOPLE.rita, 'Rita Rektor', 'enhetsleder', ['leknes-skole'], ['kulg']);
  await person(MY_PEOPLE.stian, 'Stian Styrer', 'enhetsleder', ['gravdal-barnehage'], []);
  await person(MY_PEOPLE.mona, 'Mona Medlem', 'medlem', [], ['kulg']);
  await person(MY_PEOPLE.nils, 'Nils Nybegynner', 'medlem', [], []);
  await app.tick();
  const url = await app.listen();

  await callApi(url, MY_PEOPLE.rita, 'PUT', '/api/units/leknes-skole/local-plan', {
    version: 0,
    kartlegging: 'Kartlagt i høst.',
    analyse: 'Lesing er svakt på mellomtrinnet.',
    mal: 'Alle leser alderstilpasset.',
    actions: [
      { text: 'Lesekurs for lærerne.', deadline: '2026-11-20', status: 'pågår', responsible: 'Rita' },
      { text: 'Kartlegging av lesing.', deadline: '2026-10-01', status: 'fullført' },
      { text: 'Foreldremøte om lesing.', deadline: '2026-12-10', status: 'ikke-startet' },
      { text: 'Lesevenner på tvers av trinn.', deadline: '2027-02-01', status: 'ikke-startet' },
    ],
  });
  await callApi(url, MY_PEOPLE.stian, 'PUT', '/api/units/gravdal-barnehage/local-plan', {
    version: 0,
    kartlegging: 'Kartlagt.',
    analyse: 'Språk.',
    mal: 'Språkglede.',
    actions: [{ text: 'Språkløype i barnehagen.', deadline: '2026-11-30', status: 'pågår' }],
  });
  // Rita and Stian have Planpuls in a personal chat, so the campaign's request reaches them
  // (asked, «Ikke påbegynt»); Ballstad skole has no leader yet, so nothing reaches it (not asked).
  for (const leader of [MY_PEOPLE.rita, MY_PEOPLE.stian])
    await app.registry.record({
      conversationId: `a:chat-${leader}`,
      kind: 'personal',
      userAadObjectId: leader,
      reference: {
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: `a:chat-${leader}`, conversationType: 'personal' },
        bot: { id: '28:planpuls' },
        user: { id: `29:${leader}`, aadObjectId: leader },
      },
    });
  await callApi(url, ADMIN, 'POST', '/api/reports/campaigns', {
    id: '2026-H2',
    opens: '2026-11-16',
    deadline: '2026-12-15',
  });
  return { app, url, time };
}
