/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { schoolYear } from '../../bot/domain/calendar/school-year.js';
import { silentLogger } from '../../bot/log/logger.js';
import { importPlan } from '../../bot/use-cases/import-plan.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { TODAY } from './support/tab-plan.js';
import { ADMIN, ensureTabBuilt, MEMBER } from './support/tab-server.js';

/** A phone in Teams mobile: the tab gets the screen's width. */
const PHONE = { width: 390, height: 844 };

let app: App;
let url: string;
let browser: Browser;
let planKey: string;

/** The demo plan as a first start on the tests' "today" imports it: rolled to 2026–2027. */
beforeAll(async () => {
  await ensureTabBuilt();
  const clock = { now: () => new Date(`${TODAY}T08:00:00Z`) };
  app = createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
    logger: silentLogger,
    clock,
    tables: freshTables().tables,
    deliver: false,
  });
  const yaml = await readFile('data/plans/vestvagoy-2020-2021.yaml', 'utf8');
  planKey = (await importPlan({ plans: app.plans, clock }, yaml, { schoolYear: schoolYear(2026) })).info.key;
  await app.people.save({
    aadObjectId: MEMBER,
    name: 'Mona Medlem',
    roles: ['medlem'],
    leads: [],
    networks: ['kulg'],
    coordinates: [],
  });
  url = await app.listen();
  browser = await launchChromium();
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The placeholders the tab used to show for what was not built yet. */
const NO_PLACEHOLDER = /: kommer|kommer når|som ikke finnes ennå|når rapportene er bygget/i;

