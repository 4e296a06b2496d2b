import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../bot/app.js';
import { sendReportReminders } from '../../bot/use-cases/reports/reminders.js';
import { reportJobHandlers } from '../../bot/use-cases/reports/report-schedule.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { freshTables } from '../support/storage.js';
import { RITA, RITA_CHAT, seedLeaders, STIAN } from './support/campaign-admin-data.js';
import { ADMIN, CHANNEL, ensureTabBuilt, MEMBER, startTabServer } from './support/tab-server.js';

// The kommunalsjef running a request from the tab, through the real server on real storage
// (Azurite): preview, send, progress, remind now, move the deadline, close. Today is Monday
// 23 November 2026 (tests/tab/support/tab-plan.ts).
let app: App;
let url: string;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startTabServer(freshTables().tables));
  await seedLeaders(app);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

async function call(method: string, path: string, user: string, body?: unknown, language = 'nb') {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'accept-language': language,
      [DEV_USER_HEADER]: user,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const REQUEST = {
  id: 'skolemiljo-2026',
  title: 'Kontaktperson for skolemiljø',
  deadline: '2026-12-11',
  questions: [{ text: 'Hvem er enhetens kontaktperson for skolemiljø?' }],
};
const RITA_CARD = `rapport-${REQUEST.id}-leknes-skole-${RITA}`;
/** Rita presses a button on the request card in her personal chat (a real invoke payload). */
async function ritaPresses(data: Record<string, unknown>): Promise<string> {
  const activity = JSON.parse(
    readFileSync(new URL('../payloads/card-action-invoke.json', import.meta.url), 'utf8'),
  );
  activity.from = { id: `29:${RITA}`, name: 'Rita Rektor', aadObjectId: RITA };
  activity.conversation = { conversationType: 'personal', id: RITA_CHAT };
  delete activity.channelData.channel;
  delete activity.channelData.team;
  activity.value = { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' };
  const adapter = new TestAdapter(async () => {});
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  const response = adapter.activeQueue.splice(0).find((a) => a.type === 'invokeResponse');
  return JSON.stringify(response?.value);
}

const cardText = async (id: string) => JSON.stringify((await app.outbox.message(id))?.activity ?? null);

describe('running a request from the tab', () => {
  it('refuses everyone but the kommunalsjef, with the reason in their language', async () => {
    const id = REQUEST.id;
    for (const [method, path, body] of [
      ['POST', '/api/reports/campaigns/preview', REQUEST],
      ['GET', `/api/reports/campaigns/${id}`, undefined],
      ['POST', `/api/reports/campaigns/${id}/reminders`, {}],
      ['PUT', `/api/reports/campaigns/${id}/deadline`, { deadline: '2026-12-18' }],
      ['POST', `/api/reports/campaigns/${id}/close`, {}],
    ] as const) {
      for (const user of [MEMBER, RITA]) {
        const refused = await call(method, path, user, body);
        expect(refused.status, `${method} ${path}`).toBe(403);
        expect(refused.body.error.details).toEqual([{ code: 'CAMPAIGN_ADMIN_ONLY', params: {} }]);
        expect(refused.body.error.message).toBe(
          'Bare kommunalsjefen (administrator) kan styre en innhenting.',
        );
      }
    }
    const english = await call('POST', '/api/reports/campaigns/preview', MEMBER, REQUEST, 'en');
    expect(english.body.error.message).toBe('Only the head of education (administrator) can run a request.');
  });

  it('previews who gets it and where, and who cannot be reached and why, without sending anything', async () => {
    const preview = await call('POST', '/api/reports/campaigns/preview', ADMIN, REQUEST);
    expect(preview.status).toBe(200);
    expect(preview.body.campaign).toMatchObject({
      id: REQUEST.id,
      kind: 'forespørsel',
      title: 'Kontaktperson for skolemiljø',
      deadline: '2026-12-11',
    });
    expect(preview.body.units).toEqual([
      {
        unitId: 'leknes-skole',
        name: 'Leknes skole',
        type: 'skole',
        leaders: [{ name: 'Rita Rektor', where: 'personal' }],
        channel: false,
      },
      {
        unitId: 'ballstad-barnehage',
        name: 'Ballstad barnehage',
        type: 'barnehage',
        leaders: [{ name: 'Stian Styrer', where: 'channel' }],
        channel: true,
      },
      {
        unitId: 'ppt',
        name: 'PPT Vest-Lofoten',
        type: 'ppt',
        leaders: [],
        channel: false,
        unreached: 'ingen leder registrert, og enheten har ingen koblet kanal',
      },
    ]);
    expect([preview.body.reached, preview.body.total]).toEqual([2, 3]);
    // Nothing stored, nothing queued.
    expect(await app.reports.campaigns.get(REQUEST.id)).toBeUndefined();
    expect(await app.outbox.message(RITA_CARD)).toBeUndefined();
  });

  it('checks the preview as sending does: the schema first, then the dates', async () => {
    const badDate = await call('POST', '/api/reports/campaigns/preview', ADMIN, {
      ...REQUEST,
      deadline: '11.12.2026',
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details[0]).toMatchObject({ code: 'FIELD_NOT_DATE' });
    const noQuestions = await call('POST', '/api/reports/campaigns/preview', ADMIN, {
      ...REQUEST,
      questions: [],
    });
    expect(noQuestions.status).toBe(400);
    expect(noQuestions.body.error.details).toEqual([
      { code: 'CAMPAIGN_QUESTIONS', params: { min: 1, max: 20 } },
    ]);
  });

  it('sends once however often Send is pressed, then refuses a preview of the same request', async () => {
    const first = await call('POST', '/api/reports/campaigns', ADMIN, REQUEST);
    const second = await call('POST', '/api/reports/campaigns', ADMIN, REQUEST);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([first.body.sent, second.body.sent]).toEqual([2, 0]);
    expect(await cardText(RITA_CARD)).toContain('fredag 11. desember 2026');
    const again = await call('POST', '/api/reports/campaigns/preview', ADMIN, REQUEST);
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].code).toBe('CAMPAIGN_EXISTS');
    expect(again.body.error.message).toContain('«Kontaktperson for skolemiljø» er allerede sendt ut');
  });

  it('shows the progress: each unit’s report status and its cards in the delivery engine', async () => {
    const progress = await call('GET', `/api/reports/campaigns/${REQUEST.id}`, ADMIN);
    expect(progress.status).toBe(200);
    expect(progress.body.closed).toBe(false);
    expect(progress.body.totals).toEqual({
      units: 3,
      sendt: 0,
      utkast: 0,
      mangler: 3,
      late: 0,
      // Not delivering in this test: the two cards wait in the outbox.
      cards: { sent: 0, queued: 2, failed: 0 },
    });
    // PPT was never asked (nothing reached it), so the tab says «Ikke spurt», not «Ikke påbegynt».
    expect(progress.body.units.map((u: any) => [u.name, u.status, u.asked, u.unreached ?? ''])).toEqual([
      ['Leknes skole', 'mangler', true, ''],
      ['Ballstad barnehage', 'mangler', true, ''],
      ['PPT Vest-Lofoten', 'mangler', false, 'ingen leder registrert, og enheten har ingen koblet kanal'],
    ]);
    const unknown = await call('GET', '/api/reports/campaigns/finnes-ikke', ADMIN);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].code).toBe('CAMPAIGN_UNKNOWN');
  });

  it('reminds those who have not submitted now, once a day however often it is pressed', async () => {
    const first = await call('POST', `/api/reports/campaigns/${REQUEST.id}/reminders`, ADMIN, {});
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ reminded: 2, already: 0, unreachable: 1 });
    const reminder = await cardText(`rapport-paminnelse-${REQUEST.id}-leknes-skole-manuell-2026-11-23`);
    expect(reminder).toContain('Påminnelse: rapporten for Leknes skole er ikke sendt inn.');
    expect(reminder).toContain('fredag 11. desember 2026 (om 18 dager)');
    const second = await call('POST', `/api/reports/campaigns/${REQUEST.id}/reminders`, ADMIN);
    expect(second.body).toEqual({ reminded: 0, already: 2, unreachable: 1 });
    const progress = await call('GET', `/api/reports/campaigns/${REQUEST.id}`, ADMIN);
    expect(progress.body.campaign.lastReminder).toMatchObject({ byName: expect.any(String), units: 2 });
  });

  it('moves the deadline and revises the posted cards so their recipients read the new date', async () => {
    const past = await call('PUT', `/api/reports/campaigns/${REQUEST.id}/deadline`, ADMIN, {
      deadline: '2026-11-20',
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details).toEqual([
      { code: 'CAMPAIGN_DEADLINE_PAST', params: { today: '2026-11-23' } },
    ]);
    expect(past.body.error.message).toBe('Fristen kan ikke være før i dag (mandag 23. november 2026).');

    const moved = await call('PUT', `/api/reports/campaigns/${REQUEST.id}/deadline`, ADMIN, {
      deadline: '2026-12-18',
    });
    expect(moved.body).toEqual({ deadline: '2026-12-18', changed: true });
    expect(await app.tick()).toBeGreaterThanOrEqual(2);
    const card = await cardText(RITA_CARD);
    expect(card).toContain('fredag 18. desember 2026');
    expect(card).not.toContain('fredag 11. desember 2026');
    expect(await cardText(`rapport-${REQUEST.id}-ballstad-barnehage-kanal`)).toContain(
      'fredag 18. desember 2026',
    );
    // The reminders follow the deadline.
    expect((await app.jobs.get(`rapport-paminnelse:${REQUEST.id}:7`))?.dueAt.toISOString()).toBe(
      '2026-12-11T07:00:00.000Z',
    );
    const same = await call('PUT', `/api/reports/campaigns/${REQUEST.id}/deadline`, ADMIN, {
      deadline: '2026-12-18',
    });
    expect(same.body).toEqual({ deadline: '2026-12-18', changed: false });
  });

  it('stores a request that opens on a later day and sends it that morning, not at once', async () => {
    const later = { ...REQUEST, id: 'tidsbruk-2026', opens: '2026-12-01', deadline: '2026-12-18' };
    const saved = await call('POST', '/api/reports/campaigns', ADMIN, later);
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ sent: 0, scheduledFor: '2026-12-01' });
    expect(saved.body.message).toBe(
      'Forespørselen er lagret og går ut tirsdag 1. desember 2026 kl. 08.00. Ingenting er sendt ennå.',
    );
    const card = `rapport-${later.id}-leknes-skole-${RITA}`;
    expect(await app.outbox.message(card)).toBeUndefined();
    const job = await app.jobs.get(`rapport-send:${later.id}`);
    expect(job?.dueAt.toISOString()).toBe('2026-12-01T07:00:00.000Z');
    // The morning it opens, the job sends the requests.
    await reportJobHandlers(app.reports)['rapport-send']!(job!, new Date('2026-12-01T07:00:00Z'), {
      downSince: undefined,
    } as never);
    expect(await cardText(card)).toContain('Hvem er enhetens kontaktperson for skolemiljø?');
  });

  it('closes: the cards say so, and no more reminders, deadline moves or submits', async () => {
    const closed = await call('POST', `/api/reports/campaigns/${REQUEST.id}/close`, ADMIN, {});
    expect(closed.status).toBe(200);
    expect(closed.body.changed).toBe(true);
    expect(await app.tick()).toBeGreaterThanOrEqual(2);
    const card = await cardText(RITA_CARD);
    expect(card).toContain('Innhentingen ble avsluttet mandag 23. november 2026');
    expect(card).not.toContain('rapport-send');
    // Nothing came in from Leknes skole: said plainly, not in the colour of a submitted report.
    expect(card).toContain('"text":"Ikke påbegynt","wrap":true,"color":"Default"');
    expect(await app.jobs.get(`rapport-paminnelse:${REQUEST.id}:7`)).toBeUndefined();
    expect(await app.jobs.get(`rapport-eskalering:${REQUEST.id}`)).toBeUndefined();

    for (const [method, path, body] of [
      ['POST', `/api/reports/campaigns/${REQUEST.id}/reminders`, {}],
      ['PUT', `/api/reports/campaigns/${REQUEST.id}/deadline`, { deadline: '2026-12-20' }],
      ['POST', '/api/reports/campaigns', REQUEST],
    ] as const) {
      const refused = await call(method, path, ADMIN, body);
      expect(refused.status, path).toBe(409);
      expect(refused.body.error.details).toEqual([{ code: 'CAMPAIGN_CLOSED', params: {} }]);
    }
    // A press on the card still open in a leader's chat stores nothing.
    const pressed = await ritaPresses({
      verb: 'rapport-send',
      campaignId: REQUEST.id,
      unitId: 'leknes-skole',
      version: 0,
      svar_q1: 'Ola Nordmann',
    });
    expect(pressed).toContain('Innhentingen er avsluttet. Ingenting er lagret.');
    expect(await app.reports.reports.get(REQUEST.id, 'leknes-skole')).toBeUndefined();
    // The reminder job of the old schedule, had it stayed, sends nothing either.
    const campaign = (await app.reports.campaigns.get(REQUEST.id))!;
    expect(await sendReportReminders(app.reports, campaign, new Date('2026-12-11T08:00:00Z'), 7)).toBe(0);

    const again = await call('POST', `/api/reports/campaigns/${REQUEST.id}/close`, ADMIN, {});
    expect(again.body).toMatchObject({ changed: false, closedAt: closed.body.closedAt });
    const progress = await call('GET', `/api/reports/campaigns/${REQUEST.id}`, ADMIN);
    expect(progress.body.closed).toBe(true);
    expect(progress.body.campaign.closedAt).toBe(closed.body.closedAt);
    // The tab's form says so and offers nothing to change, though the deadline has not passed.
    const form = await call('GET', `/api/reports/${REQUEST.id}/units/leknes-skole/form`, ADMIN);
    expect(form.body).toMatchObject({ mayEdit: false, campaign: { closedByAdmin: true } });
    expect(form.body.notes.status).toMatch(/^Innhentingen ble avsluttet mandag 23\. november 2026/);
  });
});

