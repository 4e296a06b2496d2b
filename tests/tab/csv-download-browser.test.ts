/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { seedReports } from './support/report-data.js';
import { ADMIN, ensureTabBuilt, startTabServer } from './support/tab-server.js';

// The tab world with its reports (support/report-data.ts): 2026-H1 and 2026-H2, Leknes skole
// submitted in both; Ballstad barnehage and PPT have no leader, so no request reached them.
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startTabServer(freshTables().tables));
  await seedReports(app, url);
  browser = await launchChromium();
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Presses «Last ned CSV» (or its English) and reads the file the browser saved, as text. */
async function downloadCsv(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

describe('the kommunalsjef downloads a campaign’s reports for Excel from Rapporter', () => {
  it('gets the campaign she is looking at, named after it, with names, words and Oslo times', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-summary').waitFor();
    await page.getByLabel('Rapportrunde').selectOption('2026-H1');
    await expect.poll(() => page.getByTestId('response-rate').textContent()).toContain('1 av 3');
    await screenshot(page, 'csv-reports-spring');
    const { name, text } = await downloadCsv(page, 'Last ned CSV');
    expect(name).toBe('planpuls-rapporter-2026-H1.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    // Submitted on 10 June at 08:00 UTC: 10:00 on the Oslo clock in summer.
    expect(lines.slice(0, 4)).toEqual([
      'Enhet;Type;Status;Etter fristen;Versjon;Sist lagret;Lagret av;Sendt inn;Enhet-id',
      'Leknes skole;Skole;Sendt inn;Nei;1;2026-06-10 10:00;Line Leder;2026-06-10 10:00;leknes-skole',
      'Ballstad barnehage;Barnehage;Ikke spurt;Nei;;;;;ballstad-barnehage',
      'PPT Vest-Lofoten;PPT;Ikke spurt;Nei;;;;;ppt',
    ]);
    // Spring's file alone: nothing of the autumn's report.
    expect(text).not.toContain('2026-11-21');
    expect(text).not.toContain('2026-H2');
  });

  it('is in English for her once she chose English', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-summary').waitFor();
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('button', { name: 'Download CSV' }).waitFor();
    const { name, text } = await downloadCsv(page, 'Download CSV');
    expect(name).toBe('planpuls-rapporter-2026-H2.csv');
    const lines = text.slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'Unit;Type;Status;After deadline;Version;Last saved;Saved by;Submitted;Unit id',
      'Leknes skole;School;Submitted;No;2;2026-11-21 10:30;Line Leder;2026-11-21 10:30;leknes-skole',
      'Ballstad barnehage;Kindergarten;Not asked;No;;;;;ballstad-barnehage',
    ]);
    expect(lines).toContain('Sign of good practice;Future picture;Yes;Partly;No;Sign id');
  });
});
