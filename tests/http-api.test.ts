import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { schoolYear } from '../bot/domain/calendar/school-year.js';
import { MAX_BODY_BYTES } from '../bot/http/server.js';
import { connectTables } from '../bot/store/table-service.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { planYaml } from './support/plan-fixture.js';
import { startTestServer } from './support/server.js';
import { freshTables } from './support/storage.js';

let app: App;
let url: string;

beforeAll(async () => {
  const { tables } = freshTables();
  ({ app, url } = await startTestServer(tables));
  await importPlan({ plans: app.plans, clock: { now: () => new Date() } }, planYaml(), {
    schoolYear: schoolYear(2026),
  });
});
afterAll(() => app.close());

describe('HTTP API through the real server', () => {
  it('answers /healthz with 200 while storage answers', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('lists the events of a date range with week numbers and programme names', async () => {
    const response = await fetch(`${url}/api/events?from=2026-09-01&to=2026-12-31`);
    expect(response.status).toBe(200);
    const { events } = (await response.json()) as { events: Record<string, unknown>[] };
    expect(events.map((e) => [e.id, e.date, e.endDate, e.isoWeek, e.programmeName])).toEqual([
      ['lp-01', '2026-09-16', '2026-09-17', 38, 'LP'],
    ]);
  });

  it('includes an event that started before the range but ends inside it', async () => {
    const { events } = (await (await fetch(`${url}/api/events?from=2026-09-17&to=2026-09-17`)).json()) as {
      events: { id: string }[];
    };
    expect(events.map((e) => e.id)).toEqual(['lp-01']);
  });

  it('lists every event without a range, in date order', async () => {
    const { events } = (await (await fetch(`${url}/api/events`)).json()) as { events: { date: string }[] };
    expect(events.map((e) => e.date)).toEqual(['2026-05-14', '2026-09-16', '2027-01-03']);
  });

  it('answers a malformed date with 400 and a Norwegian message naming the field', async () => {
    const response = await fetch(`${url}/api/events?from=14.05.2026`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'BAD_REQUEST',
        message: '«from» må være en dato på formen ÅÅÅÅ-MM-DD, ikke «14.05.2026».',
      },
    });
  });

  it('answers in English when the client asks for it', async () => {
    const response = await fetch(`${url}/api/events?from=2026-10-01&to=2026-09-01`, {
      headers: { 'accept-language': 'en-GB' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      '"from" cannot be after "to".',
    );
  });

  it('serves the current plan and its units', async () => {
    const plan = (await (await fetch(`${url}/api/plan`)).json()) as Record<string, any>;
    expect(plan).toMatchObject({ key: 'testkommune.2026-2027', rolledFrom: '2020-2021' });
    expect(plan.plan.themes).toHaveLength(1);
    const units = (await (await fetch(`${url}/api/units`)).json()) as Record<string, any>;
    expect(units.units.map((u: { id: string }) => u.id)).toEqual(['leknes-skole']);
  });

  it('answers malformed JSON with 400, not a crash', async () => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_JSON');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES + 1) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BODY_TOO_LARGE');
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await fetch(`${url}/api/nope`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('sends security headers that let only Teams and Office frame the tab', async () => {
    const response = await fetch(`${url}/tab`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(
      /(^|; )frame-ancestors 'self' https:\/\/teams\.microsoft\.com /,
    );
    expect(await response.text()).toContain('Planpuls');
  });
});

describe('health without storage', () => {
  it('answers 503 when storage does not answer', async () => {
    const dead = connectTables(
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;',
      'dead',
    );
    const { app: deadApp, url: deadUrl } = await startTestServer(dead);
    try {
      const response = await fetch(`${deadUrl}/healthz`);
      expect(response.status).toBe(503);
      const events = await fetch(`${deadUrl}/api/events`);
      expect(events.status).toBe(503);
      expect(((await events.json()) as { error: { message: string } }).error.message).toBe(
        'Lagringen svarer ikke akkurat nå. Prøv igjen om litt.',
      );
    } finally {
      await deadApp.close();
    }
  });
});
