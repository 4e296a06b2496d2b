/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../bot/app.js';
import { COORDINATOR } from '../support/app.js';
import { cspViolations, describedViolations } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';
import { ADMIN } from './support/tab-server.js';

let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, browser } = await startTabWorld({ reports: true, coordinator: true }));
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(() => closeTabWorld({ app, browser }));

describe('«Last ned Word-rapport» in Rapporter', () => {
  it('gives the kommunalsjef the chosen half-year as a Word document she can open', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-summary').waitFor();
    const button = page.getByRole('button', { name: 'Last ned Word-rapport' });
    // Beside the CSV download, in the same bar.
    expect(await page.getByRole('button', { name: 'Last ned CSV' }).isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('halvårsrapport-høsten-2026.docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: await readFile((await download.path())!) });
    expect(html).toContain('Halvårsrapport høsten 2026');
    expect(html).toMatch(/Våren 2026 var \d+ % ja/);
    expect(html).toMatch(/<h3><a id="[^"]+"><\/a>Ballstad barnehage<\/h3>/);
    expect(await describedViolations(page, 'rapporter')).toEqual([]);
    // The spring round gives the spring document.
    await page.getByLabel('Rapportrunde').selectOption('2026-H1');
    const [spring] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(spring.suggestedFilename()).toBe('halvårsrapport-våren-2026.docx');
  });

  it('is not offered to a coordinator (the server refuses her too)', async () => {
    const page = await openTab(browser, url, COORDINATOR, '/tab/?view=rapporter');
    await page.getByTestId('campaign-summary').waitFor();
    expect(await page.getByRole('button', { name: 'Last ned CSV' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Last ned Word-rapport' }).count()).toBe(0);
  });
});
