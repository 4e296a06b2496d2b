import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { digestWeekOf } from '../bot/domain/digest/digest-week.js';
import { sendWeeklyDigest } from '../bot/use-cases/digest/send-digest.js';
import { sendReportReminders } from '../bot/use-cases/reports/reminders.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { checkCard } from './support/adaptive-card.js';
import { planFixture, planYaml } from './support/plan-fixture.js';
import { MEMBER, restartedApp } from './support/app.js';
import {
  KULG_CHANNEL as CHANNEL,
  MEMBER_CHAT as PERSONAL,
  pressCard,
  reminderWorld,
} from './support/reminder-world.js';

let connector: LocalConnector;
beforeEach(async () => {
  connector = await startLocalConnector();
});
afterEach(() => connector.close());

/** Sunday 3 May 2020: the fixture's KULG meeting is Thursday 14 May (week 20), with a reading. */
const SUNDAY = '2020-05-03T12:00:00Z';
/** Monday 4 May 2020, 07:30:30 in Oslo (summer time, UTC+2). */
const MONDAY_0730 = '2020-05-04T05:30:30Z';

const world = () => reminderWorld(connector.url, SUNDAY, undefined, { digest: true });

function digestsIn(conversationId: string): Record<string, any>[] {
  return (connector.received.get(conversationId) ?? [])
    .map((r) => r.activity)
    .filter((a) => JSON.stringify(a).includes('Ukesoversikt') || JSON.stringify(a).includes('Weekly digest'));
}

function texts(activity: Record<string, any>): string {
  const out: string[] = [];
  const walk = (node: unknown, key = '') => {
    if (typeof node === 'string' && ['text', 'title'].includes(key)) out.push(node);
    else if (Array.isArray(node)) node.forEach((n) => walk(n));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) if (k !== 'data' && k !== 'fallback') walk(v, k);
  };
  walk(activity.attachments?.[0]?.content);
  return out.join('\n');
}

/** A message the member writes in her personal chat, as Teams sends it. */
async function say(app: App, text: string): Promise<Partial<Activity>[]> {
  const activity = JSON.parse(
    readFileSync(new URL('./payloads/personal-message.json', import.meta.url), 'utf8'),
  );
  activity.from = { ...activity.from, aadObjectId: MEMBER, id: `29:${MEMBER}` };
  activity.conversation.id = PERSONAL;
  activity.serviceUrl = connector.url;
  activity.text = text;
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity(activity, (context) => app.bot.run(context));
  return adapter.activeQueue.splice(0);
}

