/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { cspViolations, describedViolations, screenshot, seriousViolations } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';
import { tabPlan, TODAY } from './support/tab-plan.js';
import { ADMIN, MEMBER } from './support/tab-server.js';

const LEADER = '00000000-0000-0000-0000-0000000000c1';

let app: App;
let url: string;
let browser: Browser;
const plan = tabPlan();

beforeAll(async () => {
  ({ app, url, browser } = await startTabWorld());
}, 120_000);
afterEach(() => {
  // The tab's content security policy refused nothing the tab does.
  expect(cspViolations.take()).toEqual([]);
});
afterAll(() => closeTabWorld({ app, browser }));

/** A fresh browser at 10:00 Oslo time on the tests' "today", signed in as `user`. */
const open = (user: string, path?: string, options?: Parameters<typeof openTab>[4]) =>
  openTab(browser, url, user, path, options);

const count = (page: Page) => page.getByTestId('event-count').textContent();

describe('the tab in a real browser', () => {
  it('opens the tab as the demo user chosen on the local sign-in page', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' });
    await cspViolations.watch(context);
    const page = await context.newPage();
    await page.goto(`${url}/tab/`);
    await page.getByRole('link', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Mona Medlem' }).click();
    await expect.poll(() => page.getByText('Innlogget som Mona Medlem').count()).toBe(1);
    expect(new URL(page.url()).searchParams.has('devUser')).toBe(false);
    await screenshot(page, 'sign-in-then-calendar');
  });

  it('shows this month with ISO week numbers and today marked', async () => {
    const page = await open(ADMIN);
    expect(await page.getByTestId('month-label').textContent()).toBe('november 2026');
    const weeks = await page.getByTestId('iso-week').allTextContents();
    expect(weeks).toEqual(['44', '45', '46', '47', '48', '49']);
    const today = page.locator('td[aria-current="date"]');
    expect(await today.getAttribute('data-date')).toBe(TODAY);
    expect(await today.textContent()).toContain('Ledermøte KULG i dag');
    await screenshot(page, 'calendar-month');
  });

  it('filters by a programme with its networks, and by a unit', async () => {
    const page = await open(ADMIN, '/tab/?view=kalender&mode=liste');
    const all = plan.calendar.length;
    expect(await count(page)).toBe(`${all} hendelser`);
    await page.getByLabel('Program eller nettverk').selectOption('ibsm');
    const ibsm = plan.calendar.filter((e: any) => e.programme === 'ibsm-kjernenettverk').length;
    expect(await count(page)).toBe(`${ibsm} hendelser`);
    expect(new URL(page.url()).searchParams.get('programme')).toBe('ibsm');
    await page.getByLabel('Program eller nettverk').selectOption('');
    await page.getByLabel('Enhet').selectOption('leknes-skole');
    const lp = plan.calendar.filter((e: any) => e.programme === 'lp').length;
    expect(await count(page)).toBe(`${lp} hendelser`);
    expect(await page.getByTestId('event-list').textContent()).not.toContain('KULG');
    await screenshot(page, 'calendar-list-filtered');
  });

  it('opens an event with its times, place, reading, rules and notes, and closes it', async () => {
    const page = await open(ADMIN);
    await page.locator('[data-event-id="kulg-today"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('Ledermøte KULG i dag');
    expect(text).toContain('mandag 23. november 2026 · Uke 48');
    expect(text).toContain('09:00–11:30 Del 1');
    expect(text).toContain('Rådhuset, møterom Lofoten');
    expect(text).toContain('Les kapittel 3 i temaplanen.');
    expect(text).toContain('Saker meldes inn senest 21 dager før.');
    expect(text).toContain('Meld fra til rådgiver.');
    expect(text).toContain('Hvem har lest');
    expect(new URL(page.url()).searchParams.get('event')).toBe('kulg-today');
    await screenshot(page, 'event-details');
    await page.getByRole('button', { name: 'Lukk' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('event')).toBe(false);
  });

  it('opens the view and event a deep link names', async () => {
    const page = await open(MEMBER, '/tab/?view=kalender&mode=liste&event=ibsm-1');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').first().textContent()).toBe('Kjernenettverk IBSM 1');
    expect(await page.getByTestId('event-list').count()).toBe(1);
  });

  it('lists the units and a matrix of signs whose answers are honestly empty', async () => {
    const page = await open(MEMBER, '/tab/?view=enheter');
    const units = await page.getByTestId('units-table').textContent();
    expect(units).toContain('Ballstad barnehage');
    expect(units).toContain('Privat');
    const matrix = page.getByTestId('sign-matrix');
    expect(await matrix.textContent()).toContain('Vi griper inn mot krenkelser.');
    // Two signs against the school and the kindergarten, none answered.
    expect(await matrix.locator('td').filter({ hasText: 'Ikke besvart' }).count()).toBe(1 * 1 + 2 * 2);
    await screenshot(page, 'units');
  });

  it('lets a unit leader edit the local plan, and shows the 409 message when someone else saved first', async () => {
    await app.people.save({
      aadObjectId: LEADER,
      name: 'Rektor Lund',
      roles: ['enhetsleder'],
      leads: ['leknes-skole'],
      networks: [],
      coordinates: [],
    });
    const page = await open(LEADER, '/tab/?view=enheter');
    await page.getByText('Enheten har ingen lokal plan ennå.').waitFor();
    expect(await page.getByLabel('Enhet', { exact: true }).inputValue()).toBe('leknes-skole');
    await page.getByRole('button', { name: 'Rediger planen' }).click();
    await page.getByLabel('Kartlegging').fill('Elevundersøkelsen høsten 2026.');
    await page.getByLabel('Mål').fill('Trygge overganger.');
    await page.getByRole('button', { name: 'Legg til handling' }).click();
    await page.getByLabel('Handling 1', { exact: true }).fill('Faste rutiner ved timestart.');
    await page.getByLabel('Frist').fill('2027-01-15');
    await page.getByLabel('Status').selectOption('pågår');
    await page.getByLabel('Ansvarlig').fill('Team 5–7');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'local-plan-edit');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Planen er lagret (versjon 1).').waitFor();
    const actions = await page.getByTestId('local-plan-actions').textContent();
    expect(actions).toContain('Faste rutiner ved timestart.');
    expect(actions).toContain('Pågår');
    expect(await app.reports.localPlans.get('leknes-skole')).toMatchObject({
      version: 1,
      kartlegging: 'Elevundersøkelsen høsten 2026.',
      savedBy: LEADER,
      actions: [{ id: 'h1', deadline: '2027-01-15', status: 'pågår', responsible: 'Team 5–7' }],
    });

    // The leader starts another edit; meanwhile an admin saves version 2 through the API.
    await page.getByRole('button', { name: 'Rediger planen' }).click();
    await page.getByLabel('Mål').fill('Min endring.');
    const other = await fetch(`${url}/api/units/leknes-skole/local-plan`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-planpuls-dev-user': ADMIN, 'if-match': '"1"' },
      body: JSON.stringify({
        kartlegging: 'Fra kommunalsjefen.',
        analyse: '',
        mal: 'Admin sin.',
        actions: [],
      }),
    });
    expect(other.status).toBe(200);
    await page.getByRole('button', { name: 'Lagre' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('lagret den lokale planen');
    expect(await alert.textContent()).toContain('Ingenting er lagret');
    await screenshot(page, 'local-plan-conflict');
    expect((await app.reports.localPlans.get('leknes-skole'))?.mal).toBe('Admin sin.');
    await page.getByRole('button', { name: 'Last inn planen på nytt' }).click();
    await page.getByText('Admin sin.').waitFor();
    expect(await page.getByTestId('local-plan-version').textContent()).toContain('Versjon 2');
  });

  it('does not let a member see or edit a unit’s local plan', async () => {
    const page = await open(MEMBER, '/tab/?view=enheter');
    await page.getByText('Bare enhetens ledere, administratorer og koordinatorer kan se').waitFor();
    expect(await page.getByRole('button', { name: 'Rediger planen' }).count()).toBe(0);
  });

  it('tells a member why the reports are not theirs to see, from the server', async () => {
    const page = await open(MEMBER, '/tab/?view=rapporter');
    await page.getByText('Bare administratorer, koordinatorer og enhetsledere kan se rapportene.').waitFor();
    await screenshot(page, 'reports-member');
  });

  it('hides Administrasjon from a member, even through a deep link', async () => {
    const page = await open(MEMBER, '/tab/?view=administrasjon');
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['Mine', 'Kalender', 'Enheter', 'Rapporter']);
    // The calendar is drawn once the plan has loaded; the tab list comes first.
    await page.getByRole('heading', { name: 'Kalender' }).waitFor();
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('Kalender');
    expect(await page.getByRole('heading', { name: 'Administrasjon' }).count()).toBe(0);
  });

  it('lets an admin link a channel to a network', async () => {
    const page = await open(ADMIN);
    await page.getByRole('tab', { name: 'Administrasjon' }).click();
    await page.getByText('Ingen kanaler er koblet ennå.').waitFor();
    await page.getByLabel('Nettverk eller enhet').selectOption('programme:kulg');
    await page.getByLabel('Kanal', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Koble' }).click();
    const table = page.getByTestId('links-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('KULG');
    expect(await app.links.all()).toHaveLength(1);
    await screenshot(page, 'admin');
  });

  it('offers the networks and units on the channel tab set-up page the manifest points to', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' });
    await cspViolations.watch(context);
    const page = await context.newPage();
    await page.goto(`${url}/tab?modus=konfigurer&devUser=${ADMIN}`);
    await page.getByRole('heading', { name: 'Sett opp Planpuls-fanen' }).waitFor();
    const options = await page.getByLabel('Nettverk eller enhet').locator('option').allTextContents();
    expect(options).toEqual([
      '–',
      ...plan.programmes.map((p: any) => p.name),
      ...plan.units.map((u: any) => u.name),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('loads the page again when a view’s file is gone after an update, instead of going blank', async () => {
    const page = await open(ADMIN, '/tab/?view=kalender');
    let refused = 0;
    // The first ask for the view's file fails, as it does for a tab left open across a deployment.
    await page.route(/\/tab\/assets\/reports-view-[^/]+\.js$/, (route) =>
      refused++ === 0 ? route.fulfill({ status: 404, body: '' }) : route.continue(),
    );
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await page.getByRole('heading', { name: 'Rapporter', level: 2 }).first().waitFor();
    expect(refused).toBe(2);
  });

  it('fits a phone: the month becomes a list and nothing scrolls sideways', async () => {
    // A bare address opens «Mine» for a member: the calendar is asked for by name.
    const page = await open(MEMBER, '/tab/?view=kalender', { viewport: { width: 375, height: 900 } });
    await page.getByTestId('event-list').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'calendar-phone');
  });

  it('follows a dark colour scheme outside Teams', async () => {
    const page = await open(MEMBER, '/tab/?view=kalender', { dark: true });
    const background = await page
      .locator('[data-theme]')
      .evaluate((el) => [el.getAttribute('data-theme'), getComputedStyle(el).backgroundColor]);
    expect(background[0]).toBe('dark');
    const [r, g, b] = background[1]!.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(200);
    await screenshot(page, 'calendar-dark');
  });

  it('has no serious or critical accessibility violations in any view, nor in the dark theme', async () => {
    const found: string[] = [];
    const light = ['/tab/?view=kalender&mode=liste', '/tab/?view=rapporter', '/tab/?view=administrasjon'];
    const both = ['/tab/?view=kalender', '/tab/?view=kalender&event=kulg-today', '/tab/?view=enheter'];
    for (const dark of [false, true]) {
      for (const path of dark ? both : [...both, ...light]) {
        const page = await open(ADMIN, path, { dark });
        await page.locator('main').last().waitFor();
        if (path.includes('event=')) await page.getByRole('dialog').waitFor();
        if (path.includes('enheter')) await page.getByTestId('sign-matrix').waitFor();
        if (path.includes('administrasjon')) await page.getByText('Kanalkoblinger').waitFor();
        found.push(...(await describedViolations(page, `${path}${dark ? ' (mørk)' : ''}`)));
        await page.context().close();
      }
    }
    expect(found).toEqual([]);
    // Nine page loads with axe in each: a minute on a quiet machine, more when CI shares it.
  }, 180_000);
});
