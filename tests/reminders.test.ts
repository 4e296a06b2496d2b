import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { createTableRunCoordinator } from '../bot/store/table-run-coordinator.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { checkCard } from './support/adaptive-card.js';
import { ADMIN, MEMBER, restartedApp } from './support/app.js';
import { planFixture, planYaml } from './support/plan-fixture.js';
import { KULG_CHANNEL as CHANNEL, MEMBER_CHAT as PERSONAL, reminderWorld } from './support/reminder-world.js';
import { freshTables } from './support/storage.js';

let connector: LocalConnector;
beforeEach(async () => {
  connector = await startLocalConnector();
});
afterEach(() => connector.close());

const KEY = 'testkommune.2020-2021';

/** An app on fresh storage with a moving clock, the KULG channel linked and a member with a personal chat. */
const world = (start: string) => reminderWorld(connector.url, start);

function postsTo(conversationId: string): Record<string, any>[] {
  return (connector.received.get(conversationId) ?? []).map((r) => r.activity);
}

function cardText(activity: Record<string, any>): string {
  return JSON.stringify(activity.attachments?.[0]?.content ?? activity);
}

describe('reminders and reading assignments on a fake clock, against real Azurite', () => {
  it('posts the reading assignment 7 days before and the reminder the day before, each once, at 08:00 Oslo time', async () => {
    const { app, drain, at } = await world('2020-05-01T00:00:00Z');
    await app.syncAllReminders();
    expect((await app.jobs.get(`reading:${KEY}:kulg-01`))?.dueAt.toISOString()).toBe(
      '2020-05-07T06:00:00.000Z',
    );

    at('2020-05-07T05:59:00Z');
    expect(await app.tick()).toBe(0);
    at('2020-05-07T06:00:30Z');
    expect(await app.tick()).toBe(1);
    await drain();
    expect(await app.tick()).toBe(0);
    await drain();
    expect(
      postsTo(`${CHANNEL}`).filter((a) => cardText(a).includes('Lesebestilling: Ledermøte KULG')),
    ).toHaveLength(1);
    expect(postsTo(PERSONAL).filter((a) => cardText(a).includes('Lesebestilling'))).toHaveLength(1);

    at('2020-05-13T06:00:10Z');
    expect(await app.tick()).toBe(1);
    await drain();
    const reminder = postsTo(CHANNEL).find((a) => cardText(a).includes('Påminnelse: Ledermøte KULG'));
    const card = reminder!.attachments[0].content;
    expect(checkCard(card)).toMatchObject({ problems: [] });
    expect(checkCard(card).bytes).toBeLessThan(80 * 1024);
    expect(cardText(reminder!)).toContain('torsdag 14. mai 2020 (uke 20)');
    expect(cardText(reminder!)).toContain('13:00–15:00');
    expect(cardText(reminder!)).toContain(`/api/events/kulg-01.ics?plan=${KEY}`);
  });

  it('after three days down sends each missed reminder once, marked late, and drops those whose meeting passed', async () => {
    const { app, drain, at } = await world('2020-05-06T09:00:00Z');
    await app.tick(); // running on the 6th
    at('2020-05-10T09:00:00Z'); // down since the 6th: the reading assignment of the 7th was missed
    expect(await app.tick()).toBe(1);
    await drain();
    const reading = postsTo(CHANNEL).filter((a) => cardText(a).includes('Lesebestilling'));
    expect(reading).toHaveLength(1);
    expect(cardText(reading[0]!)).toContain('kommer sent');

    at('2020-05-15T09:00:00Z'); // down over the meeting: its reminder is dropped, not sent
    await app.tick();
    await drain();
    expect(postsTo(CHANNEL).filter((a) => cardText(a).includes('Påminnelse'))).toHaveLength(0);
    expect(await app.jobs.get(`reminder:${KEY}:kulg-01`)).toBeUndefined();
  });

  it('lets only one of two instances run a tick, and their reminders never double', async () => {
    const { app, drain, at } = await world('2020-05-01T00:00:00Z');
    await app.syncAllReminders();
    const { tables } = freshTables();
    const [a, b] = [
      createTableRunCoordinator(tables, app.reminders.clock, 'a'),
      createTableRunCoordinator(tables, app.reminders.clock, 'b'),
    ];
    const claims = await Promise.all([
      a.shouldRun('tick:2020-05-07T06:00', 55_000),
      b.shouldRun('tick:2020-05-07T06:00', 55_000),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);

    at('2020-05-07T06:00:30Z');
    await Promise.all([app.tick(), app.tick()]); // even if both ran, the outbox id is the job id
    await drain();
    expect(postsTo(CHANNEL).filter((a) => cardText(a).includes('Lesebestilling'))).toHaveLength(1);
  });

  it('moves the reminders of a moved event and marks the posted card «Flyttet til …»', async () => {
    const { app, drain, at } = await world('2020-05-01T00:00:00Z');
    await app.tick();
    at('2020-05-07T06:00:30Z');
    await app.tick();
    await drain();
    const moved = planFixture();
    moved.calendar[0].date = '2020-05-21';
    await importPlan({ plans: app.plans, clock: app.reminders.clock }, planYaml(moved));
    await app.tick();
    await drain();
    expect((await app.jobs.get(`reminder:${KEY}:kulg-01`))?.dueAt.toISOString()).toBe(
      '2020-05-20T06:00:00.000Z',
    );
    const [posted] = connector.received
      .get(CHANNEL)!
      .filter((r) => cardText(r.activity).includes('Lesebestilling'));
    expect(posted!.versions).toHaveLength(2);
    expect(cardText(posted!.versions[1]!)).toContain('Flyttet til torsdag 21. mai 2020 (uke 21).');
  });

  it("counts a double-pressed «Lest» once, answers with the presser's view, and keeps the count across a restart", async () => {
    const { app, tables, drain, at } = await world('2020-05-01T00:00:00Z');
    await app.syncAllReminders();
    at('2020-05-07T06:00:30Z');
    await app.tick();
    await drain();
    const invoke = JSON.parse(
      readFileSync(new URL('./payloads/card-action-invoke.json', import.meta.url), 'utf8'),
    );
    invoke.serviceUrl = connector.url;
    invoke.from.aadObjectId = MEMBER;
    invoke.value.action = {
      type: 'Action.Execute',
      verb: 'lest',
      data: { verb: 'lest', messageId: `reading:${KEY}:kulg-01` },
    };
    const press = async (bot: App['bot']) => {
      const adapter = new TestAdapter((context) => bot.run(context));
      await adapter.processActivity(invoke as Partial<Activity>, (context) => bot.run(context));
      return (adapter.activeQueue.splice(0)[0]?.value as { body: Record<string, any> }).body;
    };
    const first = await press(app.bot);
    const second = await press(app.bot);
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first.value)).toContain('Du markerte dette som lest 7. mai.');
    expect(JSON.stringify(second.value)).toContain('1 av 1 har lest');
    expect(checkCard(first.value).problems).toEqual([]);
    await drain();
    const [posted] = connector.received
      .get(CHANNEL)!
      .filter((r) => cardText(r.activity).includes('Lesebestilling'));
    expect(posted!.versions).toHaveLength(2); // the shared card was updated once, not twice
    expect(cardText(posted!.versions[1]!)).toContain('1 av 1 har lest');

    const restarted = restartedApp(app.reminders.clock, tables);
    expect(JSON.stringify((await press(restarted.bot)).value)).toContain('1 av 1 har lest');
    expect(await app.reminders.acks.count(`reading:${KEY}:kulg-01`)).toBe(1);
  });

  it('answers «neste», «lesing» and «kalender», and serves the event as iCalendar', async () => {
    const { app, drain, at } = await world('2020-05-01T00:00:00Z');
    await app.syncAllReminders();
    at('2020-05-07T06:00:30Z');
    await app.tick();
    await drain();
    const message = JSON.parse(
      readFileSync(new URL('./payloads/personal-message.json', import.meta.url), 'utf8'),
    );
    message.from.aadObjectId = MEMBER;
    message.conversation.id = PERSONAL;
    const say = async (text: string) => {
      const adapter = new TestAdapter((context) => app.bot.run(context));
      await adapter.processActivity({ ...message, text }, (context) => app.bot.run(context));
      return adapter.activeQueue.splice(0)[0]?.text ?? '';
    };
    expect(await say('neste')).toMatch(
      /^\*\*Dine neste møter og hendelser\*\*\n\n- torsdag 14\. mai 2020 \(uke 20\) 13:00–15:00: \*\*Ledermøte KULG\*\*(\n|$)/,
    );
    expect(await say('lesing')).toContain('Les utkastet.');
    expect(await say('kalender')).toMatch(
      /^\[Kalenderen i Planpuls\]\(http:\/\/127\.0\.0\.1:0\/tab\?view=kalender\)$/,
    );

    const url = await app.listen();
    try {
      const ics = await fetch(`${url}/api/events/kulg-01.ics?plan=${KEY}`);
      expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(await ics.text()).toContain('DTSTART;TZID=Europe/Oslo:20200514T130000');
      expect((await fetch(`${url}/api/events/nope.ics`)).status).toBe(404);

      // A subscribable feed per network: made by an admin, public by its token, revocable.
      const as = (user: string, init: RequestInit = {}) => ({
        ...init,
        headers: { 'content-type': 'application/json', 'x-planpuls-dev-user': user },
      });
      expect(
        (
          await fetch(
            `${url}/api/feeds`,
            as(MEMBER, { method: 'POST', body: JSON.stringify({ programme: 'kulg' }) }),
          )
        ).status,
      ).toBe(403);
      const created = await fetch(
        `${url}/api/feeds`,
        as(ADMIN, { method: 'POST', body: JSON.stringify({ programme: 'kulg' }) }),
      );
      expect(created.status).toBe(201);
      const { feed, url: feedUrl } = (await created.json()) as { feed: { id: string }; url: string };
      const feedPath = new URL(feedUrl).pathname;
      expect(feedPath).toMatch(/^\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
      const calendar = await (await fetch(`${url}${feedPath}`)).text();
      expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(2); // the two KULG meetings, not LP's
      expect((await fetch(`${url}/api/feeds/${'x'.repeat(43)}.ics`)).status).toBe(404);
      expect((await fetch(`${url}/api/feeds/${feed.id}`, as(ADMIN, { method: 'DELETE' }))).status).toBe(200);
      expect((await fetch(`${url}${feedPath}`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
