import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { checkCard } from './support/adaptive-card.js';
import { MEMBER } from './support/app.js';
import { KULG_CHANNEL as CHANNEL, MEMBER_CHAT as PERSONAL, reminderWorld } from './support/reminder-world.js';

let connector: LocalConnector;
beforeEach(async () => {
  connector = await startLocalConnector();
});
afterEach(() => connector.close());

const KEY = 'testkommune.2020-2021';

/** What Teams shows of each card posted in a conversation, latest version. */
const shown = (conversationId: string) =>
  (connector.received.get(conversationId) ?? []).map((r) =>
    JSON.stringify((r.versions.at(-1) ?? r.activity) as object),
  );

describe('reminders in a personal chat speak the language its person chose', () => {
  it('posts the reading assignment in English to her chat and in Norwegian to the channel, with one shared count', async () => {
    const { app, drain, at } = await reminderWorld(connector.url, '2020-05-01T00:00:00Z');
    await app.languages.set(MEMBER, 'en');
    await app.syncAllReminders();
    at('2020-05-07T06:00:30Z');
    expect(await app.tick()).toBe(1);
    await drain();

    const mine = shown(PERSONAL).filter((c) => c.includes('Reading assignment: Ledermøte KULG'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).not.toContain('Lesebestilling');
    expect(checkCard(JSON.parse(mine[0]!).attachments[0].content).problems).toEqual([]);
    expect(shown(CHANNEL).filter((c) => c.includes('Lesebestilling: Ledermøte KULG'))).toHaveLength(1);
    // Exactly once each: a second tick sends nothing.
    expect(await app.tick()).toBe(0);
    await drain();
    expect(connector.received.get(PERSONAL)).toHaveLength(1);

    // She presses «Read / done» on her English card: the one count goes up on both cards.
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
    const adapter = new TestAdapter((context) => app.bot.run(context));
    await adapter.processActivity(invoke as Partial<Activity>, (context) => app.bot.run(context));
    await drain();
    expect(await app.reminders.acks.count(`reading:${KEY}:kulg-01`)).toBe(1);
    expect(shown(CHANNEL).find((c) => c.includes('Lesebestilling'))).toContain('1 av 1 har lest');
    expect(shown(PERSONAL).find((c) => c.includes('Reading assignment'))).toContain('1 of 1 have read');
  });

  it('reminds her of the meeting in English the day before; the channel in Norwegian', async () => {
    const { app, drain, at } = await reminderWorld(connector.url, '2020-05-12T00:00:00Z');
    await app.languages.set(MEMBER, 'en');
    await app.syncAllReminders();
    at('2020-05-13T06:00:10Z');
    await app.tick();
    await drain();
    const mine = shown(PERSONAL).filter((c) => c.includes('Ledermøte KULG'));
    expect(mine.some((c) => c.includes('Reminder: Ledermøte KULG'))).toBe(true);
    expect(mine.some((c) => c.includes('Påminnelse'))).toBe(false);
    expect(mine.some((c) => c.includes('Thursday, 14 May 2020'))).toBe(true);
    expect(shown(CHANNEL).some((c) => c.includes('Påminnelse: Ledermøte KULG'))).toBe(true);
  });
});
