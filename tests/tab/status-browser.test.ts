/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { silentLogger } from '../../bot/log/logger.js';
import { ADMIN } from '../support/app.js';
import { seedStatusWorld, STATUS_PEOPLE } from '../support/status-world.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, describedViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { ensureTabBuilt } from './support/tab-server.js';

// The status world (tests/support/status-world.ts): campaign 2020-H2, due Tuesday 15 December 2020.
const time = { now: new Date('2020-12-01T08:00:00Z') };
let app: App;
let url: string;
let browser: Browser;
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  await ensureTabBuilt();
  app = createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
    logger: silentLogger,
    clock: { now: () => time.now },
    tables: freshTables().tables,
    deliver: false,
  });
  url = await app.listen();
  await seedStatusWorld(app, url);
  browser = await launchChromium();
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const rowText = (page: Page, unitId: string) =>
  page.getByTestId('status-overview').locator(`[data-unit="${unitId}"]`).textContent();
const cell = (page: Page, unitId: string, signId: string) =>
  page.getByTestId('sign-matrix').locator(`td[data-unit="${unitId}"][data-sign="${signId}"]`);
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the status overview in Enheter, in a real browser against the real server and Azurite', () => {
  it('shows the kommunalsjef each unit’s status in words, first in the view', async () => {
    time.now = new Date('2020-12-10T08:00:00Z');
    const page = await openTab(browser, url, ADMIN, '/tab/?view=enheter');
    const overview = page.getByTestId('status-overview');
    await overview.getByTestId('status-table').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Oversikt over enhetene',
    );
    expect(await overview.textContent()).toContain(
      'Halvårsrapport høsten 2020, frist tirsdag 15. desember 2020',
    );
    expect(await page.getByTestId('status-count').textContent()).toBe('Viser 5 av 5 enheter');

    const leknes = await rowText(page, 'leknes-skole');
    expect(leknes).toContain('Rektor Lund');
    expect(leknes).toContain('tirsdag 1. desember 2020 av Rektor Lund, versjon 2');
    expect(leknes).toContain('0 ikke startet · 1 pågår · 0 fullført');
    expect(leknes).toContain('Sendt inn tirsdag 1. desember 2020');
    expect(leknes).toContain('Ja 1 · Delvis 2 · Nei 0');
    expect(leknes).toContain('Endring siden våren 2020: ja +1, delvis +1, nei −2');
    expect(leknes).toContain('Ja, i personlig chat');
    const ballstad = await rowText(page, 'ballstad-skole');
    expect(ballstad).toContain('1 ikke startet · 1 pågår · 1 fullført');
    expect(ballstad).toContain('1 over fristen');
    expect(ballstad).toContain('Utkast lagret tirsdag 1. desember 2020');
    expect(ballstad).toContain('Ingen innsendt rapport');
    const gravdal = await rowText(page, 'gravdal-barnehage');
    expect(gravdal).toContain('Barnehage');
    expect(gravdal).toContain('Aldri lagret');
    expect(gravdal).toContain('Spurt, frist tirsdag 15. desember 2020');
    expect(gravdal).toContain('Ja, i enhetens kanal');
    const lilleeng = await rowText(page, 'lilleeng-barnehage');
    expect(lilleeng).toContain('Ikke spurt');
    expect(lilleeng).toContain(
      'Nei: Styrer Eik har ikke Planpuls i en personlig chat, og enheten har ingen koblet kanal',
    );
    const ppt = await rowText(page, 'ppt');
    expect(ppt).toContain('Ingen leder registrert');
    expect(ppt).toContain('Nei: ingen leder registrert, og enheten har ingen koblet kanal');
    await screenshot(page, 'status-overview');
    expect(await describedViolations(page, 'status')).toEqual([]);
  });

  it('says late after the deadline, filters to the units with overdue actions or out of reach, and searches by name', async () => {
    time.now = new Date('2020-12-16T08:00:00Z');
    const page = await openTab(browser, url, ADMIN, '/tab/?view=enheter');
    await page.getByTestId('status-table').waitFor();
    expect(await rowText(page, 'ballstad-skole')).toContain(
      'Forsinket: fristen var tirsdag 15. desember 2020; utkast lagret tirsdag 1. desember 2020',
    );
    expect(await rowText(page, 'gravdal-barnehage')).toContain(
      'Forsinket: fristen var tirsdag 15. desember 2020',
    );

    await page.getByLabel('Bare med forsinkede handlinger').check();
    expect(await page.getByTestId('status-count').textContent()).toBe('Viser 1 av 5 enheter');
    const rows = page.getByTestId('status-table').locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit')))).toEqual([
      'ballstad-skole',
    ]);
    await page.getByLabel('Bare med forsinkede handlinger').uncheck();
    await page.getByLabel('Bare de Planpuls ikke når').check();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit')))).toEqual([
      'lilleeng-barnehage',
      'ppt',
    ]);
    await page.getByLabel('Bare de Planpuls ikke når').uncheck();
    await page.getByLabel('Halvårsrapport', { exact: true }).selectOption('late');
    expect(await page.getByTestId('status-count').textContent()).toBe('Viser 2 av 5 enheter');
    await page.getByLabel('Halvårsrapport', { exact: true }).selectOption('');
    await page.getByLabel('Søk etter navn').fill('gravdal');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit')))).toEqual([
      'gravdal-barnehage',
    ]);
  });

  it('opens a unit’s local plan from its row', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=enheter');
    await page.getByRole('button', { name: 'Åpne den lokale planen til Ballstad skole' }).click();
    expect(await page.getByLabel('Enhet', { exact: true }).inputValue()).toBe('ballstad-skole');
    await page.getByText('Lesekurs for lærerne.').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lokalplan-tittel');
  });

  it('shows a coordinator her programme’s units and a leader her own unit', async () => {
    const coordinator = await openTab(browser, url, STATUS_PEOPLE.coordinator, '/tab/?view=enheter');
    await coordinator.getByTestId('status-table').waitFor();
    expect(await coordinator.getByTestId('status-count').textContent()).toBe('Viser 2 av 2 enheter');
    const leader = await openTab(browser, url, STATUS_PEOPLE.ballstad, '/tab/?view=enheter');
    await leader.getByTestId('status-table').waitFor();
    expect(await rowText(leader, 'ballstad-skole')).toContain('Din enhet');
    expect(await leader.getByTestId('status-table').locator('tbody tr').count()).toBe(1);
    // One unit needs no search or filter.
    expect(await leader.getByLabel('Søk etter navn').count()).toBe(0);
    // A member has no overview.
    const member = await openTab(browser, url, STATUS_PEOPLE.member, '/tab/?view=enheter');
    await member.getByTestId('sign-matrix').waitFor();
    expect(await member.getByTestId('status-overview').count()).toBe(0);
  });

  it('fills the sign matrix from submitted reports, with the period before, and says «Ikke besvart» where nothing is', async () => {
    const page = await openTab(browser, url, STATUS_PEOPLE.member, '/tab/?view=enheter');
    await page.getByTestId('sign-matrix').waitFor();
    expect(await page.getByLabel('Periode').inputValue()).toBe('2020-H2');
    const leknes = cell(page, 'leknes-skole', 'ledelse-01');
    expect(await leknes.getAttribute('data-answer')).toBe('ja');
    expect(await leknes.innerText()).toMatch(/^✓ Ja\s+Før: Nei/);
    expect(await leknes.textContent()).toContain('våren 2020: Nei');
    // Ballstad's draft is its own until it is submitted.
    const ballstad = cell(page, 'ballstad-skole', 'ledelse-01');
    expect(await ballstad.getAttribute('data-answer')).toBe('');
    expect(await ballstad.innerText()).toMatch(/^Ikke besvart/);
    await screenshot(page, 'status-sign-matrix');
    await page.getByLabel('Periode').selectOption('2020-H1');
    await expect.poll(() => cell(page, 'leknes-skole', 'ledelse-01').getAttribute('data-answer')).toBe('nei');
    expect(await cell(page, 'leknes-skole', 'laering-02').innerText()).toContain('Delvis');
  });

  it('says it all in English for a coordinator who chose English', async () => {
    const page = await openTab(browser, url, STATUS_PEOPLE.coordinator, '/tab/?view=enheter');
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { name: 'The units at a glance' }).waitFor();
    await page.getByTestId('status-table').waitFor();
    expect(await rowText(page, 'gravdal-barnehage')).toContain(
      'Late: the deadline was Tuesday, 15 December 2020',
    );
    expect(await rowText(page, 'gravdal-barnehage')).toContain("Yes, in the unit's channel");
    expect(await rowText(page, 'lilleeng-barnehage')).toContain(
      'No: Styrer Eik has no personal chat with Planpuls, and the unit has no linked channel',
    );
    expect(await page.getByTestId('sign-matrix').textContent()).toContain('Not answered');
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { name: 'Oversikt over enhetene' }).waitFor();
  });

  it('lists the units at phone width instead of a squeezed table', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=enheter', { viewport: PHONE });
    const list = page.getByTestId('status-list');
    await list.waitFor();
    expect(await page.getByTestId('status-table').count()).toBe(0);
    expect(await list.locator('li').count()).toBe(5);
    expect(await rowText(page, 'ballstad-skole')).toContain('1 over fristen');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'status-overview-phone');
    expect(await describedViolations(page, 'status (mobil)')).toEqual([]);
  });
});