describe('the calendar of the demo plan rolled to 2026–2027', () => {
  it('names the school year 2026–2027 in the header and in the event calendar file, never 2020–2021', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender');
    await page.getByRole('heading', { level: 1, name: /·/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Planpuls · Utviklingsplan Utdanning/Oppvekst 2026–2027',
    );
    const ics = await (await fetch(`${url}/api/events/kulg-01.ics?plan=${planKey}`)).text();
    expect(ics).toContain('X-WR-CALNAME:Utviklingsplan Utdanning/Oppvekst 2026–2027');
    expect(ics).not.toContain('2020');
  });

  it('lists from today with year headings, and shows the earlier events on request', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste');
    const list = page.getByTestId('event-list');
    await list.waitFor();
    const dates = async () =>
      list
        .locator('[data-event-id]')
        .evaluateAll((links) => links.map((l) => l.getAttribute('data-event-id')));
    const upcoming = await dates();
    expect(upcoming[0]).toBe('lp-07'); // runs 5 October to 27 November: still on today
    expect(upcoming).not.toContain('kulg-01');
    expect(await list.getByTestId('year-heading').allTextContents()).toEqual(['2026', '2027']);
    // 24 meetings and the milestone «local plans ready at school start» (17 August 2026).
    const earlier = page.getByRole('button', { name: 'Vis tidligere hendelser (25)' });
    await screenshot(page, 'calendar-list-from-today');
    await earlier.click();
    expect(await dates()).toHaveLength(39); // 35 meetings and 4 dated milestones
    expect((await dates())[0]).toBe('kulg-01');
    await page.getByRole('button', { name: 'Skjul tidligere hendelser' }).click();
    expect(await dates()).toEqual(upcoming);
  });

  it("shows Gravdal barnehage the 33 events its people take part in, not the regional project group's", async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste');
    await page.getByLabel('Enhet').selectOption('gravdal-barnehage');
    // 30 meetings and the 3 milestones its leader (enhetsledere) answers for.
    expect(await page.getByTestId('event-count').textContent()).toBe('33 hendelser');
    await page.getByRole('button', { name: /Vis tidligere hendelser/ }).click();
    const text = await page.getByTestId('event-list').textContent();
    expect(text).not.toContain('Regional prosjektgruppe');
    expect(text).not.toContain('Møte i regional prosjektgruppe LP');
    expect(text).toContain('Lederutvikling');
    await screenshot(page, 'calendar-gravdal');
  });

  it('gives the event as a calendar file and the person a subscribe link, with no «kommer» and no transcription notes', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste&event=lp-09');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const download = dialog.getByRole('link', { name: 'Last ned hendelsen (.ics)' });
    expect(await download.getAttribute('href')).toBe(
      `/api/events/lp-09.ics?plan=${encodeURIComponent(planKey)}`,
    );
    const file = await fetch(`${url}${await download.getAttribute('href')}`);
    expect(file.headers.get('content-type')).toContain('text/calendar');
    expect(await dialog.textContent()).not.toMatch(NO_PLACEHOLDER);
    expect(await dialog.textContent()).not.toContain('kommer');
    expect(await dialog.textContent()).not.toContain('trykt');
    await dialog.getByRole('button', { name: 'Lag abonnementslenke' }).click();
    const open = dialog.getByRole('link', { name: 'Åpne i kalenderprogrammet' });
    await open.waitFor();
    expect(await open.getAttribute('href')).toMatch(
      /^webcal:\/\/127\.0\.0\.1:\d+\/api\/feeds\/[\w-]{43}\.ics$/,
    );
    const feedUrl = await dialog.getByLabel('Abonnementslenke').inputValue();
    const feed = await (await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, url))).text();
    expect(feed).toContain('SUMMARY:Ledermøte'); // Mona is in KULG
    expect(feed).not.toContain('regional prosjektgruppe');
    await screenshot(page, 'event-details-ics');
  });

  it('speaks of a past agenda deadline and publication in the past, and of a coming one in the future', async () => {
    const agendaOf = async (event: string) => {
      const page = await openTab(browser, url, MEMBER, `/tab/?view=kalender&mode=liste&event=${event}`);
      return page.getByTestId('agenda-dates').textContent();
    };
    // lp-07 runs from 5 October to 27 November: not over, but its deadline has passed.
    const past = await agendaOf('lp-07');
    expect(past).toMatch(/^Fristen for saker var \S+ \d+\. \S+ 2026$/);
    expect(past).not.toContain('sendes');
    expect(await agendaOf('lp-09')).toBe(
      'Frist for saker: torsdag 24. desember 2026 · sakslisten sendes torsdag 7. januar 2027',
    );
  });

  it('shows an administrator the notes on how the event was transcribed', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=kalender&mode=liste&event=lp-09');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Merknader om kilden (bare for administratorer)');
    expect(await dialog.textContent()).toContain('Første tidsrom er trykt som 08.30-15.00');
  });

  it('shows Lederutvikling once, without the same name as a badge beside it', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste');
    const row = page.locator('li', { has: page.locator('[data-event-id="lederutvikling-04"]') });
    await row.waitFor();
    expect((await row.textContent())?.match(/Lederutvikling/g)).toHaveLength(1);
  });

  it('says nothing is coming later on the units and reports views', async () => {
    for (const view of ['enheter', 'rapporter']) {
      const page = await openTab(browser, url, ADMIN, `/tab/?view=${view}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main').textContent(), view).not.toMatch(NO_PLACEHOLDER);
    }
  });
});

describe('at phone width (390 px)', () => {
  it('lists the units as short rows with every word visible, under a compact header', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=enheter', { viewport: PHONE });
    const list = page.getByTestId('units-list');
    await list.waitFor();
    expect(await page.getByTestId('units-table').count()).toBe(0);
    const rows = await list.locator('li').evaluateAll((items) =>
      items.map((li) => ({
        height: li.getBoundingClientRect().height,
        clipped: Array.from(li.querySelectorAll('*')).some((el) => el.scrollWidth > el.clientWidth + 1),
      })),
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(Math.max(...rows.map((r) => r.height))).toBeLessThan(160);
    expect(rows.filter((r) => r.clipped)).toEqual([]);
    const header = await page.locator('header').evaluate((h) => h.getBoundingClientRect().height);
    expect(header).toBeLessThan(PHONE.height / 5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({
      path: new URL('../../test-artifacts/tab/units-phone.png', import.meta.url).pathname,
    });
  });

  it('lists the calendar from today with its years at phone width', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste', { viewport: PHONE });
    await page.getByTestId('event-list').waitFor();
    expect(await page.getByTestId('year-heading').allTextContents()).toEqual(['2026', '2027']);
    await page.screenshot({
      path: new URL('../../test-artifacts/tab/calendar-list-phone.png', import.meta.url).pathname,
    });
  });

  it('fits the event dialog with its calendar links on the phone', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste&event=lp-09', {
      viewport: PHONE,
    });
    const dialog = page.getByRole('dialog');
    // Mona made her link in an earlier test: the dialog shows it again.
    await dialog.getByRole('link', { name: 'Åpne i kalenderprogrammet' }).waitFor();
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({
      path: new URL('../../test-artifacts/tab/event-dialog-phone.png', import.meta.url).pathname,
    });
  });
});
