import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { ADMIN, appWithPlan, MEMBER } from './support/app.js';
import { planFixture, planYaml } from './support/plan-fixture.js';

// Campaign 2020-H2 of the fixture plan: opens tuesday 1 December 2020, due 15 December.
const time = { now: new Date('2020-12-01T08:00:00Z') };
const clock = { now: () => time.now };
const at = (iso: string) => (time.now = new Date(iso));

const RITA = '00000000-0000-0000-0000-0000000000e1';
const FORM = '/api/reports/2020-H2/units/leknes-skole/form';
let app: App;
let url: string;

beforeAll(async () => {
  app = await appWithPlan(clock);
  await importPlan({ plans: app.plans, clock }, planYaml(planFixture()));
  await app.people.save({
    aadObjectId: RITA,
    name: 'Rita Rektor',
    roles: ['enhetsleder'],
    leads: ['leknes-skole'],
    networks: [],
    coordinates: [],
  });
  await app.people.save({
    aadObjectId: ADMIN,
    name: 'Kari Kommunalsjef',
    roles: ['admin'],
    leads: [],
    networks: [],
    coordinates: [],
  });
  url = await app.listen();
  expect((await call(ADMIN, '/api/reports/campaigns', 'POST', { id: '2020-H2' })).status).toBe(201);
});
afterAll(async () => app.close());

