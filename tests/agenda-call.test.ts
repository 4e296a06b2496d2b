import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { schoolYear } from '../bot/domain/calendar/school-year.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { checkCard } from './support/adaptive-card.js';
import { MEMBER, restartedApp } from './support/app.js';
import { planFixture, planYaml } from './support/plan-fixture.js';
import {
  KULG_CHANNEL as CHANNEL,
  MEMBER_CHAT as PERSONAL,
  pressCard,
  reminderWorld,
  type ActionCard as Card,
  type CardAction,
} from './support/reminder-world.js';
import { freshTables } from './support/storage.js';

let connector: LocalConnector;
beforeEach(async () => {
  connector = await startLocalConnector();
});
afterEach(() => connector.close());

const KEY = 'testkommune.2020-2021';
const CALL = `agenda-call:${KEY}:kulg-03`;

/**
 * The fixture plan where KULG takes items 21 days before its meetings, with a meeting on Monday
 * 26 April 2021: items until Monday 5 April, the call on Monday 29 March, the day after the
 * change to summer time.
 */
function plan(change: (event: Record<string, any>) => void = () => {}) {
  const raw = planFixture();
  raw.programmes[0].defaults = { agendaItemsDaysBefore: 21 };
  const event: Record<string, any> = {
    id: 'kulg-03',
    date: '2021-04-26',
    programme: 'kulg',
    title: 'Vårmøte KULG',
    slots: [{ start: '13:00', end: '15:00' }],
    location: 'Teams',
    participants: ['kommunalsjef', 'enhetsledere'],
    rules: [
      {
        kind: 'agenda-items-deadline',
        daysBefore: 21,
        text: 'Saker meldes inn til rådgiver senest 3 uker før møtet.',
      },
    ],
  };
  change(event);
  raw.calendar.push(event);
  return raw;
}

/** Fresh storage, a moving clock, the plan above, the KULG channel linked and a member's personal chat. */
const world = (start: string, raw = plan()) => reminderWorld(connector.url, start, planYaml(raw));

/** Every post of a call for items in a conversation, with the versions it went through. */
function calls(conversationId: string) {
  return (connector.received.get(conversationId) ?? []).filter((r) =>
    JSON.stringify(r.activity).includes('Innmelding av saker til'),
  );
}

const contentOf = (activity: unknown) =>
  (activity as { attachments: { content: Card }[] }).attachments[0]!.content;

/** A button pressed as Teams sends an Action.Execute: a real `adaptiveCard/action` invoke. */
const press = (app: App, user: string, action: CardAction) => pressCard(app, connector.url, user, action);

