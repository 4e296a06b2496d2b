/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { MY_PEOPLE, startMyWorkWorld } from '../support/my-work-world.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, describedViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { ensureTabBuilt } from './support/tab-server.js';

// The world (tests/support/my-work-world.ts): Monday 23 November 2026; KULG on Thursday with its
// reading card out; the LP leaders' network and REKOM next week; 2026-H2 due 15 December.
const { kari, rita, mona, nils } = MY_PEOPLE;
const PHONE = { width: 390, height: 844 };
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startMyWorkWorld(freshTables().tables));
  browser = await launchChromium();
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ');
const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').innerText();
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('«Mine» in a real browser against the real server and Azurite', () => {
  it('opens first for a rektor: her meetings with why, her reading, report and overdue action in words', async () => {
    const page = await openTab(browser, url, rita);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['Mine', 'Kalender', 'Enheter', 'Rapporter']);
    expect(await selectedTab(page)).toBe('Mine');
    await page.getByTestId('my-actions').waitFor();

    const kulg = page.getByTestId('my-meetings').locator('[data-event="kulg-des"]');
    const meeting = ((await kulg.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(meeting).toContain('Ledermøte KULG');
    expect(meeting).toContain(
      'Torsdag 26. november 2026 (om 3 dager) · 13:00–15:00 · Rådhuset, møterom Lofoten',
    );
    expect(meeting).toContain(
      'Hvorfor du er med: rollen Enhetsledere, enheten Leknes skole, nettverket KULG',
    );
    expect(meeting).toContain('Lesebestilling: Les kapittel 3 i temaplanen.');
    expect(meeting).toContain('Ikke lest ennå');
    const network = await page
      .getByTestId('my-meetings')
      .locator('[data-event="lp-nettverk-1"]')
      .textContent();
    expect(network).toContain('Hvorfor du er med: rollen Rektorer, enheten Leknes skole');
    // REKOM is the styrere's, not hers.
    expect(await text(page, 'my-meetings')).not.toContain('REKOM');
    expect(await page.getByTestId('my-meetings').locator('[data-event="kulg-jan"]').textContent()).toContain(
      'Sendes ut i Teams torsdag 7. januar 2027',
    );

    expect(await text(page, 'my-readings')).toContain('Til Ledermøte KULG, torsdag 26. november 2026');
    const report = await text(page, 'my-reports');
    expect(report).toContain('Halvårsrapport høsten 2026 – Leknes skole');
    expect(report).toContain('Frist tirsdag 15. desember 2026');
    expect(report).toContain('Ikke påbegynt');
    const late = page.getByTestId('my-actions').locator('[data-action="h1"]');
    // Overdue in words and a sign, not in colour alone.
    expect((await late.textContent())?.replace(/\s+/g, ' ')).toContain(
      '⚠ Over fristen: fredag 20. november 2026',
    );
    expect(await late.textContent()).toContain('Leknes skole · Pågår · Ansvarlig: Rita');
    const soon = await page.getByTestId('my-actions').locator('[data-action="h3"]').textContent();
    expect(soon).toContain('Frist torsdag 10. desember 2026');
    expect(await text(page, 'my-actions')).not.toContain('Lesevenner');
    expect(await text(page, 'my-actions')).not.toContain('Språkløype');
    await screenshot(page, 'mine-rektor');
    expect(await describedViolations(page, 'mine')).toEqual([]);
  });

  it('links each item to where it is done: the local plan in Enheter, and the event in the calendar', async () => {
    const page = await openTab(browser, url, rita);
    await page.getByTestId('my-actions').waitFor();
    await page.getByRole('link', { name: 'Åpne den lokale planen for Leknes skole' }).first().click();
    expect(await selectedTab(page)).toBe('Enheter');
    expect(await page.getByLabel('Enhet', { exact: true }).inputValue()).toBe('leknes-skole');
    await page.getByText('Lesekurs for lærerne.').first().waitFor();

    await page.goBack();
    await page.getByTestId('my-readings').waitFor();
    await page
      .getByTestId('my-readings')
      .getByRole('link', { name: 'Til Ledermøte KULG, torsdag 26. november 2026' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Les kapittel 3 i temaplanen.');
    expect(new URL(page.url()).searchParams.get('event')).toBe('kulg-des');
    expect(await selectedTab(page)).toBe('Kalender');
  });

  it('shows a member her network’s meeting and reading as a list at phone width, and says reports are the leaders’', async () => {
    const page = await openTab(browser, url, mona, '/tab/', { viewport: PHONE });
    expect(await selectedTab(page)).toBe('Mine');
    await page.getByTestId('my-readings').waitFor();
    const meetings = await text(page, 'my-meetings');
    expect(meetings).toContain('Hvorfor du er med: nettverket KULG');
    expect(meetings).not.toContain('Ledernettverk LP');
    expect(await text(page, 'my-readings')).toContain('Les kapittel 3 i temaplanen.');
    expect(await text(page, 'my-tasks')).toContain(
      'Rapporter og lokale planer er enhetsledernes oppgaver, og du leder ingen enhet.',
    );
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'mine-member-phone');
    expect(await describedViolations(page, 'mine phone')).toEqual([]);
  });

  it('keeps the calendar first for the kommunalsjef, and her «Mine» names her role', async () => {
    const page = await openTab(browser, url, kari);
    expect(await selectedTab(page)).toBe('Kalender');
    await page.getByRole('tab', { name: 'Mine' }).click();
    await page.getByTestId('my-tasks').getByTestId('my-readings').waitFor();
    const meeting = await page.getByTestId('my-meetings').locator('[data-event="kulg-des"]').textContent();
    expect(meeting).toContain('Hvorfor du er med: rollen Kommunalsjef');
    expect(await text(page, 'my-meetings')).not.toContain('Ledernettverk LP');
  });

  it('says in words that someone in no role, unit or network has no meetings and nothing to do', async () => {
    const page = await openTab(browser, url, nils);
    const empty = page.getByTestId('my-meetings-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain(
      'Du er ikke registrert med en rolle, en enhet eller et nettverk som har møter i planen',
    );
    expect(await page.getByTestId('my-tasks-empty').textContent()).toBe(
      'Du har ingen oppgaver nå: ingen lesing du ikke har merket som lest, ingen rapporter å levere og ingen handlinger med frist de neste 6 ukene.',
    );
  });

  it('is in English for a member who chooses it', async () => {
    const page = await openTab(browser, url, mona);
    await page.getByTestId('my-readings').waitFor();
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { name: 'My meetings' }).waitFor();
    await page.getByTestId('my-readings').waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['My work', 'Calendar', 'Units', 'Reports']);
    const meeting = await page.getByTestId('my-meetings').locator('[data-event="kulg-des"]').textContent();
    expect(meeting).toContain('Thursday, 26 November 2026 (in 3 days)');
    expect(meeting).toContain('Why you take part: the network KULG');
    expect(meeting).toContain('Not read yet');
    expect(await text(page, 'my-readings')).toContain('For Ledermøte KULG, Thursday, 26 November 2026');
    await screenshot(page, 'mine-member-english');
    // Back to Norwegian, so the stored choice does not follow her into other tests.
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { name: 'Mine møter' }).waitFor();
  });
});
