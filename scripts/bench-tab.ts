// `npm run bench:tab`: how heavy the tab is and how fast a school year's calendar becomes usable.
// Builds the tab, measures the JavaScript the page loads before it can render (gzip, as served),
// then serves a full school year on a fresh embedded Azurite and times headless Debian Chromium
// from navigation until the year's list is rendered and a click on an event has opened it.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { createApp } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { silentLogger } from '../bot/log/logger.js';
import { startAzurite } from '../bot/store/embedded-azurite.js';
import { connectTables } from '../bot/store/table-service.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { tabPlanYaml, TODAY } from '../tests/tab/support/tab-plan.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const ADMIN = '00000000-0000-0000-0000-0000000000a1';
const root = new URL('../', import.meta.url);
const dist = new URL('tab/dist/', root);

await build({ configFile: fileURLToPath(new URL('tab/vite.config.ts', root)), logLevel: 'warn' });

// Initial JavaScript: the entry script and what it preloads; lazy chunks (the Teams SDKs) excluded.
const html = readFileSync(new URL('index.html', dist), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/tab\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const gzipBytes = initial.reduce((sum, file) => sum + gzipSync(readFileSync(new URL(file, dist))).length, 0);

const location = mkdtempSync(join(tmpdir(), 'planpuls-bench-tab-'));
const azurite = await startAzurite({ location, port: 0, logger: silentLogger });
const clock = { now: () => new Date(`${TODAY}T08:00:00Z`) };
const app = createApp({
  config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
  logger: silentLogger,
  clock,
  tables: connectTables(azurite.connectionString, 'benchtab'),
  deliver: false,
});
// A full school year: meetings every week from mid-August to June.
const imported = await importPlan({ plans: app.plans, clock }, tabPlanYaml(44));
const events = imported.plan.calendar;
const url = await app.listen();

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} mangler: apt-get install -y chromium`);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

async function timeOnce(mode: 'liste' | 'maaned'): Promise<number> {
  // A new context each run: cold browser cache, as on a first visit.
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
  const started = performance.now();
  await page.goto(`${url}/tab/?devUser=${ADMIN}&view=kalender&mode=${mode}`, { waitUntil: 'commit' });
  const target = mode === 'liste' ? events[events.length - 1]!.id : 'kulg-today';
  await page.locator(`[data-event-id="${target}"]`).click();
  await page.getByRole('dialog').waitFor();
  const elapsed = performance.now() - started;
  await context.close();
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
await timeOnce('liste'); // warm-up: the server's first gzip and Azurite's first reads
const list: number[] = [];
const month: number[] = [];
for (let i = 0; i < RUNS; i++) {
  list.push(await timeOnce('liste'));
  month.push(await timeOnce('maaned'));
}
await browser.close();
await app.close();
await azurite.stop();
rmSync(location, { recursive: true, force: true });

const kb = gzipBytes / 1024;
const listMs = median(list);
const monthMs = median(month);
console.log(`initial JS: ${initial.join(', ')}`);
console.log(`initial JS gzip: ${kb.toFixed(1)} KB (goal ≤ 200) ${kb <= 200 ? 'ok' : 'OVER'}`);
console.log(`school year: ${events.length} events`);
console.log(
  `interactive, list of the whole year (navigation → last event clicked open), median of ${RUNS}: ` +
    `${listMs.toFixed(0)} ms (goal < 1500) ${listMs < 1500 ? 'ok' : 'OVER'}`,
);
console.log(
  `interactive, month view (navigation → today's event clicked open), median of ${RUNS}: ${monthMs.toFixed(0)} ms`,
);
console.log(`runs (list): ${list.map((v) => v.toFixed(0)).join(' ')}`);
console.log(`runs (month): ${month.map((v) => v.toFixed(0)).join(' ')}`);
