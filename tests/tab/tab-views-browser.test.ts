/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { freshTables } from '../support/storage.js';
import { launchChromium, screenshot, seriousViolations } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { LEADER, seedReports } from './support/report-data.js';
import { ADMIN, ensureTabBuilt, MEMBER, startTabServer } from './support/tab-server.js';

let app: App;
let url: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startTabServer(freshTables().tables, 8));
  await seedReports(app, url);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const open = (user: string, path?: string, options?: { dark?: boolean }) =>
  openTab(browser, contexts, url, user, path, options);

async function axe(page: Page, label: string): Promise<string[]> {
  return (await seriousViolations(page)).map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.help} – ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
  );
}

describe('Rapporter in a real browser', () => {
  it('shows the newest campaign: response rate per unit type and the units still missing', async () => {
    const page = await open(ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-summary').waitFor();
    expect(await page.getByLabel('Rapportrunde').inputValue()).toBe('2026-H2');
    expect(await page.getByTestId('response-rate').textContent()).toBe('1 av 3 enheter har sendt inn (33 %)');
    const summary = await page.getByTestId('campaign-summary').textContent();
    expect(summary).toContain('Skole1 av 1100 %');
    expect(summary).toContain('Barnehage0 av 10 %');
    expect(await page.getByTestId('missing-units').locator('li').allTextContents()).toEqual([
      'Ballstad barnehage',
      'PPT Vest-Lofoten',
    ]);
    await screenshot(page, 'reports');
  });

  it('aggregates the signs of good practice with their trend across half-years', async () => {
    const page = await open(ADMIN, '/tab/?view=rapporter');
    const row = page.locator('[data-sign-id="miljo-01"]');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      '1',
      '0',
      '0',
      'Flere ja enn forrige halvår2026-H1: ja 0, delvis 1, nei 02026-H2: ja 1, delvis 0, nei 0',
    ]);
    await page.getByLabel('Rapportrunde').selectOption('2026-H1');
    expect(await page.getByTestId('response-rate').textContent()).toBe('1 av 3 enheter har sendt inn (33 %)');
    expect(await row.locator('td').last().textContent()).toContain('Ingen tidligere halvår');
  });

  it('opens a unit report with its content and every version (who, when)', async () => {
    const page = await open(ADMIN, '/tab/?view=rapporter');
    await page.getByRole('button', { name: 'Åpne rapporten fra Leknes skole' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('report-history').waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('Leknes skole · 2026-H2');
    expect(text).toContain('Kartlagt med elevundersøkelsen i høst.');
    expect(text).toContain('Alle barn har en voksen de stoler på.: Ja (Kontaktlærer har samtaler.)');
    expect(text).toContain('Frist: 2027-03-01');
    const versions = await dialog.getByTestId('report-history').locator('tbody tr').allInnerTexts();
    expect(versions.map((v) => v.replace(/\s+/g, ' ').trim())).toEqual([
      '2 Sendt inn Line Leder 21. nov. 2026, 10:30',
      '1 Utkast Line Leder 20. nov. 2026, 09:00',
    ]);
    await screenshot(page, 'reports-unit');
    expect(await axe(page, 'rapport')).toEqual([]);
  });

  it('downloads the CSV export with the caller identity', async () => {
    const page = await open(ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-summary').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rapporter.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('2026-H2,leknes-skole,Leknes skole,skole,sendt,nei,2,');
    expect(csv).toContain('2026-H2,ballstad-barnehage,Ballstad barnehage,barnehage,mangler');
  });

  it('shows a unit leader only their own unit, and a member the server’s refusal', async () => {
    const leader = await open(LEADER, '/tab/?view=rapporter');
    await leader.getByTestId('report-units').waitFor();
    expect(await leader.getByTestId('report-units').locator('tbody tr').count()).toBe(1);
    const member = await open(MEMBER, '/tab/?view=rapporter');
    await member.getByRole('heading', { name: 'Rapporter' }).waitFor();
    await member
      .getByText('Bare administratorer, koordinatorer og enhetsledere kan se rapportene.')
      .waitFor();
    expect(await member.getByTestId('report-units').count()).toBe(0);
  });
});

describe('accessibility of the new views', () => {
  it('has no serious or critical violations, light or dark', async () => {
    const found: string[] = [];
    for (const dark of [false, true]) {
      const page = await open(ADMIN, '/tab/?view=rapporter', { dark });
      await page.getByTestId('report-signs').waitFor();
      found.push(...(await axe(page, `rapporter${dark ? ' (mørk)' : ''}`)));
      await page.context().close();
    }
    expect(found).toEqual([]);
  }, 60_000);
});
