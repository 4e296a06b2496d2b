import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localDate } from '../bot/domain/calendar/local-date.js';
import { schoolYearOf } from '../bot/domain/calendar/school-year.js';
import { calendarEntries } from '../bot/domain/plan/milestone-entries.js';
import { parsePlan } from '../bot/domain/plan/validate-plan.js';
import { silentLogger } from '../bot/log/logger.js';
import { azuriteConnectionString, freePort, startAzurite } from '../bot/store/embedded-azurite.js';
import { connectTables } from '../bot/store/table-service.js';
import { createTableSenders } from '../bot/store/table-senders.js';
import { runScript, startScript, waitForStatus } from './support/processes.js';

const dataDir = mkdtempSync(join(tmpdir(), 'planpuls-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const demo = parsePlan(readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8'));

async function startOnce(env: Record<string, string>) {
  const server = startScript('bot/main.ts', env);
  const url = `http://127.0.0.1:${env.PORT}`;
  try {
    await waitForStatus(`${url}/healthz`, 200, 60_000, server.output);
    const plan = (await (await fetch(`${url}/api/plan`)).json()) as Record<string, any>;
    const events = ((await (await fetch(`${url}/api/events`)).json()) as { events: Record<string, any>[] })
      .events;
    return { plan, events, output: server.output() };
  } finally {
    expect(await server.stop()).toBe(0);
  }
}

describe('npm start (bot/main.ts) on the embedded Azurite', () => {
  it('imports the demo plan rolled to the current school year, and keeps its data across a restart', async () => {
    expect(demo.ok).toBe(true);
    if (!demo.ok) return;
    const env = { PORT: String(await freePort()), AZURITE_PORT: String(await freePort()), DATA_DIR: dataDir };

    const first = await startOnce(env);
    const year = schoolYearOf(localDate(new Date(), 'Europe/Oslo')).label;
    expect(first.plan).toMatchObject({ key: `vestvagoy.${year}`, rolledFrom: '2020-2021' });
    // The meetings and the dated milestones (a calendar shows both).
    const entries = calendarEntries(demo.plan);
    expect(first.events).toHaveLength(entries.length);
    expect(new Set(first.events.map((e) => e.id))).toEqual(new Set(entries.map((e) => e.id)));
    expect(first.output).toContain('"msg":"local mode: no bot credentials');
    // restify 11's spdy printed DEP0111 on Node 20 and 22 and failed on Node 24 (process.binding).
    expect(first.output).not.toContain('DeprecationWarning');

    const second = await startOnce(env);
    expect(second.plan.revision).toBe(first.plan.revision);
    expect(second.plan.importedAt).toBe(first.plan.importedAt);
    expect(second.output).not.toContain('imported the demo plan');
  }, 180_000);

  it('removes its sender heartbeat on Ctrl-C before its storage stops, so the next start sends at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planpuls-ctrl-c-'));
    const azuritePort = await freePort();
    const env = {
      PORT: String(await freePort()),
      AZURITE_PORT: String(azuritePort),
      DATA_DIR: dir,
      IMPORT_DEMO_ON_EMPTY: 'false',
    };
    const senders = createTableSenders(connectTables(azuriteConnectionString(azuritePort), 'planpuls'));
    const server = startScript('bot/main.ts', env, { ownGroup: true });
    try {
      await waitForStatus(`http://127.0.0.1:${env.PORT}/healthz`, 200, 60_000, server.output);
      // The first heartbeat is written once the server listens.
      await waitForAsync(async () => (await senders.list()).length === 1);
    } finally {
      // Ctrl-C in a terminal reaches the whole process group, the embedded Azurite included.
      expect(await server.interrupt()).toBe(0);
    }
    expect(server.output()).not.toContain('could not remove the sender heartbeat');

    // A row left behind counts as a live peer for 30 s: the next start would wait for it before sending.
    const azurite = await startAzurite({ location: join(dir, 'azurite'), port: 0, logger: silentLogger });
    try {
      const tables = connectTables(azurite.connectionString, 'planpuls');
      expect(await createTableSenders(tables).list()).toEqual([]);
    } finally {
      await azurite.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses to start in production without credentials, naming the missing settings', async () => {
    const result = await runScript('bot/main.ts', [], { NODE_ENV: 'production' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('MICROSOFT_APP_ID: mangler');
    expect(result.stderr).toContain('STORAGE_CONNECTION_STRING: mangler');
  });

  it('says which port is taken when the embedded Azurite cannot start', async () => {
    const blocker = startScript('bot/main.ts', {
      PORT: String(await freePort()),
      AZURITE_PORT: String(await freePort()),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'planpuls-block-')),
      IMPORT_DEMO_ON_EMPTY: 'false',
    });
    // A second instance on the same Azurite port must fail clearly, not hang.
    try {
      const port = /"port":(\d+)/;
      await waitFor(() => port.test(blocker.output()));
      const taken = port.exec(blocker.output())![1]!;
      const result = await runScript('bot/main.ts', [], {
        PORT: String(await freePort()),
        AZURITE_PORT: taken,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'planpuls-block2-')),
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Innebygd Azurite startet ikke på port ${taken} (AZURITE_PORT)`);
    } finally {
      await blocker.stop();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForAsync(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
