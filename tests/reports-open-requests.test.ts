import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { ADMIN, appWithPlan, MEMBER, restartedApp } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';
import { planFixture, planYaml } from './support/plan-fixture.js';
import { freshTables } from './support/storage.js';

// The fixture plan's autumn campaign 2020-H2 opens Tuesday 1 December 2020 and is due Tuesday 15 December.
const RITA = '00000000-0000-0000-0000-0000000000e1'; // leads Leknes skole, has a personal chat
const STYRER = '00000000-0000-0000-0000-0000000000e2'; // leads Lilleeng barnehage, no chat, no channel
const CHANNEL = '19:gravdal@thread.tacv2'; // Gravdal skole's channel; the school has no leader on record

const running: App[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

function reference(id: string, conversationType: string, user?: string) {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id, conversationType },
    bot: { id: '28:planpuls' },
    ...(user ? { user: { id: `29:${user}`, aadObjectId: user } } : {}),
  };
}

/** The fixture plan with more units, Rita with a personal chat, Styrer without, Gravdal's channel linked. */
async function municipality(now: string, tables = freshTables().tables): Promise<App> {
  const clock = { now: () => new Date(now) };
  const app = await appWithPlan(clock, tables);
  running.push(app);
  const plan = planFixture();
  const unit = (id: string, name: string, type: 'skole' | 'barnehage' | 'ppt') => ({
    id,
    name,
    type,
    owner: 'kommunal' as const,
    municipality: 'Vestvågøy',
  });
  plan.units.push(
    unit('lilleeng-barnehage', 'Lilleeng barnehage', 'barnehage'),
    unit('gravdal-skole', 'Gravdal skole', 'skole'),
    unit('ppt', 'PPT', 'ppt'),
  );
  await importPlan({ plans: app.plans, clock }, planYaml(plan));
  const leader = (aadObjectId: string, name: string, leads: string[]) =>
    app.people.save({ aadObjectId, name, roles: ['enhetsleder'], leads, networks: [], coordinates: [] });
  await leader(RITA, 'Rita Rektor', ['leknes-skole']);
  await leader(STYRER, 'Siri Styrer', ['lilleeng-barnehage']);
  await app.registry.record({
    conversationId: `a:chat-${RITA}`,
    kind: 'personal',
    userAadObjectId: RITA,
    reference: reference(`a:chat-${RITA}`, 'personal', RITA),
  });
  await app.registry.record({
    conversationId: CHANNEL,
    kind: 'channel',
    teamId: '19:gravdal-team@thread.tacv2',
    reference: reference(CHANNEL, 'channel'),
  });
  await app.links.add({
    target: { kind: 'unit', id: 'gravdal-skole' },
    conversationId: CHANNEL,
    linkedBy: ADMIN,
    linkedAt: '',
  });
  return app;
}

function activityFrom(user: string, payload: string) {
  const activity = JSON.parse(readFileSync(new URL(`./payloads/${payload}`, import.meta.url), 'utf8'));
  activity.from = { id: `29:${user}`, name: 'Leder', aadObjectId: user };
  return activity;
}

/** A typed message in the person's personal chat, through the whole bot. */
async function say(app: App, user: string, text: string): Promise<Partial<Activity>> {
  const activity = activityFrom(user, 'personal-message.json');
  activity.text = text;
  const adapter = new TestAdapter(async () => {});
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  return adapter.activeQueue.splice(0)[0] as Partial<Activity>;
}

/** A real `adaptiveCard/action` invoke from a personal chat; answers the card that replaces the pressed one. */
async function press(app: App, user: string, data: Record<string, unknown>): Promise<any> {
  const activity = activityFrom(user, 'card-action-invoke.json');
  activity.conversation = {
    conversationType: 'personal',
    tenantId: activity.conversation.tenantId,
    id: `a:chat-${user}`,
  };
  delete activity.channelData.channel;
  delete activity.channelData.team;
  activity.value = { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' };
  const adapter = new TestAdapter(async () => {});
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  const response = adapter.activeQueue.splice(0).find((a) => a.type === 'invokeResponse');
  const body = (response?.value as { body: Record<string, any> }).body;
  expect(body.statusCode).toBe(200);
  return body.value;
}

/** What a person reads on a card: its texts and button titles, in order. */
function readable(card: any): string[] {
  const out: string[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock') out.push(node.text);
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) out.push(`[${node.title}]`);
    for (const key of ['body', 'items', 'actions', 'columns']) if (node[key]) walk(node[key]);
  };
  walk(card);
  return out;
}

