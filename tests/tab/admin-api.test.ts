import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { stringify } from 'yaml';
import { freshTables } from '../support/storage.js';
import { tabPlan } from './support/tab-plan.js';
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

describe('POST /api/plan/import', () => {
  const yaml = (edit: (plan: any) => void = () => undefined) => {
    const plan = tabPlan();
    edit(plan);
    return stringify(plan);
  };
  const post = (path: string, user: string | undefined, body: string, type = 'application/yaml') =>
    call(path, user, { method: 'POST', body, headers: { 'content-type': type } });
  const broken = (plan: any) => {
    plan.calendar[12].slots = [{ start: '25:00' }];
    plan.calendar[3].date = '2026-02-30';
    plan.units[0].type = 'universitet';
  };

  it('answers 401 without an identity and 403 to a member, storing nothing', async () => {
    const before = await app.plans.list();
    expect((await post('/api/plan/import', undefined, yaml())).status).toBe(401);
    const member = await post(
      '/api/plan/import',
      MEMBER,
      yaml((p) => (p.title = 'Kapret')),
    );
    expect(member.status).toBe(403);
    expect(await app.plans.list()).toEqual(before);
  });

  it('lists every problem of a bad file in Norwegian in a dry run, and stores nothing', async () => {
    const before = await app.plans.list();
    const response = await post('/api/plan/import?dryRun=true', ADMIN, yaml(broken));
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ dryRun: true, valid: false });
    const lines = body.issues.map((i: any) => `${i.where}: ${i.message}`);
    expect(lines).toContain(
      `calendar[12] (${tabPlan().calendar[12].id}).slots[0].start: må være et klokkeslett TT:MM`,
    );
    expect(lines.find((l: string) => l.startsWith('units[0] (leknes-skole).type'))).toMatch(/Ugyldig valg/);
    expect(lines).toContain(`calendar[3] (${tabPlan().calendar[3].id}).date: er ikke en gyldig dato`);
    expect(lines).toHaveLength(3);
    expect(await app.plans.list()).toEqual(before);
  });

  it('refuses a bad file on a real import with every problem and stores nothing', async () => {
    const before = await app.plans.list();
    const response = await post('/api/plan/import', ADMIN, yaml(broken));
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.message).toMatch(/^Planfilen er ugyldig \(3 feil\)/);
    expect(error.details).toHaveLength(3);
    expect(await app.plans.list()).toEqual(before);
  });

  it('lists a bad file’s problems in English to an admin who chose it, in a dry run and a real import', async () => {
    const english = (path: string) =>
      call(path, ADMIN, { method: 'POST', body: yaml(broken), headers: { 'content-type': 'application/yaml' } }, 'en-GB');
    const dry = await json(await english('/api/plan/import?dryRun=true'));
    const lines = dry.issues.map((i: any) => `${i.where}: ${i.message}`);
    expect(lines).toContain(`calendar[12] (${tabPlan().calendar[12].id}).slots[0].start: must be a time of day HH:MM`);
    expect(lines).toContain(`calendar[3] (${tabPlan().calendar[3].id}).date: is not a real date`);
    expect(lines.find((l: string) => l.startsWith('units[0] (leknes-skole).type'))).toMatch(/Invalid option/);
    const refused = await english('/api/plan/import');
    expect(refused.status).toBe(400);
    const { error } = await json(refused);
    expect(error.message).toMatch(/^The plan file is not valid \(3 problems\):/);
    expect(error.message).not.toMatch(/må|ugyldig|gyldig dato/i);
    expect(error.details.map((d: any) => d.code)).toEqual(dry.issues.map((i: any) => i.code));
  });

  it('says what a good file would change without storing it, then imports it and moves the reminders', async () => {
    const moved = (plan: any) => {
      plan.calendar[0].date = '2026-11-26';
      plan.calendar.push({ id: 'ny-samling', date: '2027-02-03', programme: 'lp', title: 'Ny samling' });
    };
    const [before] = await app.plans.list();
    const dry = await json(await post('/api/plan/import?dryRun=true', ADMIN, yaml(moved)));
    expect(dry).toMatchObject({ dryRun: true, valid: true, changed: true, key: before!.key });
    expect(dry.changes.events.moved).toEqual([
      { id: 'kulg-today', title: 'Ledermøte KULG i dag', from: '2026-11-23', to: '2026-11-26' },
    ]);
    expect(dry.changes.events.added.map((e: any) => e.id)).toEqual(['ny-samling']);
    expect((await app.plans.list())[0]!.revision).toBe(before!.revision);

    const response = await post('/api/plan/import', ADMIN, yaml(moved));
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ dryRun: false, valid: true, changed: true });
    expect((await app.plans.list())[0]!.revision).toBe(body.revision);
    const reminder = await app.jobs.get('reminder:' + before!.key + ':kulg-today');
    expect(reminder?.dueAt.toISOString()).toBe('2026-11-25T07:00:00.000Z');
  });

  it('takes JSON as well as YAML, and knows when nothing changes', async () => {
    const current = await app.plans.load((await app.plans.list())[0]!.key);
    const response = await post(
      '/api/plan/import?dryRun=true',
      ADMIN,
      JSON.stringify(current!.plan),
      'application/json',
    );
    expect(await json(response)).toMatchObject({ valid: true, changed: false });
  });

  it('refuses an empty body', async () => {
    const response = await post('/api/plan/import', ADMIN, '   ');
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toBe(
      'Send planfilen (YAML eller JSON) som innhold i forespørselen.',
    );
  });
});