describe('the call for agenda items, through the scheduler, outbox and local connector on Azurite', () => {
  it('is stored for the demo plan’s meetings that take items, and not for its fagdager', async () => {
    const clock = { now: () => new Date('2026-08-01T10:00:00Z') };
    const app = restartedApp(clock, freshTables().tables);
    const demo = readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8');
    const { info, plan: rolled } = await importPlan({ plans: app.plans, clock }, demo, {
      schoolYear: schoolYear(2026),
    });
    await app.syncAllReminders();
    const group = rolled.calendar.find((e) => e.id === 'lp-prosjektgruppe-01')!;
    expect(group.date).toBe('2026-09-09');
    // Items until Wednesday 19 August (21 days before), the call a week earlier at 08:00 summer time.
    const job = await app.jobs.get(`agenda-call:${info.key}:lp-prosjektgruppe-01`);
    expect(job).toMatchObject({ kind: 'agenda-call', payload: { planKey: info.key, eventId: group.id } });
    expect(job!.dueAt.toISOString()).toBe('2026-08-12T06:00:00.000Z');
    const fagdag = rolled.calendar.find(
      (e) => e.programme === 'lp' && e.rules.length === 0 && e.date > '2026-09-01',
    )!;
    expect(await app.jobs.get(`reminder:${info.key}:${fagdag.id}`)).toBeDefined();
    expect(await app.jobs.get(`agenda-call:${info.key}:${fagdag.id}`)).toBeUndefined();
  });

  it('is posted once at 08:00 Oslo time the day after the clock change, with the meeting, the deadline and «Meld inn sak»', async () => {
    const { app, drain, at } = await world('2021-03-01T10:00:00Z');
    await app.syncAllReminders();
    expect((await app.jobs.get(CALL))?.dueAt.toISOString()).toBe('2021-03-29T06:00:00.000Z');

    at('2021-03-29T05:59:00Z'); // 07:59 summer time
    expect(await app.tick()).toBe(0);
    at('2021-03-29T06:00:30Z');
    expect(await app.tick()).toBe(1);
    await drain();
    expect(await app.tick()).toBe(0);
    await drain();
    expect(calls(CHANNEL)).toHaveLength(1);
    expect(calls(PERSONAL)).toHaveLength(1);

    const card = contentOf(calls(CHANNEL)[0]!.activity);
    expect(checkCard(card).problems).toEqual([]);
    expect(checkCard(card).bytes).toBeLessThan(80 * 1024);
    const shown = JSON.stringify(card);
    expect(shown).toContain('Innmelding av saker til Vårmøte KULG');
    expect(shown).toContain('Frist for å melde inn saker: mandag 5. april');
    expect(shown).toContain('Vårmøte KULG, mandag 26. april 2021 (uke 17)');
    expect(shown).toContain('Saker meldes inn til rådgiver senest 3 uker før møtet.');
    expect(shown).not.toContain('kommer sent');
    expect(card.actions.find((a) => a.title === 'Meld inn sak')).toMatchObject({
      type: 'Action.Execute',
      verb: 'sak-ny',
      data: { verb: 'sak-ny', eventId: 'kulg-03' },
      fallback: { type: 'Action.Submit', data: { verb: 'sak-ny', eventId: 'kulg-03' } },
    });
  });

  it('answers «Meld inn sak» with the item form for that meeting, which takes the item', async () => {
    const { app, drain, at } = await world('2021-03-01T10:00:00Z');
    await app.syncAllReminders();
    at('2021-03-29T06:00:30Z');
    await app.tick();
    await drain();
    const button = contentOf(calls(CHANNEL)[0]!.activity).actions.find((a) => a.verb === 'sak-ny')!;
    const { card } = await press(app, MEMBER, button);
    expect(checkCard(card).problems).toEqual([]);
    expect(JSON.stringify(card)).toContain('Meld inn sak til Vårmøte KULG mandag 26. april 2021');
    expect(JSON.stringify(card)).toContain('Fristen for å melde inn saker er mandag 5. april 2021.');
    const send = card!.actions.find((a) => a.verb === 'sak-send')!;
    const answer = await press(app, MEMBER, {
      ...send,
      data: { ...send.data, title: 'Fra innkallingen', description: '', presenter: '', minutes: '10' },
    });
    expect(JSON.stringify(answer.card)).toContain('Takk! Saken «Fra innkallingen» er meldt inn.');
    const items = await app.agenda.agenda.items(KEY, 'kulg-03');
    expect(items.map((i) => i.title)).toEqual(['Fra innkallingen']);
  });

  it('moves with a moved meeting, and the posted call says «Flyttet til …» with the new deadline, without posting again', async () => {
    const { app, drain, at, clock } = await world('2021-03-01T10:00:00Z');
    await app.syncAllReminders();
    at('2021-03-29T06:00:30Z');
    await app.tick();
    await drain();

    at('2021-03-30T10:00:00Z');
    await importPlan({ plans: app.plans, clock }, planYaml(plan((e) => (e.date = '2021-05-03'))));
    await app.tick();
    await drain();
    expect((await app.jobs.get(CALL))?.dueAt.toISOString()).toBe('2021-04-05T06:00:00.000Z');
    const [posted] = calls(CHANNEL);
    expect(posted!.versions).toHaveLength(2);
    const revised = JSON.stringify(posted!.versions[1]);
    expect(revised).toContain('Flyttet til mandag 3. mai 2021 (uke 18).');
    expect(revised).toContain('Frist for å melde inn saker: mandag 12. april');
    expect(revised).toContain('"verb":"sak-ny"');
    expect(checkCard(contentOf(posted!.versions[1])).problems).toEqual([]);

    at('2021-04-05T06:00:30Z'); // the moved call falls due: the card is there already
    expect(await app.tick()).toBe(1);
    await drain();
    expect(calls(CHANNEL)).toHaveLength(1);
  });

  it('names the new deadline on the posted call when the plan changes it for a meeting that stays put', async () => {
    const { app, drain, at, clock } = await world('2021-03-01T10:00:00Z');
    await app.syncAllReminders();
    at('2021-03-29T06:00:30Z');
    await app.tick();
    await drain();
    const shorter = plan((e) => (e.rules[0].daysBefore = 14));
    await importPlan({ plans: app.plans, clock }, planYaml(shorter));
    await app.tick();
    await drain();
    expect((await app.jobs.get(CALL))?.dueAt.toISOString()).toBe('2021-04-05T06:00:00.000Z');
    const [posted] = calls(CHANNEL);
    expect(posted!.versions).toHaveLength(2);
    const revised = JSON.stringify(posted!.versions[1]);
    expect(revised).toContain('Fristen er endret.');
    expect(revised).toContain('Frist for å melde inn saker: mandag 12. april');
  });

  it('is cancelled with a cancelled meeting, and the posted call says «Avlyst.» without the button', async () => {
    const { app, drain, at, clock } = await world('2021-03-01T10:00:00Z');
    await app.syncAllReminders();
    const without = planFixture();
    without.programmes[0].defaults = { agendaItemsDaysBefore: 21 };
    at('2021-03-29T06:00:30Z');
    await app.tick();
    await drain();
    await importPlan({ plans: app.plans, clock }, planYaml(without));
    await app.tick();
    await drain();
    expect(await app.jobs.get(CALL)).toBeUndefined();
    expect(await app.jobs.get(`reminder:${KEY}:kulg-03`)).toBeUndefined();
    const [posted] = calls(CHANNEL);
    const revised = contentOf(posted!.versions[1]);
    expect(JSON.stringify(revised)).toContain('Avlyst.');
    expect(revised.actions.map((a) => a.title)).toEqual(['Åpne i Planpuls']);
  });

  it('closes at midnight after the item deadline: the posted call loses «Meld inn sak» and says so, once, without posting again', async () => {
    const { app, drain, at } = await world('2021-03-01T10:00:00Z');
    await app.syncAllReminders();
    at('2021-03-29T06:00:30Z');
    await app.tick();
    await drain();
    at('2021-04-05T21:59:00Z'); // 23:59 on the deadline day: items are still taken
    expect(await app.tick()).toBe(0);
    at('2021-04-05T22:00:30Z');
    expect(await app.tick()).toBe(1);
    await drain();
    expect(await app.tick()).toBe(0);
    await drain();

    expect(calls(CHANNEL)).toHaveLength(1);
    expect(calls(PERSONAL)).toHaveLength(1);
    const [posted] = calls(CHANNEL);
    expect(posted!.versions).toHaveLength(2);
    const closed = contentOf(posted!.versions[1]);
    expect(checkCard(closed).problems).toEqual([]);
    expect(JSON.stringify(closed)).toContain(
      'Fristen for å melde inn saker er ute. Be koordinatoren om å ta en sak inn.',
    );
    expect(JSON.stringify(closed)).toContain('Frist for å melde inn saker: mandag 5. april');
    expect(closed.actions.map((a) => a.title)).toEqual(['Åpne i Planpuls']);
  });

  it('takes «Meld inn sak» off a meeting reminder posted on the deadline day as well as off the call', async () => {
    // Items until the day before the meeting: the reminder (the day before, 08:00) offers the form.
    const { app, drain, at } = await world(
      '2021-04-01T10:00:00Z',
      plan((e) => (e.rules[0].daysBefore = 1)),
    );
    await app.syncAllReminders();
    at('2021-04-18T06:00:30Z');
    expect(await app.tick()).toBe(1); // the call, a week before the deadline
    await drain();
    at('2021-04-25T06:00:30Z');
    expect(await app.tick()).toBe(1); // the meeting reminder, on the deadline day
    await drain();
    const reminders = () =>
      (connector.received.get(CHANNEL) ?? []).filter((r) =>
        JSON.stringify(r.activity).includes('Påminnelse: Vårmøte KULG'),
      );
    expect(reminders()).toHaveLength(1);
    expect(JSON.stringify(reminders()[0]!.activity)).toContain('"verb":"sak-ny"');

    at('2021-04-25T22:00:30Z'); // midnight after the deadline
    expect(await app.tick()).toBe(1);
    await drain();
    for (const [posted] of [reminders(), calls(CHANNEL)]) {
      expect(posted!.versions).toHaveLength(2);
      const closed = contentOf(posted!.versions[1]);
      expect(checkCard(closed).problems).toEqual([]);
      expect(JSON.stringify(closed)).not.toContain('sak-ny');
      expect(JSON.stringify(closed)).toContain('Vårmøte KULG');
    }
    expect(reminders()).toHaveLength(1);
    expect(calls(CHANNEL)).toHaveLength(1);
  });

  it('after downtime is sent once, marked late, while the item deadline is still ahead', async () => {
    const early = await world('2021-03-28T10:00:00Z');
    await early.app.tick(); // running on the 28th
    early.at('2021-04-02T09:00:00Z'); // down from the 28th: the call of the 29th was missed
    expect(await early.app.tick()).toBe(1);
    await early.drain();
    expect(calls(CHANNEL)).toHaveLength(1);
    expect(JSON.stringify(calls(CHANNEL)[0]!.activity)).toContain('kommer sent');
  });

  it('is not sent when the item deadline passed during downtime, whether the process slept or restarted', async () => {
    const slept = await world('2021-03-01T10:00:00Z');
    await slept.app.syncAllReminders();
    slept.at('2021-04-06T09:00:00Z'); // items closed on the 5th; the meeting on the 26th is still ahead
    await slept.app.tick();
    await slept.drain();
    expect(calls(CHANNEL)).toHaveLength(0);
    expect(await slept.app.jobs.get(CALL)).toBeUndefined();
    expect(await slept.app.jobs.get(`reminder:${KEY}:kulg-03`)).toBeDefined();

    const down = await world('2021-03-01T10:00:00Z');
    await down.app.syncAllReminders();
    down.at('2021-04-06T09:00:00Z');
    const restarted = restartedApp(down.clock, down.tables);
    await restarted.tick();
    await down.drain();
    expect(calls(CHANNEL)).toHaveLength(0);
    expect(await restarted.jobs.get(CALL)).toBeUndefined();
  });
});
