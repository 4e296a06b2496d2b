import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import type { Campaign } from '../bot/domain/reports/campaign.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { escalateMissing, sendReportReminders } from '../bot/use-cases/reports/reminders.js';
import { ADMIN, appWithPlan, COORDINATOR, MEMBER } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';
import { planFixture, planYaml } from './support/plan-fixture.js';

// Campaign 2020-H2 of the fixture plan: opens 1 December 2020, due 15 December.
const time = { now: new Date('2020-12-01T08:00:00Z') };
const clock = { now: () => time.now };
const at = (iso: string) => (time.now = new Date(iso));

const LEADER_A = '00000000-0000-0000-0000-00000000001a';
const LEADER_B = '00000000-0000-0000-0000-00000000001b';
const LEADER_C = '00000000-0000-0000-0000-00000000001c';
const CHANNEL = '19:lilleeng@thread.tacv2';
let app: App;
let url: string;

function reference(id: string, conversationType: string, user?: string) {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id, conversationType },
    bot: { id: '28:planpuls' },
    ...(user ? { user: { id: `29:${user}`, aadObjectId: user } } : {}),
  };
}

async function personalChat(user: string) {
  await app.registry.record({
    conversationId: `a:chat-${user}`,
    kind: 'personal',
    userAadObjectId: user,
    reference: reference(`a:chat-${user}`, 'personal', user),
  });
}

beforeAll(async () => {
  app = await appWithPlan(clock);
  const plan = planFixture();
  plan.units.push(
    {
      id: 'lilleeng-barnehage',
      name: 'Lilleeng barnehage',
      type: 'barnehage',
      owner: 'kommunal',
      municipality: 'Vestvågøy',
    },
    {
      id: 'ballstad-skole',
      name: 'Ballstad skole',
      type: 'skole',
      owner: 'kommunal',
      municipality: 'Vestvågøy',
    },
  );
  plan.futurePictures.push({
    id: 'laering',
    title: 'Læringsmiljø',
    appliesTo: ['skole', 'barnehage'],
    signs: [
      { id: 'laering-01', text: 'Alle barn blir sett hver dag.' },
      { id: 'laering-02', text: 'Vi bruker kartleggingen i planleggingen.' },
    ],
  });
  await importPlan({ plans: app.plans, clock }, planYaml(plan));
  const leader = (aadObjectId: string, name: string, leads: string[]) =>
    app.people.save({ aadObjectId, name, roles: ['enhetsleder'], leads, networks: [], coordinates: [] });
  await leader(LEADER_A, 'Rektor A', ['leknes-skole']);
  await leader(LEADER_B, 'Inspektør B', ['leknes-skole']);
  await leader(LEADER_C, 'Styrer C', ['lilleeng-barnehage']);
  await personalChat(LEADER_A);
  await personalChat(LEADER_B);
  await personalChat(ADMIN);
  // Styrer C has no personal chat with the bot: the kindergarten's linked channel gets the request.
  await app.registry.record({
    conversationId: CHANNEL,
    kind: 'channel',
    teamId: '19:lilleeng-team@thread.tacv2',
    reference: reference(CHANNEL, 'channel'),
  });
  await app.links.add({
    target: { kind: 'unit', id: 'lilleeng-barnehage' },
    conversationId: CHANNEL,
    linkedBy: ADMIN,
    linkedAt: '',
  });
  url = await app.listen();
});
afterAll(async () => app.close());

const call = (user: string, path: string, method = 'GET', body?: unknown) =>
  fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: user },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A real `adaptiveCard/action` invoke from a personal chat, through the whole bot. */
async function invoke(
  user: string,
  data: Record<string, unknown>,
  trigger: 'manual' | 'automatic' = 'manual',
): Promise<{ card: any; text: string }> {
  const activity = JSON.parse(
    readFileSync(new URL('./payloads/card-action-invoke.json', import.meta.url), 'utf8'),
  );
  activity.from = { id: `29:${user}`, name: 'Leder', aadObjectId: user };
  activity.conversation = {
    conversationType: 'personal',
    tenantId: activity.conversation.tenantId,
    id: `a:chat-${user}`,
  };
  delete activity.channelData.channel;
  delete activity.channelData.team;
  activity.value = { action: { type: 'Action.Execute', verb: data.verb, data }, trigger };
  const adapter = new TestAdapter(async () => {});
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  const response = adapter.activeQueue.splice(0).find((a) => a.type === 'invokeResponse');
  const body = (response?.value as { status: number; body: Record<string, any> }).body;
  expect(body.statusCode).toBe(200);
  const card = body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
  if (card) expectValidCard(card);
  return { card, text: JSON.stringify(body.value) };
}