async function openCampaign(url: string, body: Record<string, unknown>) {
  const response = await fetch(`${url}/api/reports/campaigns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Record<string, any>;
}

describe('a server started inside a half-year campaign’s window', () => {
  it('opens the autumn campaign at its first tick when first started on 3 December with empty storage, once across two instances', async () => {
    const { tables } = freshTables();
    const first = await municipality('2020-12-03T09:00:00Z', tables);
    const second = restartedApp({ now: () => new Date('2020-12-03T09:00:00Z') }, tables);
    running.push(second);
    expect(await first.reports.campaigns.get('2020-H2')).toBeUndefined();

    await Promise.all([first.tick(), second.tick()]);

    const campaign = await first.reports.campaigns.get('2020-H2');
    expect(campaign).toMatchObject({ opens: '2020-12-01', deadline: '2020-12-15', kind: 'halvår' });
    expect(campaign?.title).toBe('Halvårsrapport høsten 2020');
    // Rita's card is queued in her personal chat, once; Gravdal's channel gets its card.
    expect((await first.outbox.deliveries(`rapport-2020-H2-leknes-skole-${RITA}`)).length).toBe(1);
    expect((await first.outbox.deliveries('rapport-2020-H2-gravdal-skole-kanal')).length).toBe(1);
    const card = (
      (await first.outbox.message(`rapport-2020-H2-leknes-skole-${RITA}`))?.activity.attachments as {
        content: any;
      }[]
    )[0]!.content;
    expect(checkCard(card).problems).toEqual([]);
    expect(readable(card)[0]).toBe('Halvårsrapport høsten 2020: Leknes skole');
    // The reminder a week before (8 December) is still ahead; the spring opening comes next.
    expect(await first.jobs.get('rapport-paminnelse:2020-H2:7')).toBeDefined();
    expect((await first.jobs.get('rapport-apne:2021-H1'))?.dueAt.toISOString()).toBe(
      '2021-06-01T06:00:00.000Z',
    );

    // More ticks, and a third instance starting later in the window, open nothing again.
    const later = restartedApp({ now: () => new Date('2020-12-10T09:00:00Z') }, tables);
    running.push(later);
    await first.tick();
    await later.tick();
    expect(await first.jobs.get('rapport-apne:2020-H2')).toBeUndefined();
    expect((await first.outbox.deliveries(`rapport-2020-H2-leknes-skole-${RITA}`)).length).toBe(1);
    expect((await first.reports.campaigns.list()).map((c) => c.id)).toEqual(['2020-H2']);
  });

  it('started on 10 December opens it without the reminder of the 8th, which would arrive with the request itself', async () => {
    const app = await municipality('2020-12-10T09:00:00Z');
    await app.tick();
    expect((await app.reports.campaigns.get('2020-H2'))?.deadline).toBe('2020-12-15');
    expect(await app.jobs.get('rapport-paminnelse:2020-H2:7')).toBeUndefined();
    expect((await app.jobs.get('rapport-paminnelse:2020-H2:1'))?.dueAt.toISOString()).toBe(
      '2020-12-14T07:00:00.000Z',
    );
    await app.tick();
    expect(await app.outbox.message('rapport-paminnelse-2020-H2-leknes-skole-7')).toBeUndefined();
  });

  it('does not open a campaign whose deadline has passed, even by its own job left from before a long stop, and schedules the next opening instead', async () => {
    const app = await municipality('2020-12-20T09:00:00Z');
    // The opening job of 1 December, still pending: the server was down all through the window.
    await app.jobs.schedule({
      id: 'rapport-apne:2020-H2',
      kind: 'rapport-apne',
      dueAt: new Date('2020-12-01T07:00:00Z'),
      payload: { period: '2020-H2' },
    });
    expect(await app.tick()).toBe(1);
    expect(await app.reports.campaigns.list()).toEqual([]);
    expect(await app.jobs.get('rapport-apne:2021-H1')).toBeDefined();
  });
});

describe('opening a campaign says who it cannot reach', () => {
  it('answers, in Norwegian and by unit name, each unit no leader of which the request reached, and why', async () => {
    const app = await municipality('2020-12-01T09:00:00Z');
    const url = await app.listen();
    const answer = await openCampaign(url, { id: '2020-H2' });
    expect(answer.sent).toBe(2);
    expect(answer.reached).toBe(1);
    expect(answer.total).toBe(4);
    expect(answer.unreachable).toEqual([
      {
        unitId: 'lilleeng-barnehage',
        name: 'Lilleeng barnehage',
        reason:
          'Siri Styrer har ikke brukt Planpuls i Teams (ingen personlig chat), og enheten har ingen koblet kanal',
      },
      {
        unitId: 'gravdal-skole',
        name: 'Gravdal skole',
        reason: 'ingen leder registrert (forespørselen er lagt i enhetens kanal)',
      },
      { unitId: 'ppt', name: 'PPT', reason: 'ingen leder registrert, og enheten har ingen koblet kanal' },
    ]);
    expect(answer.message).toBe(
      [
        'Forespørselen nådde 1 av 4 enheter. 3 enheter kan ikke nås:',
        'Lilleeng barnehage: Siri Styrer har ikke brukt Planpuls i Teams (ingen personlig chat), og enheten har ingen koblet kanal.',
        'Gravdal skole: ingen leder registrert (forespørselen er lagt i enhetens kanal).',
        'PPT: ingen leder registrert, og enheten har ingen koblet kanal.',
      ].join('\n'),
    );
    // The overview the tab shows carries the same, by unit name.
    const overview = (await (
      await fetch(`${url}/api/reports/overview`, { headers: { [DEV_USER_HEADER]: ADMIN } })
    ).json()) as any;
    expect(overview.campaigns[0].title).toBe('Halvårsrapport høsten 2020');
    expect(overview.campaigns[0].unreached.map((u: any) => [u.name, u.reason])).toEqual([
      ['Lilleeng barnehage', 'no-chat'],
      ['Gravdal skole', 'no-leader-channel'],
      ['PPT', 'no-leader'],
    ]);
  });
});

describe('`rapport` with more than one open request', () => {
  it('lists each open request by title, unit and deadline in words, and a press opens that request’s form for that unit', async () => {
    const app = await municipality('2020-12-03T09:00:00Z');
    const url = await app.listen();
    await openCampaign(url, { id: '2020-H2' });
    await openCampaign(url, {
      id: 'sporreundersokelse-2020',
      title: 'Administrator for spørreundersøkelsen',
      deadline: '2020-12-31',
      questions: [{ text: 'Hvem er administrator for spørreundersøkelsen?' }],
    });

    const reply = await say(app, RITA, 'rapport');
    expect(reply.attachments).toHaveLength(1);
    const list = reply.attachments![0]!.content as any;
    expect(checkCard(list).problems).toEqual([]);
    expect(readable(list)).toEqual([
      'Åpne rapporter og forespørsler',
      '2 rapporter og forespørsler er åpne for enhetene du leder. Velg den du vil åpne.',
      'Halvårsrapport høsten 2020',
      'Leknes skole',
      'Frist tirsdag 15. desember 2020 · Ikke påbegynt',
      '[Åpne skjemaet]',
      'Administrator for spørreundersøkelsen',
      'Leknes skole',
      'Frist torsdag 31. desember 2020 · Ikke påbegynt',
      '[Åpne skjemaet]',
    ]);

    // Each button opens its own request: the half-year form, then the other request's form.
    const buttons = JSON.stringify(list).match(/"data":\{"verb":"rapport-velg"[^}]*\}/g)!;
    const dataOf = (i: number) => JSON.parse(buttons[i]!.slice('"data":'.length));
    const halfYear = await press(app, RITA, dataOf(0));
    expect(checkCard(halfYear).problems).toEqual([]);
    expect(readable(halfYear)[0]).toBe('Halvårsrapport høsten 2020: Leknes skole');
    expect(JSON.stringify(halfYear)).toContain('"id":"kartlegging"');
    const other = await press(app, RITA, dataOf(buttons.length - 1));
    expect(readable(other)[0]).toBe('Administrator for spørreundersøkelsen: Leknes skole');
    expect(JSON.stringify(other)).toContain('"id":"svar_q1"');

    // Once answered, the list says so and offers the report to read.
    const answered = await press(app, RITA, {
      verb: 'rapport-send',
      campaignId: 'sporreundersokelse-2020',
      unitId: 'leknes-skole',
      version: 0,
      svar_q1: 'Rita Rektor',
    });
    expect(JSON.stringify(answered)).toContain('Sendt inn av Rita Rektor');
    const again = readable((await say(app, RITA, 'rapport')).attachments![0]!.content);
    expect(again.slice(6)).toEqual([
      'Administrator for spørreundersøkelsen',
      'Leknes skole',
      'Frist torsdag 31. desember 2020 · Sendt inn',
      '[Se rapporten]',
    ]);

    // Whatever the card data says, only the unit's leaders get its form.
    const forged = await press(app, STYRER, dataOf(0));
    expect(JSON.stringify(forged)).toContain('Du er ikke leder for denne enheten');
    expect((await say(app, MEMBER, 'rapport')).text).toBe(
      'Du står ikke som leder for noen enhet. Hvem som har levert, ser du under «Rapporter» i Planpuls-fanen.',
    );
  });

  it('with exactly one open request opens its form at once, as before', async () => {
    const app = await municipality('2020-12-03T09:00:00Z');
    const url = await app.listen();
    await openCampaign(url, { id: '2020-H2' });
    const reply = await say(app, RITA, 'rapport');
    expect(reply.attachments).toHaveLength(1);
    expect(readable(reply.attachments![0]!.content)[0]).toBe('Halvårsrapport høsten 2020: Leknes skole');
  });
});

describe('a leader who first opens Planpuls while a campaign is open', () => {
  it('gets the request of her unit in her new personal chat at once, and the unit no longer counts as unreached', async () => {
    const app = await municipality('2020-12-03T09:00:00Z');
    await app.tick();
    const before = await app.reports.campaigns.get('2020-H2');
    expect(before?.unreached?.map((u) => u.unitId)).toContain('lilleeng-barnehage');

    // Teams' installationUpdate when she adds the app for herself.
    const install = activityFrom(STYRER, 'team-install.json');
    install.conversation = {
      conversationType: 'personal',
      tenantId: install.conversation.tenantId,
      id: 'a:siri',
    };
    install.channelData = { tenant: { id: install.conversation.tenantId } };
    const adapter = new TestAdapter(async () => {});
    await adapter.processActivity(install as Partial<Activity>, (context) => app.bot.run(context));

    const id = `rapport-2020-H2-lilleeng-barnehage-${STYRER}`;
    expect((await app.outbox.deliveries(id)).map((d) => d.conversationId)).toEqual(['a:siri']);
    const after = await app.reports.campaigns.get('2020-H2');
    expect(after?.unreached?.map((u) => u.unitId)).not.toContain('lilleeng-barnehage');
    expect(after?.requests['lilleeng-barnehage']).toEqual([id]);

    // The second event of the same install queues nothing more.
    await new TestAdapter(async () => {}).processActivity(install as Partial<Activity>, (context) =>
      app.bot.run(context),
    );
    expect((await app.outbox.deliveries(id)).length).toBe(1);
  });
});