function call(user: string, path: string, method = 'GET', body?: unknown, language = 'nb') {
  return fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'accept-language': language,
      [DEV_USER_HEADER]: user,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const complete = {
  kartlegging: 'Elevundersøkelsen og observasjon i klasserommet.',
  analyse: 'Mobbing skjer mest i friminuttene.',
  mal: 'Alle elever opplever et trygt skolemiljø.',
  actions: [{ id: '', text: 'Flere voksne ute i friminuttene.', deadline: '2021-03-01', status: 'pågår' }],
  signs: { 'ledelse-01': { answer: 'ja', comment: 'Planen er vedtatt.' } },
  tidsressurser: 'To timer i uka for plangruppa.',
  fritekst: '',
};

describe('the report form in the tab, through the card’s save path', () => {
  it('lists the leader’s open request, and her unit’s empty form with the signs to answer', async () => {
    const mine = await (await call(RITA, '/api/reports/mine')).json();
    expect(mine.requests).toEqual([
      expect.objectContaining({
        campaignId: '2020-H2',
        unitId: 'leknes-skole',
        unitName: 'Leknes skole',
        status: 'mangler',
        deadline: '2020-12-15',
      }),
    ]);
    const form = await (await call(RITA, FORM)).json();
    expect(form.version).toBe(0);
    expect(form.mayEdit).toBe(true);
    expect(form.signs).toEqual([
      { picture: 'Ledelse', signs: [{ id: 'ledelse-01', text: 'Vi har en plan.' }] },
    ]);
    expect(form.notes.status).toBe('Ikke påbegynt.');
    // Someone who leads nothing has nothing to answer, and no form to open.
    expect((await (await call(MEMBER, '/api/reports/mine')).json()).requests).toEqual([]);
    const refused = await call(MEMBER, FORM);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain('Du er ikke leder for denne enheten');
  });

  it('keeps an incomplete draft, and says who saved it when', async () => {
    const response = await call(RITA, FORM, 'PUT', {
      action: 'draft',
      version: 0,
      planVersion: 0,
      kartlegging: 'Bare kartleggingen så langt.',
    });
    expect(response.status).toBe(200);
    const form = await response.json();
    expect(form.version).toBe(1);
    expect(form.content.kartlegging).toBe('Bare kartleggingen så langt.');
    expect(form.notes.status).toBe(
      'Utkast (versjon 1), lagret tirsdag 1. desember 2020 kl. 09:00 av Rita Rektor.',
    );
    const mine = await (await call(RITA, '/api/reports/mine')).json();
    expect(mine.requests[0].status).toBe('utkast');
  });

  it('refuses an incomplete submit naming each field, in Norwegian and in English', async () => {
    const body = { action: 'submit', version: 1, planVersion: 0, ...complete, analyse: '', signs: {} };
    const response = await call(RITA, FORM, 'PUT', body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain('Ikke lagret:');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'analyse', message: '«Analyse» må fylles ut.' }),
        expect.objectContaining({
          field: 'signs.ledelse-01.answer',
          message: 'Tegnet «Vi har en plan.» må besvares.',
        }),
      ]),
    );
    const english = await (await call(RITA, FORM, 'PUT', body, 'en')).json();
    expect(english.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'analyse', message: '«Analysis» must be filled in.' }),
      ]),
    );
    // Nothing was stored.
    expect((await app.reports.reports.get('2020-H2', 'leknes-skole'))?.version).toBe(1);
  });

  it('names the action row of a problem by its place in the list', async () => {
    const response = await call(RITA, FORM, 'PUT', {
      action: 'submit',
      version: 1,
      planVersion: 0,
      ...complete,
      actions: [...complete.actions, { text: 'Uten frist', deadline: '', status: 'pågår' }],
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.details).toEqual([
      expect.objectContaining({
        field: 'actions.1.deadline',
        message: '«Frist for handling 2» må fylles ut.',
      }),
    ]);
  });

  it('refuses a save over a newer version with 409, naming who saved it and when, in her language', async () => {
    const stale = await call(RITA, FORM, 'PUT', {
      action: 'submit',
      version: 0,
      planVersion: 0,
      ...complete,
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toBe(
      'Rita Rektor endret rapporten tirsdag 1. desember 2020 kl. 09:00, etter at du åpnet den. ' +
        'Endringene dine er ikke lagret; hent den siste versjonen og gjør endringen der.',
    );
    const english = await call(RITA, FORM, 'PUT', { action: 'draft', version: 0, ...complete }, 'en');
    expect(english.status).toBe(409);
    expect((await english.json()).error.message).toContain(
      'Rita Rektor changed the report Tuesday 1 December 2020 at 09:00, after you opened it.',
    );
    expect((await app.reports.reports.get('2020-H2', 'leknes-skole'))?.version).toBe(1);
  });

  it('submits, makes the report the unit’s local plan, and shows a later change with when and by whom', async () => {
    at('2020-12-01T09:30:00Z');
    const sent = await call(RITA, FORM, 'PUT', { action: 'submit', version: 1, planVersion: 0, ...complete });
    expect(sent.status).toBe(200);
    const form = await sent.json();
    expect(form.report.status).toBe('sendt');
    expect(form.notes.status).toBe('Sendt inn tirsdag 1. desember 2020 kl. 10:30 av Rita Rektor.');
    expect(form.planVersion).toBe(1);
    expect((await app.reports.localPlans.get('leknes-skole'))?.kartlegging).toBe(complete.kartlegging);

    // A draft over a submitted report is refused, as on the card.
    const draft = await call(RITA, FORM, 'PUT', { action: 'draft', version: 2, planVersion: 1, ...complete });
    expect(draft.status).toBe(409);
    expect((await draft.json()).error.message).toContain('allerede sendt inn');

    at('2020-12-02T13:15:00Z');
    const changed = await call(ADMIN, FORM, 'PUT', {
      action: 'submit',
      version: 2,
      planVersion: 1,
      ...complete,
      actions: [{ ...complete.actions[0], id: form.content.actions[0].id, status: 'fullført' }],
    });
    expect(changed.status).toBe(200);
    expect((await changed.json()).notes.status).toBe(
      'Sendt inn tirsdag 1. desember 2020 kl. 10:30, endret onsdag 2. desember 2020 kl. 14:15 av Kari Kommunalsjef.',
    );
    const english = await (await call(RITA, FORM, 'GET', undefined, 'en')).json();
    expect(english.notes.status).toBe(
      'Submitted Tuesday 1 December 2020 at 10:30, changed Wednesday 2 December 2020 at 14:15 by Kari Kommunalsjef.',
    );
    expect(english.content.actions).toEqual([expect.objectContaining({ id: 'h1', status: 'fullført' })]);

    // What an action serves in the plan comes and goes with the tab's form, into the local plan
    // (a submit from the tab once wiped the link); one the plan does not have is dropped.
    at('2020-12-03T08:00:00Z');
    const served = await call(RITA, FORM, 'PUT', {
      action: 'submit',
      version: 3,
      planVersion: 2,
      ...complete,
      actions: [
        { ...complete.actions[0], id: 'h1', status: 'fullført', serves: 'theme:tema-1' },
        { text: 'Ukjent tema.', deadline: '2021-04-01', status: 'pågår', serves: 'theme:finnes-ikke' },
      ],
    });
    expect(served.status).toBe(200);
    const plan = await app.reports.localPlans.get('leknes-skole');
    expect(plan?.actions.map((a) => a.serves)).toEqual(['theme:tema-1', undefined]);
    const again = await (await call(RITA, FORM)).json();
    expect(again.content.actions[0].serves).toBe('theme:tema-1');
  });

  it('refuses what the schema does not take before the use case sees it', async () => {
    const response = await call(RITA, FORM, 'PUT', { action: 'publish', version: -1 });
    expect(response.status).toBe(400);
    const unknown = await call(RITA, '/api/reports/2099-H1/units/leknes-skole/form');
    expect(unknown.status).toBe(404);
  });

  it('refuses a change after the deadline once submitted', async () => {
    at('2020-12-16T09:00:00Z');
    const form = await (await call(RITA, FORM)).json();
    expect(form.mayEdit).toBe(false);
    const late = await call(RITA, FORM, 'PUT', {
      action: 'submit',
      version: form.version,
      planVersion: form.planVersion,
      ...complete,
    });
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toContain('Fristen var tirsdag 15. desember 2020');
  });
});
