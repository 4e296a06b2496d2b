import { readFileSync } from 'node:fs';
import { planIssueText } from '../bot/i18n/plan-issues.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanInvalidError } from '../bot/domain/errors.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { checkCard } from './support/adaptive-card.js';
import { appWithPlan, COORDINATOR } from './support/app.js';
import { goalsPlanFixture } from './support/goals-fixture.js';
import { planFixture, planYaml } from './support/plan-fixture.js';
import { KULG_CHANNEL, MEMBER_CHAT, reminderWorld } from './support/reminder-world.js';
import { freshTables } from './support/storage.js';

let connector: LocalConnector;
beforeEach(async () => {
  connector = await startLocalConnector();
});
afterEach(() => connector.close());

const KEY = 'testkommune.2020-2021';
const LEADER = '00000000-0000-0000-0000-0000000000a3';
const LEADER_CHAT = 'a:leader-chat';

const posts = (conversationId: string, text: string) =>
  (connector.received.get(conversationId) ?? []).filter((r) => JSON.stringify(r.activity).includes(text));

/** The format-2 fixture on Azurite, with a unit leader (a responsible role) who has a personal chat. */
async function world() {
  const w = await reminderWorld(connector.url, '2021-03-01T10:00:00Z', planYaml(goalsPlanFixture()));
  await w.app.people.save({
    aadObjectId: LEADER,
    name: 'Rita Rektor',
    roles: ['enhetsleder'],
    leads: ['leknes-skole'],
    networks: [],
    coordinates: [],
  });
  await w.app.registry.record({
    conversationId: LEADER_CHAT,
    kind: 'personal',
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: LEADER_CHAT, conversationType: 'personal' },
      bot: { id: '28:planpuls' },
    },
    userAadObjectId: LEADER,
  });
  return w;
}

describe('milestone reminders, through the reminder rules, due jobs and outbox on Azurite', () => {
  it('reminds the responsible roles and the programme’s channel once, on the milestone’s own rule, as a milestone', async () => {
    const { app, drain, at } = await world();
    await app.syncAllReminders();
    const job = await app.jobs.get(`milestone:${KEY}:evaluering`);
    // April 2021, 7 days before its first day, at 08:00 summer time.
    expect(job?.dueAt.toISOString()).toBe('2021-03-25T07:00:00.000Z');
    expect(await app.jobs.get(`reminder:${KEY}:evaluering`)).toBeUndefined();

    at('2021-03-25T06:59:00Z');
    expect(await app.tick()).toBe(0);
    at('2021-03-25T07:00:30Z');
    expect(await app.tick()).toBe(1);
    await drain();
    await app.syncAllReminders();
    expect(await app.tick()).toBe(0);
    await drain();

    const heading = 'Milepæl: Første evaluering av planen';
    expect(posts(LEADER_CHAT, heading)).toHaveLength(1);
    expect(posts(KULG_CHANNEL, heading)).toHaveLength(1);
    // A KULG member holds no responsible role: the milestone is not hers to deliver.
    expect(posts(MEMBER_CHAT, heading)).toHaveLength(0);

    const card = (posts(LEADER_CHAT, heading)[0]!.activity as { attachments: { content: object }[] })
      .attachments[0]!.content;
    expect(checkCard(card).problems).toEqual([]);
    const shown = JSON.stringify(card);
    expect(shown).toContain('ikke et møte');
    expect(shown).toContain('i løpet av april 2021');
    expect(shown).toContain('Enhetsledere');
    expect(shown).not.toContain('Meld inn sak');
  });

  it('drops a milestone reminder once its month is over', async () => {
    const { app, drain, at } = await world();
    await app.syncAllReminders();
    at('2021-05-01T08:00:00Z');
    await app.tick();
    await drain();
    expect(posts(LEADER_CHAT, 'Milepæl:')).toHaveLength(0);
  });
});