describe('POST /api/plan/roll-forward', () => {
  const roll = (user: string | undefined, body: unknown) =>
    call('/api/plan/roll-forward', user, { method: 'POST', body: JSON.stringify(body) });

  it('answers 401 and 403 to the wrong callers', async () => {
    expect((await roll(undefined, { schoolYear: '2027-2028' })).status).toBe(401);
    expect((await roll(MEMBER, { schoolYear: '2027-2028' })).status).toBe(403);
  });

  it('refuses a school year that is not two consecutive years, in Norwegian', async () => {
    const response = await roll(ADMIN, { schoolYear: '2027-2029', dryRun: true });
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toBe(
      'Skoleåret må være to påfølgende år, f.eks. 2027-2028, ikke «2027-2029».',
    );
  });

  it('previews every moved date keeping ISO week and weekday, then rolls forward and plans its reminders', async () => {
    const keys = (await app.plans.list()).map((p) => p.key);
    const preview = await json(await roll(ADMIN, { schoolYear: '2027-2028', dryRun: true }));
    expect(preview).toMatchObject({
      dryRun: true,
      from: { schoolYear: '2026-2027' },
      to: { key: 'testkommune.2027-2028', schoolYear: '2027-2028' },
      replaces: false,
    });
    // Monday of ISO week 48 in 2026 is 23 November; in 2027 it is 29 November.
    expect(preview.moved.find((m: any) => m.id === 'kulg-today')).toEqual({
      id: 'kulg-today',
      title: 'Ledermøte KULG i dag',
      from: '2026-11-26',
      to: '2027-12-02',
    });
    expect((await app.plans.list()).map((p) => p.key)).toEqual(keys);

    const response = await roll(ADMIN, { schoolYear: '2027-2028' });
    expect(response.status).toBe(200);
    const rolled = await app.plans.load('testkommune.2027-2028');
    expect(rolled?.info.rolledFrom).toBe('2026-2027');
    expect(rolled?.plan.calendar.find((e) => e.id === 'kulg-today')?.date).toBe('2027-12-02');
    const job = await app.jobs.get('reminder:testkommune.2027-2028:kulg-today');
    expect(job?.dueAt.toISOString()).toBe('2027-12-01T07:00:00.000Z');
  });
});

describe('/api/plan/reminder-rules', () => {
  const put = (user: string | undefined, body: unknown) =>
    call('/api/plan/reminder-rules', user, { method: 'PUT', body: JSON.stringify(body) });

  it('answers 401 and 403 to the wrong callers', async () => {
    expect((await call('/api/plan/reminder-rules', undefined)).status).toBe(401);
    expect((await call('/api/plan/reminder-rules', MEMBER)).status).toBe(403);
    expect((await put(MEMBER, { revision: 'x', programmes: [], events: [] })).status).toBe(403);
  });

  it('shows the defaults per programme and each event’s override', async () => {
    const rules = await json(await call('/api/plan/reminder-rules', ADMIN));
    expect(rules.defaults).toEqual({ readingLeadDays: 7, reminderTime: '08:00' });
    expect(rules.programmes.find((p: any) => p.id === 'kulg')).toEqual({
      id: 'kulg',
      name: 'KULG',
      readingLeadDays: null,
      reminderTime: null,
    });
    expect(rules.events.find((e: any) => e.id === 'kulg-today')).toMatchObject({
      hasReading: true,
      readingLeadDays: null,
    });
  });

  it('writes new rules as a plan revision and moves the reminders', async () => {
    const rules = await json(await call('/api/plan/reminder-rules', ADMIN));
    const response = await put(ADMIN, {
      revision: rules.revision,
      programmes: [{ id: 'kulg', readingLeadDays: 10, reminderTime: '07:30' }],
      events: [{ id: 'kulg-today', readingLeadDays: null, reminderTime: '12:00' }],
    });
    expect(response.status).toBe(200);
    const saved = await json(response);
    expect(saved.revision).not.toBe(rules.revision);
    expect(saved.programmes.find((p: any) => p.id === 'kulg')).toMatchObject({
      readingLeadDays: 10,
      reminderTime: '07:30',
    });
    const stored = await app.plans.load(saved.planKey);
    expect(stored?.plan.calendar.find((e) => e.id === 'kulg-today')?.reminders).toEqual({
      reminderTime: '12:00',
    });
    const event = stored!.plan.calendar.find((e) => e.id === 'kulg-today')!;
    const job = await app.jobs.get(`reading:${saved.planKey}:kulg-today`);
    // The event's 12:00 wins over the programme's 07:30; the programme's 10 days apply.
    const expected = new Date(`${event.date}T12:00:00+01:00`);
    expected.setUTCDate(expected.getUTCDate() - 10);
    expect(job?.dueAt.toISOString()).toBe(expected.toISOString());
  });

  it('refuses an invalid value with the validator’s message and stores nothing', async () => {
    const rules = await json(await call('/api/plan/reminder-rules', ADMIN));
    const response = await put(ADMIN, {
      revision: rules.revision,
      programmes: [{ id: 'kulg', readingLeadDays: 90, reminderTime: '25:00' }],
      events: [],
    });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.details.map((i: any) => `${i.where}: ${i.message}`)).toEqual([
      'programmes[0] (kulg).defaults.readingLeadDays: kan være høyst 60 dager',
      'programmes[0] (kulg).defaults.reminderTime: må være et klokkeslett TT:MM',
    ]);
    expect((await json(await call('/api/plan/reminder-rules', ADMIN))).revision).toBe(rules.revision);
  });

  it('answers 409 to a save based on an older revision', async () => {
    const response = await put(ADMIN, { revision: 'gammel', programmes: [], events: [] });
    expect(response.status).toBe(409);
    expect((await json(response)).error.message).toBe(
      'Planen ble endret etter at du åpnet den. Ingenting er lagret; last inn på nytt og prøv igjen.',
    );
  });
});