describe('the progress the tab polls, kept true to what happened', () => {
  const LIVE = { ...REQUEST, id: 'ordensregler-2026', title: 'Ordensregler' };
  const progress = async () => (await call('GET', `/api/reports/campaigns/${LIVE.id}`, ADMIN)).body;
  /** The units listed under «kan ikke nås», by name and why. */
  const unreachable = async () =>
    (await progress()).units.filter((u: any) => u.unreached).map((u: any) => `${u.name}: ${u.unreached}`);
  const channelLink = { kind: 'unit', id: 'ballstad-barnehage' } as const;

  it('lists as unreachable, right after «Send påminnelse nå», exactly the units its answer counted', async () => {
    expect((await call('POST', '/api/reports/campaigns', ADMIN, LIVE)).status).toBe(201);
    expect(await unreachable()).toEqual([
      'PPT Vest-Lofoten: ingen leder registrert, og enheten har ingen koblet kanal',
    ]);
    // Ballstad barnehage's channel is unlinked after the request went out: Stian has no chat.
    await app.links.remove(channelLink, CHANNEL);
    const reminded = await call('POST', `/api/reports/campaigns/${LIVE.id}/reminders`, ADMIN, {});
    expect(reminded.body).toEqual({ reminded: 1, already: 0, unreachable: 2 });
    expect(await unreachable()).toEqual([
      'Ballstad barnehage: Stian Styrer har ikke brukt Planpuls i Teams (ingen personlig chat), og enheten har ingen koblet kanal',
      'PPT Vest-Lofoten: ingen leder registrert, og enheten har ingen koblet kanal',
    ]);
    // Linked again: the next press reaches the channel, and the list says so at once.
    await app.links.add({ target: channelLink, conversationId: CHANNEL, linkedBy: ADMIN, linkedAt: '' });
    const again = await call('POST', `/api/reports/campaigns/${LIVE.id}/reminders`, ADMIN, {});
    expect(again.body).toEqual({ reminded: 1, already: 1, unreachable: 1 });
    expect(await unreachable()).toEqual([
      'PPT Vest-Lofoten: ingen leder registrert, og enheten har ingen koblet kanal',
    ]);
  });

  it('shows a report sent on the card in Teams, or saved in the tab’s form, at the very next read', async () => {
    const before = await progress();
    expect(before.units.map((u: any) => [u.unitId, u.status, u.version])).toEqual([
      ['leknes-skole', 'mangler', 0],
      ['ballstad-barnehage', 'mangler', 0],
      ['ppt', 'mangler', 0],
    ]);
    // Rita submits on the request card in her chat.
    const pressed = await ritaPresses({
      verb: 'rapport-send',
      campaignId: LIVE.id,
      unitId: 'leknes-skole',
      version: 0,
      svar_q1: 'Ola Nordmann',
    });
    expect(pressed).not.toContain('Ingenting er lagret');
    // Stian saves a draft in the tab's form, then saves it again: the version tells the tab.
    const form = `/api/reports/${LIVE.id}/units/ballstad-barnehage/form`;
    const draft = await call('PUT', form, STIAN, { action: 'draft', version: 0, answers: { q1: 'Kari' } });
    expect(draft.status).toBe(200);
    const first = await progress();
    expect(first.totals).toMatchObject({ sendt: 1, utkast: 1, mangler: 1 });
    expect(first.units.map((u: any) => [u.unitId, u.status, u.version])).toEqual([
      ['leknes-skole', 'sendt', 1],
      ['ballstad-barnehage', 'utkast', 1],
      ['ppt', 'mangler', 0],
    ]);
    await call('PUT', form, STIAN, { action: 'draft', version: 1, answers: { q1: 'Kari Nordmann' } });
    expect((await progress()).units[1]).toMatchObject({ status: 'utkast', version: 2 });
  });

  it('no longer lists a unit as unreachable once its report is in, as a reminder no longer counts it', async () => {
    await app.links.remove(channelLink, CHANNEL);
    const reminded = await call('POST', `/api/reports/campaigns/${LIVE.id}/reminders`, ADMIN, {});
    expect(reminded.body).toEqual({ reminded: 0, already: 0, unreachable: 2 });
    expect((await unreachable()).map((line: string) => line.split(':')[0])).toEqual([
      'Ballstad barnehage',
      'PPT Vest-Lofoten',
    ]);
    // Stian submits in the tab: his unit needs no reminder and no call any more.
    const form = `/api/reports/${LIVE.id}/units/ballstad-barnehage/form`;
    const sent = await call('PUT', form, STIAN, { action: 'submit', version: 2, answers: { q1: 'Kari' } });
    expect(sent.status).toBe(200);
    expect(await unreachable()).toEqual([
      'PPT Vest-Lofoten: ingen leder registrert, og enheten har ingen koblet kanal',
    ]);
    const after = await call('POST', `/api/reports/campaigns/${LIVE.id}/reminders`, ADMIN, {});
    expect(after.body).toEqual({ reminded: 0, already: 0, unreachable: 1 });
    await app.links.add({ target: channelLink, conversationId: CHANNEL, linkedBy: ADMIN, linkedAt: '' });
  });
});