function expectValidCard(card: unknown) {
  const { problems, bytes } = checkCard(card);
  expect(problems).toEqual([]);
  expect(bytes).toBeLessThan(80 * 1024);
}

const complete = {
  kartlegging: 'Elevundersøkelsen og observasjon i klasserommet.',
  analyse: 'Mobbing skjer mest i friminuttene.',
  mal: 'Alle elever opplever et trygt skolemiljø.',
  handlingIds: ['', '', ''],
  handling_1: 'Flere voksne ute i friminuttene.',
  handlingFrist_1: '2021-03-01',
  handlingStatus_1: 'pågår',
  'tegn_ledelse-01': 'ja',
  'tegn_laering-01': 'delvis',
  'tegn_laering-01_kommentar': 'Ikke alle dager.',
  'tegn_laering-02': 'nei',
  tidsressurser: 'To timer i uka for plangruppa.',
  fritekst: '',
};
const form = (
  verb: string,
  unitId: string,
  version: number,
  fields: Record<string, unknown> = complete,
  planVersion = 0,
) => ({
  verb,
  campaignId: '2020-H2',
  unitId,
  version,
  planVersion,
  ...fields,
});
const stored = () => app.reports.reports.get('2020-H2', 'leknes-skole');

describe('a half-year report campaign through the bot, against real Azurite', () => {
  it('refuses to open a campaign for anyone but an admin', async () => {
    const response = await call(MEMBER, '/api/reports/campaigns', 'POST', { id: '2020-H2' });
    expect(response.status).toBe(403);
    expect(await app.reports.campaigns.get('2020-H2')).toBeUndefined();
  });

  it('sends each leader the request in their personal chat, and the channel with an @mention where the leader has none', async () => {
    const response = await call(ADMIN, '/api/reports/campaigns', 'POST', { id: '2020-H2' });
    expect(response.status).toBe(201);
    const { campaign } = (await response.json()) as { campaign: Campaign };
    expect(campaign).toMatchObject({ opens: '2020-12-01', deadline: '2020-12-15', kind: 'halvår' });
    const toA = await app.outbox.deliveries(`rapport-2020-H2-leknes-skole-${LEADER_A}`);
    expect(toA.map((d) => d.conversationId)).toEqual([`a:chat-${LEADER_A}`]);
    expect((await app.outbox.deliveries(`rapport-2020-H2-leknes-skole-${LEADER_B}`)).length).toBe(1);
    const channel = await app.outbox.message('rapport-2020-H2-lilleeng-barnehage-kanal');
    expect(channel?.activity.text).toBe(
      '<at>Styrer C</at>: rapporten for Lilleeng barnehage venter på dere.',
    );
    expect((channel?.activity.entities as any[])[0].mentioned.id).toBe(LEADER_C);
    expect((await app.outbox.deliveries('rapport-2020-H2-lilleeng-barnehage-kanal'))[0]?.conversationId).toBe(
      CHANNEL,
    );
    // Reminders 7 and 1 days before, the escalation the day after, at 08:00 Oslo time.
    expect((await app.jobs.get('rapport-paminnelse:2020-H2:7'))?.dueAt.toISOString()).toBe(
      '2020-12-08T07:00:00.000Z',
    );
    expect((await app.jobs.get('rapport-eskalering:2020-H2'))?.dueAt.toISOString()).toBe(
      '2020-12-16T07:00:00.000Z',
    );

    const card = (
      (await app.outbox.message(`rapport-2020-H2-leknes-skole-${LEADER_A}`))?.activity.attachments as any[]
    )[0].content;
    expectValidCard(card);
    const text = JSON.stringify(card);
    for (const id of [
      'kartlegging',
      'analyse',
      'mal',
      'handling_1',
      'handlingFrist_1',
      'handlingStatus_1',
      'handlingAnsvarlig_1',
      'handling_3',
      'tegn_ledelse-01',
      'tegn_laering-02',
    ])
      expect(text).toContain(`"id":"${id}"`);
    // The kindergarten's form has only the signs for kindergartens.
    const kindergarten = JSON.stringify((channel?.activity.attachments as any[])[0].content);
    expect(kindergarten).not.toContain('tegn_ledelse-01');
    expect(kindergarten).toContain('tegn_laering-01');
  });

  it('opening the campaign again sends nothing twice', async () => {
    const response = await call(ADMIN, '/api/reports/campaigns', 'POST', { id: '2020-H2' });
    expect(((await response.json()) as { sent: number }).sent).toBe(0);
  });

  it('answers `rapport` in the personal chat with the form of the unit the writer leads', async () => {
    const say = async (user: string, text: string) => {
      const activity = JSON.parse(
        readFileSync(new URL('./payloads/personal-message.json', import.meta.url), 'utf8'),
      );
      activity.text = text;
      activity.from = { id: `29:${user}`, name: 'Leder', aadObjectId: user };
      const adapter = new TestAdapter(async () => {});
      await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
      return adapter.activeQueue.splice(0)[0] as Partial<Activity>;
    };
    const reply = await say(LEADER_C, 'rapport');
    const card = reply.attachments?.[0]?.content as Record<string, unknown>;
    expectValidCard(card);
    expect(JSON.stringify(card)).toContain('Halvårsrapport høsten 2020: Lilleeng barnehage');
    expect((await say(MEMBER, 'rapport')).text).toBe(
      'Du står ikke som leder for noen enhet. Hvem som har levert, ser du under «Rapporter» i Planpuls-fanen.',
    );
  });

  it('saves a draft and keeps it as version 1', async () => {
    const { text } = await invoke(
      LEADER_A,
      form('rapport-lagre', 'leknes-skole', 0, { kartlegging: 'Påbegynt' }),
    );
    expect(text).toContain('Utkastet er lagret (versjon 1).');
    expect(await stored()).toMatchObject({ status: 'utkast', version: 1, savedBy: LEADER_A });
  });

  it('refuses a submit with missing fields or too long text, in Norwegian, and stores nothing', async () => {
    const missing = await invoke(
      LEADER_A,
      form('rapport-send', 'leknes-skole', 1, { ...complete, analyse: '' }),
    );
    expect(missing.text).toContain('Ikke lagret: «Analyse» må fylles ut.');
    const long = await invoke(
      LEADER_A,
      form('rapport-lagre', 'leknes-skole', 1, { kartlegging: 'x'.repeat(2001) }),
    );
    expect(long.text).toContain('«Kartlegging» er for lang (2001 tegn, høyst 2000).');
    expect((await stored())?.version).toBe(1);
    expect(await app.reports.reports.history('2020-H2', 'leknes-skole')).toHaveLength(1);
  });

  it('when two leaders save at once, the later gets a clear message and nothing is overwritten', async () => {
    const [a, b] = await Promise.all([
      invoke(LEADER_A, form('rapport-lagre', 'leknes-skole', 1, { kartlegging: 'Fra A' })),
      invoke(LEADER_B, form('rapport-lagre', 'leknes-skole', 1, { kartlegging: 'Fra B' })),
    ]);
    const won = [a, b].filter((r) => r.text.includes('Utkastet er lagret (versjon 2).'));
    const lost = [a, b].filter((r) =>
      r.text.includes('etter at du åpnet den. Dine endringer er ikke lagret'),
    );
    expect([won.length, lost.length]).toEqual([1, 1]);
    const report = await stored();
    expect(report?.version).toBe(2);
    expect(report?.content.kartlegging).toBe(won[0] === a ? 'Fra A' : 'Fra B');
    expect(await app.reports.reports.history('2020-H2', 'leknes-skole')).toHaveLength(2);
    // A stale card (version 1) is refused later too.
    const stale = await invoke(LEADER_A, form('rapport-lagre', 'leknes-skole', 1, { kartlegging: 'Gammel' }));
    expect(stale.text).toContain('Dine endringer er ikke lagret');
    expect((await stored())?.version).toBe(2);
  });

  it('refuses a forged unit id whatever the card says, and stores nothing', async () => {
    const forged = await invoke(LEADER_C, form('rapport-send', 'leknes-skole', 2));
    expect(forged.text).toContain('Du er ikke leder for denne enheten');
    const member = await invoke(MEMBER, form('rapport-lagre', 'leknes-skole', 2));
    expect(member.text).toContain('Du er ikke leder for denne enheten');
    const unknown = await invoke(LEADER_A, form('rapport-lagre', 'finnes-ikke', 0));
    expect(unknown.text).toContain('Fant ikke enheten');
    expect((await stored())?.version).toBe(2);
    expect(await app.reports.reports.get('2020-H2', 'finnes-ikke')).toBeUndefined();
  });

  it('answers an unknown verb in Norwegian and stores nothing', async () => {
    const { text } = await invoke(LEADER_A, form('rapport-slett', 'leknes-skole', 2));
    expect(text).toContain('Denne handlingen kjenner ikke Planpuls');
    expect((await stored())?.version).toBe(2);
  });

  it('pressing submit twice makes one report, and the posted cards become the read-only summary', async () => {
    const [first, second] = await Promise.all([
      invoke(LEADER_A, form('rapport-send', 'leknes-skole', 2)),
      invoke(LEADER_A, form('rapport-send', 'leknes-skole', 2)),
    ]);
    const third = await invoke(LEADER_A, form('rapport-send', 'leknes-skole', 2));
    for (const reply of [first, second, third]) {
      expect(reply.text).toContain('Sendt inn av Rektor A');
      expect(reply.text).toContain('rapport-endre');
      expect(reply.text).not.toContain('Input.Text');
    }
    expect(await stored()).toMatchObject({ status: 'sendt', version: 3, late: false });
    expect(await app.reports.reports.history('2020-H2', 'leknes-skole')).toHaveLength(3);
    // The posted request cards are revised by a due job, off the invoke, on the next tick.
    expect((await app.jobs.get('@rapport-revider/2020-H2:leknes-skole'))?.kind).toBe('rapport-revider');
    expect(await app.tick()).toBeGreaterThanOrEqual(1);
    expect(await app.jobs.get('@rapport-revider/2020-H2:leknes-skole')).toBeUndefined();
    for (const leader of [LEADER_A, LEADER_B]) {
      const message = await app.outbox.message(`rapport-2020-H2-leknes-skole-${leader}`);
      expect(message?.version).toBeGreaterThan(1);
      expect(JSON.stringify(message?.activity)).toContain('Sendt inn av Rektor A');
    }
  });

  it('shows «Endre» on the shared summary only to the unit’s leaders, through a user-specific refresh', async () => {
    const message = await app.outbox.message(`rapport-2020-H2-leknes-skole-${LEADER_A}`);
    const shared = (message?.activity.attachments as any[])[0].content;
    expectValidCard(shared);
    // Her personal chat is hers alone, so its card offers «Endre» itself; a channel's would not.
    expect(shared.actions.map((a: any) => a.verb)).toEqual(['rapport-endre']);
    expect(shared.refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'rapport-vis' });
    expect([...shared.refresh.userIds].sort()).toEqual([`29:${LEADER_A}`, `29:${LEADER_B}`]);

    // Teams refreshes the card for the leaders on its own (trigger «automatic») with its action data.
    const refresh = shared.refresh.action.data;
    const leader = await invoke(LEADER_B, refresh, 'automatic');
    expect(leader.text).toContain('Sendt inn av Rektor A');
    expect(leader.card.actions.map((a: any) => a.verb)).toEqual(['rapport-endre']);
    expect(leader.card.refresh.userIds).toHaveLength(2);
    // Anyone else whose client asks anyway gets the plain summary; «Endre» is refused on the server.
    for (const other of [MEMBER, LEADER_C]) {
      const plain = await invoke(other, refresh, 'automatic');
      expect(plain.text).toContain('Sendt inn av Rektor A');
      expect(plain.card.actions).toEqual([]);
      expect(plain.card.refresh).toBeUndefined();
      const edit = await invoke(other, {
        verb: 'rapport-endre',
        campaignId: '2020-H2',
        unitId: 'leknes-skole',
      });
      expect(edit.text).toContain('Du er ikke leder for denne enheten');
    }
  });

  it('lets another leader edit until the deadline, keeping every version', async () => {
    const opened = await invoke(LEADER_B, {
      verb: 'rapport-endre',
      campaignId: '2020-H2',
      unitId: 'leknes-skole',
    });
    expect(opened.text).toContain('Send inn endringer');
    expect(opened.text).toContain('Elevundersøkelsen');
    const refused = await invoke(
      LEADER_B,
      form('rapport-lagre', 'leknes-skole', 3, { ...complete, fritekst: 'x' }),
    );
    expect(refused.text).toContain('allerede sendt inn');
    const edited = await invoke(
      LEADER_B,
      // The first submit made the report the unit's local plan (version 1); the form says so.
      form(
        'rapport-send',
        'leknes-skole',
        3,
        { ...complete, handlingIds: ['h1', '', ''], fritekst: 'Tillegg' },
        1,
      ),
    );
    expect(edited.text).toContain('Sendt inn av Inspektør B');
    const history = await app.reports.reports.history('2020-H2', 'leknes-skole');
    expect(history.map((r) => [r.version, r.status, r.savedBy])).toEqual([
      [1, 'utkast', LEADER_A],
      [2, 'utkast', history[1]!.savedBy],
      [3, 'sendt', LEADER_A],
      [4, 'sendt', LEADER_B],
    ]);
  });

  it('reminds only units that have not submitted, 7 and 1 days before the deadline', async () => {
    const campaign = (await app.reports.campaigns.get('2020-H2'))!;
    expect(await sendReportReminders(app.reports, campaign, new Date('2020-12-06T09:00:00Z'))).toBe(0);
    expect(await sendReportReminders(app.reports, campaign, new Date('2020-12-08T09:00:00Z'))).toBe(1);
    expect(await app.outbox.message('rapport-paminnelse-2020-H2-lilleeng-barnehage-7')).toBeDefined();
    expect(await app.outbox.message('rapport-paminnelse-2020-H2-leknes-skole-7')).toBeUndefined();
    // Again the same day: nothing new.
    expect(await sendReportReminders(app.reports, campaign, new Date('2020-12-08T15:00:00Z'))).toBe(0);
    // After downtime, the job for the 1-day reminder still reminds on the deadline day itself.
    expect(await sendReportReminders(app.reports, campaign, new Date('2020-12-15T09:00:00Z'), 1)).toBe(1);
    expect(await sendReportReminders(app.reports, campaign, new Date('2020-12-16T09:00:00Z'), 1)).toBe(0);
    // The due job does the same on the day before, through the scheduler's tick.
    at('2020-12-14T07:00:30Z');
    expect(await app.tick()).toBeGreaterThanOrEqual(1);
    const reminder = await app.outbox.message('rapport-paminnelse-2020-H2-lilleeng-barnehage-1');
    expect(reminder?.activity.text).toContain('Fristen er tirsdag 15. desember 2020 (i morgen)');
    expectValidCard((reminder?.activity.attachments as any[])[0].content);
  });

  it('after the deadline sends the admins one card listing the units still missing', async () => {
    const campaign = (await app.reports.campaigns.get('2020-H2'))!;
    expect((await escalateMissing(app.reports, campaign, new Date('2020-12-15T20:00:00Z'))).sent).toBe(0);
    const { missing, sent } = await escalateMissing(app.reports, campaign, new Date('2020-12-16T08:00:00Z'));
    expect(missing.map((u) => u.id).sort()).toEqual(['ballstad-skole', 'lilleeng-barnehage']);
    expect(sent).toBe(1);
    const message = await app.outbox.message('rapport-mangler-2020-H2');
    const card = (message?.activity.attachments as any[])[0].content;
    expectValidCard(card);
    expect(JSON.stringify(card)).toContain('2 av 3 enheter har ikke sendt inn.');
    expect(JSON.stringify(card)).toContain('Ballstad skole');
    // Unit types by their Norwegian names, and the campaign by its half-year in words.
    expect(card.body[0].text).toBe('Halvårsrapport høsten 2020: enheter som ikke har rapportert');
    expect(card.body[2].facts).toEqual([
      { title: 'Lilleeng barnehage', value: 'Barnehage' },
      { title: 'Ballstad skole', value: 'Skole' },
    ]);
    expect((await app.outbox.deliveries('rapport-mangler-2020-H2')).map((d) => d.conversationId)).toEqual([
      `a:chat-${ADMIN}`,
    ]);
  });

  it('takes a late submit, marked late, and refuses edits of submitted reports after the deadline', async () => {
    at('2020-12-16T10:00:00Z');
    const late = await invoke(LEADER_C, form('rapport-send', 'lilleeng-barnehage', 0));
    expect(late.text).toContain('(etter fristen)');
    expect(await app.reports.reports.get('2020-H2', 'lilleeng-barnehage')).toMatchObject({
      status: 'sendt',
      late: true,
    });
    const edit = await invoke(
      LEADER_A,
      form('rapport-send', 'leknes-skole', 4, { ...complete, fritekst: 'For sent' }),
    );
    expect(edit.text).toContain('Fristen var tirsdag 15. desember 2020');
    expect((await stored())?.version).toBe(4);
  });

  it('collects other requests to unit leaders with the same guarantees', async () => {
    const response = await call(ADMIN, '/api/reports/campaigns', 'POST', {
      id: 'sporreundersokelse-2020',
      title: 'Administrator for spørreundersøkelsen',
      deadline: '2020-12-31',
      questions: [
        { text: 'Hvem er administrator for spørreundersøkelsen?' },
        { text: 'Merknad', required: false },
      ],
    });
    expect(response.status).toBe(201);
    const card = (
      (await app.outbox.message(`rapport-sporreundersokelse-2020-leknes-skole-${LEADER_A}`))?.activity
        .attachments as any[]
    )[0].content;
    expectValidCard(card);
    expect(JSON.stringify(card)).toContain('"id":"svar_q1"');
    const data = { campaignId: 'sporreundersokelse-2020', unitId: 'leknes-skole', version: 0 };
    const empty = await invoke(LEADER_A, { verb: 'rapport-send', ...data, svar_q1: '' });
    expect(empty.text).toContain('«Hvem er administrator for spørreundersøkelsen?» må fylles ut.');
    const sent = await invoke(LEADER_A, { verb: 'rapport-send', ...data, svar_q1: '=HYPERLINK("x")' });
    expect(sent.text).toContain('Sendt inn av Rektor A');
  });

  it('gives the overview: response rate per type, statuses, signs aggregated with their trend', async () => {
    const response = await call(ADMIN, '/api/reports/overview');
    expect(response.status).toBe(200);
    const overview = (await response.json()) as any;
    const h2 = overview.campaigns.find((c: any) => c.id === '2020-H2');
    expect(h2.responseRate).toEqual({ submitted: 2, expected: 3, rate: 0.667 });
    expect(h2.byType).toEqual({
      skole: { submitted: 1, expected: 2, rate: 0.5 },
      barnehage: { submitted: 1, expected: 1, rate: 1 },
    });
    expect(h2.signs.find((s: any) => s.signId === 'laering-01')).toMatchObject({ ja: 0, delvis: 2, nei: 0 });
    expect(h2.signs.find((s: any) => s.signId === 'ledelse-01')).toMatchObject({ ja: 1, delvis: 0, nei: 0 });
    expect(overview.trend.find((t: any) => t.signId === 'laering-02').periods).toEqual([
      { campaignId: '2020-H2', ja: 0, delvis: 0, nei: 2 },
    ]);
    const request = overview.campaigns.find((c: any) => c.id === 'sporreundersokelse-2020');
    expect(request.answers[0]).toMatchObject({ unitId: 'leknes-skole', answer: '=HYPERLINK("x")' });

    const history = await call(LEADER_A, '/api/reports/2020-H2/units/leknes-skole');
    expect(((await history.json()) as any).history).toHaveLength(4);
    // Coordinators see submitted versions, not the unit's drafts.
    const coordinator = (await (
      await call(COORDINATOR, '/api/reports/2020-H2/units/leknes-skole')
    ).json()) as any;
    expect(coordinator.history.map((r: any) => r.version)).toEqual([3, 4]);
    const own = (await (await call(LEADER_C, '/api/reports/overview')).json()) as any;
    expect(own.campaigns[0].units.map((u: any) => u.unitId)).toEqual(['lilleeng-barnehage']);
    expect((await call(LEADER_C, '/api/reports/2020-H2/units/leknes-skole')).status).toBe(403);
    expect((await call(MEMBER, '/api/reports/overview')).status).toBe(403);
  });

  it('exports CSV with a BOM and neutralised formulas, and JSON', async () => {
    const response = await call(ADMIN, '/api/reports/export');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv).toContain('2020-H2,lilleeng-barnehage,Lilleeng barnehage,barnehage,sendt,ja,1,');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const json = await call(ADMIN, '/api/reports/export?format=json');
    expect(((await json.json()) as any).campaigns).toHaveLength(2);
  });

  it('names the CSV columns in the language the tab asks in', async () => {
    const csvIn = async (language: string) =>
      (
        await fetch(`${url}/api/reports/export`, {
          headers: { [DEV_USER_HEADER]: ADMIN, 'accept-language': language },
        })
      ).text();
    expect((await csvIn('en')).split('\r\n')[0]).toBe(
      'period,unit,name,type,status,after deadline,version,submitted',
    );
    expect(await csvIn('en')).toContain(
      '2020-H2,lilleeng-barnehage,Lilleeng barnehage,barnehage,sendt,yes,1,',
    );
    expect((await csvIn('nb')).split('\r\n')[0]).toBe(
      'runde,enhet,navn,type,status,etter frist,versjon,sendt inn',
    );
  });

  it('exports one campaign for Excel: semicolons, names, words and Oslo times, named after it', async () => {
    const response = await call(ADMIN, '/api/reports/export?campaign=2020-H2');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="planpuls-rapporter-2020-H2.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = csv.slice(1).split('\r\n');
    // Lilleeng's report came in on 16 December at 10:00 UTC: 11:00 on the Oslo clock. Ballstad
    // skole has no leader, so no request reached it: not asked, not «not started».
    expect(lines.slice(0, 4)).toEqual([
      'Enhet;Type;Status;Etter fristen;Versjon;Sist lagret;Lagret av;Sendt inn;Enhet-id',
      'Leknes skole;Skole;Sendt inn;Nei;4;2020-12-01 09:00;Inspektør B;2020-12-01 09:00;leknes-skole',
      'Lilleeng barnehage;Barnehage;Sendt inn;Ja;1;2020-12-16 11:00;Styrer C;2020-12-16 11:00;lilleeng-barnehage',
      'Ballstad skole;Skole;Ikke spurt;Nei;;;;;ballstad-skole',
    ]);
    expect(lines).toContain('Alle barn blir sett hver dag.;Læringsmiljø;0;2;0;laering-01');
    // One campaign: nothing of the other request in this file.
    expect(csv).not.toContain('sporreundersokelse');
    expect(csv).not.toContain('\n2020-H2');

    const request = await (await call(ADMIN, '/api/reports/export?campaign=sporreundersokelse-2020')).text();
    expect(request).toContain(`Leknes skole;`);
    expect(request).toContain(`"'=HYPERLINK(""x"")"`);
    expect(request).not.toMatch(/[;,]=HYPERLINK/);

    const english = await (
      await fetch(`${url}/api/reports/export?campaign=2020-H2`, {
        headers: { [DEV_USER_HEADER]: ADMIN, 'accept-language': 'en' },
      })
    ).text();
    expect(english).toContain(
      'Unit;Type;Status;After deadline;Version;Last saved;Saved by;Submitted;Unit id',
    );
    expect(english).toContain('Lilleeng barnehage;Kindergarten;Submitted;Yes;1;2020-12-16 11:00;Styrer C;');
    expect(english).toContain('Ballstad skole;School;Not asked;No;');

    // A leader gets her own unit's row; an unknown campaign is not found.
    const own = await (await call(LEADER_C, '/api/reports/export?campaign=2020-H2')).text();
    expect(own.split('\r\n').filter((l) => l.endsWith('-barnehage') || l.endsWith('-skole'))).toEqual([
      'Lilleeng barnehage;Barnehage;Sendt inn;Ja;1;2020-12-16 11:00;Styrer C;2020-12-16 11:00;lilleeng-barnehage',
    ]);
    expect((await call(ADMIN, '/api/reports/export?campaign=2019-H1')).status).toBe(404);
  });
});
