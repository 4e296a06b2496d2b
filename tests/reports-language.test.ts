import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { escalateMissing, sendReportReminders } from '../bot/use-cases/reports/reminders.js';
import { ADMIN, appWithPlan } from './support/app.js';
import { planFixture, planYaml } from './support/plan-fixture.js';

// Campaign 2020-H2 of the fixture plan: opens 1 December 2020, due 15 December.
const time = { now: new Date('2020-12-01T08:00:00Z') };
const clock = { now: () => time.now };

const NORSK = '00000000-0000-0000-0000-00000000002a';
const ENGLISH = '00000000-0000-0000-0000-00000000002b';
const ENGLISH_NO_CHAT = '00000000-0000-0000-0000-00000000002c';
const CHANNEL = '19:lilleeng-language@thread.tacv2';
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

const personalChat = (user: string) =>
  app.registry.record({
    conversationId: `a:chat-${user}`,
    kind: 'personal',
    userAadObjectId: user,
    reference: reference(`a:chat-${user}`, 'personal', user),
  });

/** The text a person reads in a posted message: its text and its card's. */
async function posted(id: string): Promise<string> {
  const message = await app.outbox.message(id);
  expect(message, id).toBeDefined();
  return JSON.stringify(message!.activity);
}

beforeAll(async () => {
  app = await appWithPlan(clock);
  const plan = planFixture();
  plan.units.push({
    id: 'lilleeng-barnehage',
    name: 'Lilleeng barnehage',
    type: 'barnehage',
    owner: 'kommunal',
    municipality: 'Vestvågøy',
  });
  await importPlan({ plans: app.plans, clock }, planYaml(plan));
  const leader = (aadObjectId: string, name: string, leads: string[]) =>
    app.people.save({ aadObjectId, name, roles: ['enhetsleder'], leads, networks: [], coordinates: [] });
  await leader(NORSK, 'Rektor Norsk', ['leknes-skole']);
  await leader(ENGLISH, 'Inspector English', ['leknes-skole']);
  await leader(ENGLISH_NO_CHAT, 'Manager English', ['lilleeng-barnehage']);
  await app.languages.set(ENGLISH, 'en');
  await app.languages.set(ENGLISH_NO_CHAT, 'en');
  await app.languages.set(ADMIN, 'en');
  await personalChat(NORSK);
  await personalChat(ENGLISH);
  await personalChat(ADMIN);
  // The kindergarten's English-speaking leader has no chat: its channel, read by all, is asked.
  await app.registry.record({
    conversationId: CHANNEL,
    kind: 'channel',
    teamId: '19:lilleeng-language-team@thread.tacv2',
    reference: reference(CHANNEL, 'channel'),
  });
  await app.links.add({
    target: { kind: 'unit', id: 'lilleeng-barnehage' },
    conversationId: CHANNEL,
    linkedBy: ADMIN,
    linkedAt: '',
  });
  url = await app.listen();
  const response = await fetch(`${url}/api/reports/campaigns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
    body: JSON.stringify({ id: '2020-H2' }),
  });
  expect(response.status).toBe(201);
});
afterAll(async () => app.close());

describe('cards posted in a personal chat speak the language its person chose', () => {
  it('sends the request in English to the leader who chose English, in Norwegian to the other and to the channel', async () => {
    const english = await posted(`rapport-2020-H2-leknes-skole-${ENGLISH}`);
    expect(english).toContain('Fill in the report and submit it by');
    expect(english).not.toContain('Fyll ut rapporten');
    const norsk = await posted(`rapport-2020-H2-leknes-skole-${NORSK}`);
    expect(norsk).toContain('Fyll ut rapporten og send den inn innen');
    const channel = await posted('rapport-2020-H2-lilleeng-barnehage-kanal');
    expect(channel).toContain('rapporten for Lilleeng barnehage venter på dere');
  });

  it('reminds each leader in her language, once per language, and the channel in Norwegian', async () => {
    time.now = new Date('2020-12-08T08:00:00Z');
    const sent = await sendReportReminders(app.reports, (await app.reports.campaigns.get('2020-H2'))!, time.now);
    expect(sent).toBe(3);
    expect(await posted('rapport-paminnelse-2020-H2-leknes-skole-7')).toContain('Påminnelse: rapporten for Leknes skole');
    expect(
      (await app.outbox.deliveries('rapport-paminnelse-2020-H2-leknes-skole-7')).map((d) => d.conversationId),
    ).toEqual([`a:chat-${NORSK}`]);
    expect(await posted('rapport-paminnelse-2020-H2-leknes-skole-7-en')).toContain(
      'Reminder: the report for Leknes skole',
    );
    expect(
      (await app.outbox.deliveries('rapport-paminnelse-2020-H2-leknes-skole-7-en')).map((d) => d.conversationId),
    ).toEqual([`a:chat-${ENGLISH}`]);
    expect(await posted('rapport-paminnelse-2020-H2-lilleeng-barnehage-7')).toContain('Påminnelse');
    // A second run the same day sends nothing.
    expect(await sendReportReminders(app.reports, (await app.reports.campaigns.get('2020-H2'))!, time.now)).toBe(0);
  });

  it('revises the English leader’s own card in English when her colleague submits in the tab', async () => {
    time.now = new Date('2020-12-09T08:00:00Z');
    const form = '/api/reports/2020-H2/units/leknes-skole/form';
    const empty = await (await fetch(`${url}${form}`, { headers: { [DEV_USER_HEADER]: NORSK } })).json();
    const signs = Object.fromEntries(
      (empty.signs as { signs: { id: string }[] }[]).flatMap((p) => p.signs.map((s) => [s.id, { answer: 'ja' }])),
    );
    const response = await fetch(`${url}/api/reports/2020-H2/units/leknes-skole/form`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: NORSK },
      body: JSON.stringify({
        action: 'submit',
        version: 0,
        planVersion: 0,
        kartlegging: 'Elevundersøkelsen.',
        analyse: 'Mobbing skjer mest i friminuttene.',
        mal: 'Alle elever opplever et trygt skolemiljø.',
        actions: [{ id: '', text: 'Flere voksne ute.', deadline: '2021-03-01', status: 'pågår' }],
        signs,
        tidsressurser: 'To timer i uka.',
        fritekst: '',
      }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    await app.tick();
    const english = await posted(`rapport-2020-H2-leknes-skole-${ENGLISH}`);
    expect(english).toContain('Submitted');
    expect(english).not.toContain('Sendt inn');
    expect(await posted(`rapport-2020-H2-leknes-skole-${NORSK}`)).toContain('Sendt inn');
  });

  it('sends the kommunalsjef who chose English the list of missing units in English', async () => {
    const { sent } = await escalateMissing(
      app.reports,
      (await app.reports.campaigns.get('2020-H2'))!,
      new Date('2020-12-16T08:00:00Z'),
    );
    expect(sent).toBe(1);
    expect(await posted('rapport-mangler-2020-H2-en')).toContain('units that have not reported');
    expect(await app.outbox.message('rapport-mangler-2020-H2')).toBeUndefined();
  });
});
