import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { encodeKey } from '../bot/domain/conversations/conversation-ref.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { reportTexts } from '../bot/i18n/reports.js';
import type { Tables } from '../bot/store/table-service.js';
import { resolveAccess } from '../bot/use-cases/access.js';
import { readingMessageId } from '../bot/use-cases/reminders/event-reads.js';
import { runReportAction } from '../bot/use-cases/reports/report-actions.js';
import { callApi, MY_PEOPLE, startMyWorkWorld } from './support/my-work-world.js';
import { freshTables } from './support/storage.js';

const { kari, rita, stian, mona, nils } = MY_PEOPLE;

/** Every read of the units' table (local plans and reports), with the partition it names. */
const unitReads: string[] = [];
let recording = false;
function recordUnitReads(tables: Tables): Tables {
  return {
    ping: () => tables.ping(),
    async table(name) {
      const client = await tables.table(name);
      if (name !== 'unitplans') return client;
      return new Proxy(client, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: any[]) => {
            if (recording && property === 'getEntity') unitReads.push(`get ${args[0]}`);
            if (recording && property === 'listEntities')
              unitReads.push(`query ${String(args[0]?.queryOptions?.filter ?? '(all)')}`);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
  };
}

let app: App;
let url: string;
let time: { now: Date };

beforeAll(async () => {
  ({ app, url, time } = await startMyWorkWorld(recordUnitReads(freshTables().tables)));
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const get = (user: string, path: string) => callApi(url, user, 'GET', path);
const ids = (body: { meetings: { eventId: string }[] }) => body.meetings.map((m) => m.eventId);
const meeting = (body: any, eventId: string) => body.meetings.find((m: any) => m.eventId === eventId);

describe('GET /api/me/meetings and /api/me/tasks', () => {
  it('answers 401 without an identity, and 400 naming the field for weeks out of range', async () => {
    expect((await fetch(`${url}/api/me/meetings`)).status).toBe(401);
    expect((await fetch(`${url}/api/me/tasks`)).status).toBe(401);
    for (const weeks of ['0', '53', 'mange']) {
      const response = await fetch(`${url}/api/me/tasks?weeks=${weeks}`, {
        headers: { [DEV_USER_HEADER]: mona },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as any;
      expect(body.error.details[0].params.field).toEqual({ kind: 'input', name: 'weeks' });
    }
  });

  it('gives a member the meetings of her network, with why and the reading as she stands with it', async () => {
    const body = await get(mona, '/api/me/meetings');
    expect(body.today).toBe('2026-11-23');
    expect(body.until).toBe('2027-01-18');
    expect(body.belongsNowhere).toBe(false);
    // Not the past one, not the leaders' network or REKOM, not March (beyond 8 weeks).
    expect(ids(body)).toEqual(['kulg-des', 'kulg-jan']);
    expect(meeting(body, 'kulg-des')).toEqual({
      planKey: 'testkommune.2026-2027',
      eventId: 'kulg-des',
      title: 'Ledermøte KULG',
      programmeName: 'KULG',
      date: '2026-11-26',
      endDate: null,
      weekday: 4,
      isoWeek: 48,
      slots: [{ start: '13:00', end: '15:00' }],
      location: 'Rådhuset, møterom Lofoten',
      reasons: [{ kind: 'network', id: 'kulg', name: 'KULG' }],
      // The card went out on the 19th (a week ahead); she has not pressed «Lest».
      reading: { text: 'Les kapittel 3 i temaplanen.', state: 'unread', readAt: null, sendsOn: '2026-11-19' },
    });
    expect(meeting(body, 'kulg-jan').reading).toEqual({
      text: 'Les halvårsrapportene.',
      state: 'not-sent',
      readAt: null,
      sendsOn: '2027-01-07',
    });
    expect(ids(await get(mona, '/api/me/meetings?weeks=52'))).toEqual(['kulg-des', 'kulg-jan', 'kulg-mars']);
  });

  it('gives a member her unread reading as a task, and no reports or local-plan actions', async () => {
    const body = await get(mona, '/api/me/tasks');
    expect(body.leadsUnits).toBe(false);
    expect(body.readings).toEqual([
      {
        planKey: 'testkommune.2026-2027',
        eventId: 'kulg-des',
        title: 'Ledermøte KULG',
        date: '2026-11-26',
        weekday: 4,
        text: 'Les kapittel 3 i temaplanen.',
      },
    ]);
    expect(body.reports).toEqual([]);
    expect(body.actions).toEqual([]);
  });

  it('gives a rektor her meetings through her role, her unit and her network, and not the styrere’s', async () => {
    const body = await get(rita, '/api/me/meetings');
    expect(ids(body)).toEqual(['kulg-des', 'lp-nettverk-1', 'kulg-jan']);
    expect(meeting(body, 'kulg-des').reasons).toEqual([
      { kind: 'role', id: 'enhetsledere', name: 'Enhetsledere' },
      { kind: 'unit', id: 'leknes-skole', name: 'Leknes skole' },
      { kind: 'network', id: 'kulg', name: 'KULG' },
    ]);
    // The leaders' network inside LP, which Leknes skole follows, for its rektor.
    expect(meeting(body, 'lp-nettverk-1').reasons).toEqual([
      { kind: 'role', id: 'rektorer', name: 'Rektorer' },
      { kind: 'unit', id: 'leknes-skole', name: 'Leknes skole' },
    ]);
    // A styrer has REKOM through his role and his kindergarten.
    expect(meeting(await get(stian, '/api/me/meetings'), 'rekom-1').reasons).toEqual([
      { kind: 'role', id: 'styrere', name: 'Styrere' },
      { kind: 'unit', id: 'gravdal-barnehage', name: 'Gravdal barnehage' },
    ]);
  });

  it('gives a rektor her unit’s report due and its actions due in six weeks or overdue, not another unit’s', async () => {
    const body = await get(rita, '/api/me/tasks');
    expect(body.leadsUnits).toBe(true);
    expect(body.until).toBe('2027-01-04');
    expect(body.reports).toEqual([
      {
        campaignId: '2026-H2',
        kind: 'halvår',
        title: 'Halvårsrapport høsten 2026',
        deadline: '2026-12-15',
        unitId: 'leknes-skole',
        unitName: 'Leknes skole',
        status: 'mangler',
        overdue: false,
      },
    ]);
    expect(body.actions).toEqual([
      {
        id: 'h1',
        text: 'Lesekurs for lærerne.',
        deadline: '2026-11-20',
        status: 'pågår',
        responsible: 'Rita',
        overdue: true,
        unitId: 'leknes-skole',
        unitName: 'Leknes skole',
      },
      {
        id: 'h3',
        text: 'Foreldremøte om lesing.',
        deadline: '2026-12-10',
        status: 'ikke-startet',
        overdue: false,
        unitId: 'leknes-skole',
        unitName: 'Leknes skole',
      },
    ]);
    const longer = await get(rita, '/api/me/tasks?weeks=12');
    expect(longer.actions.map((a: any) => a.id)).toEqual(['h1', 'h3', 'h4']);
  });

  it('reads only her own unit’s partition for a rektor’s tasks, never every unit’s local plan', async () => {
    unitReads.length = 0;
    recording = true;
    await get(rita, '/api/me/tasks');
    recording = false;
    expect(unitReads.length).toBeGreaterThan(0);
    const partition = encodeKey('leknes-skole');
    for (const read of unitReads) expect(read).toContain(partition);
  });

  it('gives the kommunalsjef her meetings through her role, and no unit’s tasks', async () => {
    const body = await get(kari, '/api/me/meetings');
    expect(ids(body)).toEqual(['kulg-des', 'kulg-jan']);
    expect(meeting(body, 'kulg-des').reasons).toEqual([
      { kind: 'role', id: 'kommunalsjef', name: 'Kommunalsjef' },
    ]);
    const tasks = await get(kari, '/api/me/tasks');
    expect(tasks.readings.map((r: any) => r.eventId)).toEqual(['kulg-des']);
    expect(tasks.reports).toEqual([]);
    expect(tasks.actions).toEqual([]);
  });

  it('says when someone belongs nowhere, with no meetings and no tasks', async () => {
    const body = await get(nils, '/api/me/meetings');
    expect(body).toMatchObject({ belongsNowhere: true, meetings: [] });
    const tasks = await get(nils, '/api/me/tasks');
    expect(tasks).toMatchObject({ leadsUnits: false, readings: [], reports: [], actions: [] });
  });

  it('takes a reading off her tasks once she marks it read, and shows when in her meetings', async () => {
    const planKey = (await app.plans.list())[0]!.key;
    await app.reminders.acks.add(
      readingMessageId(planKey, 'kulg-des'),
      mona,
      new Date('2026-11-23T07:30:00Z'),
    );
    expect((await get(mona, '/api/me/tasks')).readings).toEqual([]);
    expect(meeting(await get(mona, '/api/me/meetings'), 'kulg-des').reading).toMatchObject({
      state: 'read',
      readAt: '2026-11-23T07:30:00.000Z',
    });
    // Rita's own reading is still hers to do.
    expect((await get(rita, '/api/me/tasks')).readings.map((r: any) => r.eventId)).toEqual(['kulg-des']);
  });

  it('shows a saved draft as a draft, drops a submitted report, and marks an unsent one late after the deadline', async () => {
    const act = async (user: string, action: 'lagre' | 'send') => {
      const access = await resolveAccess(app.reports.access, { aadObjectId: user, name: 'Rita Rektor' });
      const stored = await app.reports.reports.getWithPlan('2026-H2', 'leknes-skole');
      const result = await runReportAction(
        app.reports,
        access,
        action,
        {
          campaignId: '2026-H2',
          unitId: 'leknes-skole',
          version: stored.report?.version ?? 0,
          planVersion: stored.localPlan?.version ?? 0,
          kartlegging: 'Elevundersøkelsen.',
          analyse: 'Mobbing i friminuttene.',
          mal: 'Et trygt skolemiljø.',
          handlingIds: [''],
          handling_1: 'Flere voksne ute.',
          handlingFrist_1: '2027-03-01',
          handlingStatus_1: 'pågår',
          'tegn_ledelse-01': 'ja',
          tidsressurser: 'To timer i uka.',
          fritekst: '',
        },
        reportTexts('nb'),
      );
      expect(result.kind === 'view' && result.view.notice?.tone).not.toBe('attention');
    };
    await act(rita, 'lagre');
    expect((await get(rita, '/api/me/tasks')).reports).toMatchObject([
      { campaignId: '2026-H2', status: 'utkast' },
    ]);
    await act(rita, 'send');
    expect((await get(rita, '/api/me/tasks')).reports).toEqual([]);

    time.now = new Date('2026-12-16T08:00:00Z');
    expect((await get(stian, '/api/me/tasks')).reports).toMatchObject([
      { campaignId: '2026-H2', unitId: 'gravdal-barnehage', status: 'mangler', overdue: true },
    ]);
  });
});