describe('the call for agenda items names whom to contact', () => {
  /** KULG takes items; the fixture's coordinator of KULG is «Koordinator» in Planpuls. */
  function planWithCall() {
    const raw = planFixture();
    raw.calendar.push({
      id: 'kulg-03',
      date: '2021-04-26',
      programme: 'kulg',
      title: 'Vårmøte KULG',
      slots: [{ start: '13:00', end: '15:00' }],
      participants: ['kommunalsjef', 'enhetsledere'],
      rules: [{ kind: 'agenda-items-deadline', daysBefore: 21, text: 'Saker meldes inn til rådgiver.' }],
    });
    return raw;
  }

  it('shows the name of the person who coordinates the meeting’s programme, and none when nobody does', async () => {
    const { app, drain, at } = await reminderWorld(
      connector.url,
      '2021-03-01T10:00:00Z',
      planYaml(planWithCall()),
    );
    await app.people.save({
      aadObjectId: COORDINATOR,
      name: 'Kåre Koordinator',
      roles: ['koordinator'],
      leads: [],
      networks: [],
      coordinates: ['kulg'],
    });
    await app.syncAllReminders();
    at('2021-03-29T06:00:30Z');
    await app.tick();
    await drain();
    const call = JSON.stringify(posts(KULG_CHANNEL, 'Innmelding av saker til')[0]?.activity);
    expect(call).toContain('"title":"Kontakt","value":"Kåre Koordinator"');

    const second = await reminderWorld(connector.url, '2021-03-01T10:00:00Z', planYaml(planWithCall()));
    await second.app.people.save({
      aadObjectId: COORDINATOR,
      name: 'Kåre Koordinator',
      roles: ['koordinator'],
      leads: [],
      networks: [],
      coordinates: ['lp'],
    });
    connector.received.clear();
    await second.app.syncAllReminders();
    second.at('2021-03-29T06:00:30Z');
    await second.app.tick();
    await second.drain();
    const other = JSON.stringify(posts(KULG_CHANNEL, 'Innmelding av saker til')[0]?.activity);
    expect(other).toContain('Innmelding av saker til');
    expect(other).not.toContain('Kontakt');
  });
});

describe('importing plan files of both formats into storage', () => {
  it('imports the shipped plan (format 2) and an old format-1 file; refuses a bad goal reference and leaves storage as it was', async () => {
    const clock = { now: () => new Date('2026-11-23T08:00:00Z') };
    const app = await appWithPlan(clock, freshTables().tables);
    const shipped = await importPlan(
      { plans: app.plans, clock },
      readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8'),
    );
    expect(shipped.plan.goals).toHaveLength(7);
    const stored = await app.plans.load(shipped.info.key);
    expect(stored?.plan.goals.map((g) => g.label ?? g.id)).toEqual([
      'Mål 1',
      'Mål 2',
      'Mål 3',
      'Mål 4',
      'utviklingsplan-mal-1',
      'utviklingsplan-mal-2',
      'utviklingsplan-mal-3',
    ]);
    expect(stored?.plan.milestones.find((m) => m.id === 'forste-evaluering')?.month).toBe('2020-11');

    const before = await app.plans.list();
    const bad = goalsPlanFixture();
    bad.themes[0].servesGoals = ['mal-9'];
    const refused = await importPlan({ plans: app.plans, clock }, planYaml(bad)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlanInvalidError);
    expect((refused as PlanInvalidError).issues.map((issue) => planIssueText(issue, 'nb'))).toEqual([
      {
        where: 'themes[0] (tema-1).servesGoals[0]',
        message: 'ukjent mål «mal-9»',
        code: 'PLAN_UNKNOWN_REFERENCE',
      },
    ]);
    expect(await app.plans.list()).toEqual(before);

    // The fixture file is format 1, with a unit note: it imports, the note for administrators.
    const old = planFixture();
    old.units[0].note = 'Eierform ikke oppgitt.';
    const imported = await importPlan({ plans: app.plans, clock }, planYaml(old));
    expect((await app.plans.load(imported.info.key))?.plan.units[0]?.sourceNotes).toEqual([
      'Eierform ikke oppgitt.',
    ]);
  });
});