describe('the weekly digest against real Azurite and the local connector', () => {
  it('posts one card to the linked channel on Monday 07:30 Oslo time, in Norwegian, with this and next week’s meetings and the reading', async () => {
    const { app, drain, at } = await world();
    expect(await app.tick()).toBe(0);
    expect((await app.jobs.get('ukesoversikt:2020-W19'))?.dueAt.toISOString()).toBe(
      '2020-05-04T05:30:00.000Z',
    );

    at('2020-05-04T05:29:00Z');
    await app.tick();
    await drain();
    expect(digestsIn(CHANNEL)).toHaveLength(0);

    at(MONDAY_0730);
    await app.tick();
    await drain();
    const [digest, ...more] = digestsIn(CHANNEL);
    expect(more).toHaveLength(0);
    const card = digest!.attachments[0].content;
    expect(checkCard(card)).toMatchObject({ problems: [] });
    const read = texts(digest!);
    expect(read).toContain('Ukesoversikt uke 19: KULG');
    expect(read).toContain('Denne uka (uke 19)');
    expect(read).toContain('Ingen møter.');
    expect(read).toContain('Neste uke (uke 20)');
    expect(read).toContain('**Ledermøte KULG**\ntorsdag 14. mai');
    expect(read).toContain('torsdag 14. mai · 13:00–15:00 · Teams');
    expect(read).toContain('Lesebestilling: Les utkastet.');
    expect(read).not.toMatch(/kulg-01|testkommune/);
    // A member who chose nothing gets her reminders as before, and no digest of her own.
    expect(digestsIn(PERSONAL)).toHaveLength(0);
    // The next one is due next Monday at 07:30.
    expect((await app.jobs.get('ukesoversikt:2020-W20'))?.dueAt.toISOString()).toBe(
      '2020-05-11T05:30:00.000Z',
    );
  });

  it('sends a person who chose the digest her own, in her language, with the button to change her choice', async () => {
    const { app, drain, at } = await world();
    await app.notifications.set(MEMBER, 'digest');
    await app.languages.set(MEMBER, 'en');
    await app.tick();
    at(MONDAY_0730);
    await app.tick();
    await drain();
    const [mine, ...more] = digestsIn(PERSONAL);
    expect(more).toHaveLength(0);
    const read = texts(mine!);
    expect(read).toContain('Weekly digest, week 19');
    expect(read).toContain('Next week (week 20)');
    expect(read).toContain('Thursday 14 May · 13:00–15:00 · Teams');
    expect(read).toContain('Reading assignment: Les utkastet.');
    expect(read).toContain('Change notifications');
    // The channel's stays Norwegian.
    expect(texts(digestsIn(CHANNEL)[0]!)).toContain('Ukesoversikt uke 19: KULG');
  });

  it('queues each place’s digest once a week with two instances ticking at once and after a restart', async () => {
    const { app, clock, tables, drain, at } = await world();
    await app.notifications.set(MEMBER, 'digest');
    const other = restartedApp(clock, tables);
    await Promise.all([app.tick(), other.tick()]);
    at(MONDAY_0730);
    await Promise.all([app.tick(), other.tick()]);
    // Restarted: a new process ensures the recurring job again and ticks.
    const restarted = restartedApp(clock, tables);
    await restarted.tick();
    // The job run again (as after a crash before it was marked done), with the plan changed meanwhile.
    const week = digestWeekOf('2020-05-04', restarted.config.digest, restarted.config.timeZone);
    const changed = planFixture();
    changed.calendar[0].reading = 'Les det nye utkastet.';
    await importPlan({ plans: restarted.plans, clock }, planYaml(changed));
    expect((await sendWeeklyDigest(restarted.digest, week, clock.now())).queued).toBe(0);
    await drain();
    expect(digestsIn(CHANNEL)).toHaveLength(1);
    expect(digestsIn(PERSONAL)).toHaveLength(1);
    expect(texts(digestsIn(CHANNEL)[0]!)).toContain('Lesebestilling: Les utkastet.');
  });

  it('after a stop over whole weeks skips their digests and sends this week’s when it comes back', async () => {
    const { app, drain, at } = await world();
    await app.tick(); // the digest of Monday 4 May is pending
    at('2020-05-11T08:00:00Z'); // back on Monday 11 May, 10:00: week 19 is over, week 20 is due
    await app.tick();
    await app.tick();
    await drain();
    const digests = digestsIn(CHANNEL);
    expect(digests).toHaveLength(1);
    expect(texts(digests[0]!)).toContain('Ukesoversikt uke 20: KULG');
    expect(texts(digests[0]!)).toContain('Denne uka (uke 20)');
    expect((await app.jobs.get('ukesoversikt:2020-W21'))?.dueAt.toISOString()).toBe(
      '2020-05-18T05:30:00.000Z',
    );
  });

  it('sends nothing for a week with nothing in it', async () => {
    const { app, drain, at } = await world();
    await app.notifications.set(MEMBER, 'digest');
    at('2020-05-24T12:00:00Z'); // the KULG meeting is past; nothing until September
    await app.tick();
    at('2020-05-25T05:30:30Z');
    await app.tick();
    await drain();
    expect(digestsIn(CHANNEL)).toHaveLength(0);
    expect(digestsIn(PERSONAL)).toHaveLength(0);
    expect(await app.jobs.get('ukesoversikt:2020-W23')).toBeDefined();
  });

  it('lists the deadlines of the two weeks by date: a unit channel’s report and local-plan actions', async () => {
    const { app, drain, at } = await world();
    const LEKNES = '19:leknes@thread.tacv2';
    await app.registry.record({
      conversationId: LEKNES,
      kind: 'channel',
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: LEKNES, conversationType: 'channel' },
        bot: { id: '28:planpuls' },
      },
      teamId: 't',
      channelName: 'Leknes',
    });
    await app.links.add({
      target: { kind: 'unit', id: 'leknes-skole' },
      conversationId: LEKNES,
      linkedBy: 'x',
      linkedAt: SUNDAY,
    });
    await app.reports.campaigns.save({
      id: 'vaar-2020',
      kind: 'forespørsel',
      title: 'Meld inn administrator',
      planKey: 'testkommune.2020-2021',
      opens: '2020-04-20',
      deadline: '2020-05-13',
      questions: [],
      openedBy: 'x',
      openedAt: SUNDAY,
      requests: {},
    });
    await app.reports.localPlans.save({
      unitId: 'leknes-skole',
      version: 1,
      kartlegging: '',
      analyse: '',
      mal: '',
      actions: [
        { id: 'h1', text: 'Lesekurs for lærerne', deadline: '2020-05-06', status: 'pågår' },
        { id: 'h2', text: 'Ferdig allerede', deadline: '2020-05-07', status: 'fullført' },
        { id: 'h3', text: 'Langt fram', deadline: '2020-09-01', status: 'ikke-startet' },
      ],
      savedBy: 'x',
      savedByName: 'X',
      savedAt: SUNDAY,
    });
    await app.tick();
    at(MONDAY_0730);
    await app.tick();
    await drain();
    const read = texts(digestsIn(LEKNES)[0]!);
    expect(read).toContain('Ukesoversikt uke 19: Leknes skole');
    expect(read).toContain(
      '- **onsdag 6. mai**: Handling i lokal plan: Lesekurs for lærerne (Leknes skole)\n' +
        '- **onsdag 13. mai**: Frist: Meld inn administrator (Leknes skole)',
    );
    expect(read).not.toContain('Ferdig allerede');
    expect(read).not.toContain('Langt fram');
  });
});

