import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createApp, FEATURES } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import type { Core } from '../bot/features/core.js';
import type { Feature } from '../bot/features/feature.js';
import { silentLogger } from '../bot/log/logger.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { planYaml } from './support/plan-fixture.js';
import { freshTables } from './support/storage.js';

function payload(name: string, change: Partial<Activity> = {}): Partial<Activity> {
  const activity = JSON.parse(
    readFileSync(new URL(`./payloads/${name}.json`, import.meta.url), 'utf8'),
  ) as Activity;
  return { ...activity, ...change };
}

/** What the test feature saw, so each test can ask. */
interface Seen {
  plans: string[];
  installs: string[];
  runs: string[];
}

/** A feature of the kind a developer adds: one of each thing a feature may hand over. */
function tallyFeature(seen: Seen) {
  return (core: Core): Feature<'tally', Seen> => ({
    name: 'tally',
    api: seen,
    commands: [
      {
        words: { telling: 'nb', tally: 'en' },
        help: {
          nb: { name: 'telling', description: 'Teller det som har skjedd.' },
          en: { name: 'tally', description: 'Counts what happened.' },
        },
        handle: async () => `Planer: ${seen.plans.length}`,
      },
    ],
    cardActions: [{ verb: 'tell', handle: async () => ({ message: 'Talt.' }) }],
    recurring: [
      {
        kind: 'telling-daglig',
        // Every day at 06:00 UTC, starting the day after `now`.
        first: async (now) => ({ key: day(now, 1), dueAt: at(day(now, 1)), payload: {} }),
        run: async (job, now) => {
          seen.runs.push(job.id);
          return { key: day(now, 1), dueAt: at(day(now, 1)), payload: {} };
        },
      },
    ],
    onPlanChange: async (key) => void seen.plans.push(key),
    onInstall: async (aadObjectId) => (seen.installs.push(aadObjectId), 0),
    routes: (server) =>
      server.get('/api/telling', async (_req, res) => {
        res.send(200, { plans: seen.plans.length, now: core.clock.now().toISOString() });
      }),
  });
}

const day = (now: Date, plus: number) =>
  new Date(now.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
const at = (date: string) => new Date(`${date}T06:00:00Z`);

async function appWithTally(now: { value: Date }) {
  const seen: Seen = { plans: [], installs: [], runs: [] };
  const clock = { now: () => now.value };
  const app = createApp({
    config: loadConfig({ PORT: '0' }),
    logger: silentLogger,
    clock,
    tables: freshTables().tables,
    deliver: false,
    features: [...FEATURES, tallyFeature(seen)],
  });
  await importPlan({ plans: app.plans, clock }, planYaml());
  return { app, seen };
}

describe('a feature added to the list', () => {
  it('answers its command and card verb, and the help card lists it after the others', async () => {
    const { app } = await appWithTally({ value: new Date('2026-11-23T08:00:00Z') });
    expect(app.bot.verbs).toContain('tell');
    await new TestAdapter((context) => app.bot.run(context))
      .send(payload('personal-message', { text: 'telling' }))
      .assertReply((reply) => expect(reply.text).toBe('Planer: 0'))
      .send(payload('personal-message', { text: 'hjelp' }))
      .assertReply((reply) => {
        const names = JSON.stringify(reply.attachments?.[0]?.content);
        expect(names).toContain('telling');
        expect(names.indexOf('rapport')).toBeLessThan(names.indexOf('telling'));
      })
      .startTest();
  });

  it('gets each changed plan once, and its recurring work runs when due and schedules the next', async () => {
    const now = { value: new Date('2026-11-23T08:00:00Z') };
    const { app, seen } = await appWithTally(now);
    await app.tick();
    await app.tick();
    expect(seen.plans).toHaveLength(1);
    expect((await app.jobs.get('telling-daglig:2026-11-24'))?.dueAt).toEqual(
      new Date('2026-11-24T06:00:00Z'),
    );
    now.value = new Date('2026-11-24T06:00:00Z');
    await app.tick();
    expect(seen.runs).toEqual(['telling-daglig:2026-11-24']);
    expect(await app.jobs.get('telling-daglig:2026-11-24')).toBeUndefined();
    expect(await app.jobs.get('telling-daglig:2026-11-25')).toBeDefined();
  });

  it('is told when the app is installed in a personal chat, and serves its route', async () => {
    const { app, seen } = await appWithTally({ value: new Date('2026-11-23T08:00:00Z') });
    const install = payload('team-install') as Activity;
    install.conversation = { ...install.conversation, conversationType: 'personal', id: 'a:tally' };
    install.channelData = { tenant: install.channelData.tenant };
    await new TestAdapter(async () => {}).processActivity(install, (context) => app.bot.run(context));
    expect(seen.installs).toEqual([install.from.aadObjectId!.toLowerCase()]);

    const url = await app.listen();
    try {
      const response = await fetch(`${url}/api/telling`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ now: '2026-11-23T08:00:00.000Z' });
    } finally {
      await app.close();
    }
  });
});

describe('command words', () => {
  it('are matched as the words a feature gave, not as properties every object has', async () => {
    const { app } = await appWithTally({ value: new Date('2026-11-23T08:00:00Z') });
    await new TestAdapter((context) => app.bot.run(context))
      .send(payload('personal-message', { text: 'constructor' }))
      .assertReply((reply) =>
        expect(JSON.stringify(reply.attachments?.[0]?.content)).toContain('Det forstod jeg ikke.'),
      )
      .startTest();
  });
});