describe('a person’s choice of notifications', () => {
  it('is set with `varsler` in chat and on the card, and then meeting reminders skip her chat but not the channel', async () => {
    const { app, drain, at } = await world();
    const [card] = await say(app, 'varsler');
    const shown = card!.attachments![0]!.content as Record<string, any>;
    expect(checkCard(shown)).toMatchObject({ problems: [] });
    expect(texts({ attachments: [{ content: shown }] })).toContain('Valgt nå: Alle påminnelser.');
    const button = shown.actions.find((a: any) => a.data?.choice === 'digest');
    expect(button.title).toBe('Bare ukesoversikten');
    const pressed = await pressCard(app, connector.url, MEMBER, button);
    expect(JSON.stringify(pressed.card)).toContain('Lagret. Du får nå: Bare ukesoversikten.');
    expect(await app.notifications.get(MEMBER)).toBe('digest');

    // The reading assignment goes out on Thursday 7 May, 08:00.
    await app.syncAllReminders();
    at('2020-05-07T06:00:30Z');
    await app.tick();
    await drain();
    const reading = (id: string) =>
      (connector.received.get(id) ?? []).filter((r) =>
        JSON.stringify(r.activity).includes('Lesebestilling: Ledermøte'),
      );
    expect(reading(CHANNEL)).toHaveLength(1);
    expect(reading(PERSONAL)).toHaveLength(0);

    const [saved] = await say(app, 'varsler alle');
    expect(saved!.text).toBe('Lagret. Du får nå: Alle påminnelser.');
    const [unknown] = await say(app, 'varsler kanskje');
    expect(JSON.stringify(unknown!.attachments)).toContain('Jeg kjenner ikke valget «kanskje»');
  });

  it('keeps report reminders out of a leader’s chat when she chose the digest only, and sends them for «needed»', async () => {
    const { app, drain } = await world();
    const LEKNES = '19:leknes@thread.tacv2';
    const ref = (id: string, type: string) => ({
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id, conversationType: type },
      bot: { id: '28:planpuls' },
    });
    await app.registry.record({
      conversationId: LEKNES,
      kind: 'channel',
      reference: ref(LEKNES, 'channel'),
      teamId: 't',
    });
    await app.links.add({
      target: { kind: 'unit', id: 'leknes-skole' },
      conversationId: LEKNES,
      linkedBy: 'x',
      linkedAt: SUNDAY,
    });
    await app.people.save({
      aadObjectId: MEMBER,
      name: 'Rita',
      roles: ['enhetsleder'],
      leads: ['leknes-skole'],
      networks: [],
      coordinates: [],
    });
    const campaign = {
      id: 'vaar-2020',
      kind: 'forespørsel' as const,
      title: 'Meld inn administrator',
      planKey: 'testkommune.2020-2021',
      opens: '2020-04-20',
      deadline: '2020-05-14',
      questions: [],
      openedBy: 'x',
      openedAt: SUNDAY,
      requests: {},
    };
    await app.reports.campaigns.save(campaign);
    const reminded = (id: string) =>
      (connector.received.get(id) ?? []).filter((r) =>
        JSON.stringify(r.activity).includes('Meld inn administrator'),
      );

    await app.notifications.set(MEMBER, 'digest');
    await sendReportReminders(app.reports, campaign, new Date('2020-05-07T06:00:00Z'), 7);
    await drain();
    expect(reminded(PERSONAL)).toHaveLength(0);
    expect(reminded(LEKNES)).toHaveLength(1); // no leader takes it in her chat: the unit's channel does

    await app.notifications.set(MEMBER, 'needed');
    await sendReportReminders(app.reports, campaign, new Date('2020-05-13T06:00:00Z'), 1);
    await drain();
    expect(reminded(PERSONAL)).toHaveLength(1);
    expect(reminded(LEKNES)).toHaveLength(1);
  });

  it('is kept beside her language: choosing one leaves the other', async () => {
    const { app } = await world();
    await app.notifications.set(MEMBER, 'needed');
    await app.languages.set(MEMBER, 'en');
    expect(await app.notifications.get(MEMBER)).toBe('needed');
    await app.notifications.set(MEMBER, 'digest');
    expect(await app.languages.get(MEMBER)).toBe('en');
  });

  it('is read and saved by the tab through /api/me/notifications, and a wrong value is refused with 400', async () => {
    const { app } = await world();
    const base = await app.listen();
    try {
      const call = (method: string, body?: unknown) =>
        fetch(`${base}/api/me/notifications`, {
          method,
          headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: MEMBER },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
      expect(await (await call('GET')).json()).toEqual({ notifications: 'all' });
      const saved = await call('PUT', { notifications: 'needed' });
      expect(saved.status).toBe(200);
      expect(await (await call('GET')).json()).toEqual({ notifications: 'needed' });
      const wrong = await call('PUT', { notifications: 'sometimes' });
      expect(wrong.status).toBe(400);
      expect(await app.notifications.get(MEMBER)).toBe('needed');
    } finally {
      await app.close();
    }
  });
});
