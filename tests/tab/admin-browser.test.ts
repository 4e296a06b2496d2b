/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { stringify } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { cspViolations, describedViolations, screenshot } from './support/browser.js';
import { tabPlan, TODAY } from './support/tab-plan.js';
import { ADMIN, MEMBER } from './support/tab-server.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';

let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, browser } = await startTabWorld());
}, 120_000);
afterEach(() => {
  // The tab's content security policy refused nothing the tab does.
  expect(cspViolations.take()).toEqual([]);
});
afterAll(() => closeTabWorld({ app, browser }));

/** The administration, in a fresh Norwegian browser at 10:00 Oslo time on the tests' "today". */
async function openAdmin(user = ADMIN): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
  await cspViolations.watch(context);
  const page = await context.newPage();
  // Fail at the step that does not happen, well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
  await page.goto(`${url}/tab/?view=administrasjon&devUser=${user}`);
  await page.getByRole('heading', { name: 'Administrasjon' }).waitFor();
  return page;
}

async function expectAccessible(page: Page) {
  expect(await describedViolations(page)).toEqual([]);
}

describe('the administration in a real browser', () => {
  it('lets an admin make a member a unit leader', async () => {
    const page = await openAdmin();
    const row = page.locator(`[data-person-id="${MEMBER}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Medlem');
    await page.getByRole('button', { name: 'Endre Mona Medlem' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('checkbox', { name: 'Enhetsleder' }).check();
    await dialog.getByRole('checkbox', { name: 'Medlem' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Ballstad barnehage' }).check();
    await screenshot(page, 'admin-person-edit');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Endringene for Mona Medlem er lagret.').waitFor();
    await expect.poll(() => row.textContent()).toContain('Ballstad barnehage');
    expect(await row.textContent()).toContain('Enhetsleder');
    expect(await app.people.get(MEMBER)).toMatchObject({
      roles: ['enhetsleder'],
      leads: ['ballstad-barnehage'],
    });
    await screenshot(page, 'admin-people');
  });

  it('tells an admin in Norwegian when someone else saved the person first', async () => {
    const page = await openAdmin();
    await page.getByRole('button', { name: 'Endre Mona Medlem' }).click();
    const current = await app.people.get(MEMBER);
    await app.people.save({ ...current!, roles: ['koordinator'] });
    await page.getByRole('dialog').getByRole('button', { name: 'Lagre' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Mona Medlem ble endret av noen andre');
    expect((await app.people.get(MEMBER))?.roles).toEqual(['koordinator']);
  });

  it('shows every problem of a bad plan file in Norwegian and stores nothing', async () => {
    const page = await openAdmin();
    const before = await app.plans.list();
    const plan = tabPlan();
    plan.calendar[12].slots = [{ start: '25:00' }];
    plan.units[0].type = 'universitet';
    await page.getByLabel('Planfil').setInputFiles({
      name: 'plan.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(stringify(plan)),
    });
    const issues = page.getByTestId('import-issues');
    await issues.waitFor();
    const text = await issues.textContent();
    expect(text).toContain('Planfilen har 2 feil');
    expect(text).toContain(
      `calendar[12] (${plan.calendar[12].id}).slots[0].start: må være et klokkeslett TT:MM`,
    );
    expect(text).toContain('units[0] (leknes-skole).type: Ugyldig valg');
    expect(text).toContain('Ingenting er lagret.');
    expect(await app.plans.list()).toEqual(before);
    await expectAccessible(page);
    await screenshot(page, 'admin-import-invalid');
  });

  it('summarises what a good file changes and imports it when confirmed', async () => {
    const page = await openAdmin();
    const plan = tabPlan();
    plan.calendar[0].date = '2026-11-25';
    await page.getByLabel('Planfil').setInputFiles({
      name: 'plan.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(stringify(plan)),
    });
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Flyttede hendelser: 1');
    expect(await summary.textContent()).toContain('Ledermøte KULG i dag');
    await screenshot(page, 'admin-import-summary');
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('plan.yaml er importert, og påminnelsene er oppdatert.').waitFor();
    const [info] = await app.plans.list();
    const stored = await app.plans.load(info!.key);
    expect(stored?.plan.calendar.find((e) => e.id === 'kulg-today')?.date).toBe('2026-11-25');
  });

  it('previews a roll-forward with every moved date, and rolls forward when confirmed', async () => {
    const page = await openAdmin();
    await page.getByLabel('Skoleår', { exact: true }).selectOption('2027-2028');
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    const preview = page.getByTestId('roll-preview');
    await preview.waitFor();
    const plan = tabPlan();
    expect(await preview.textContent()).toContain(
      `${plan.calendar.length} hendelser flyttes fra 2026-2027 til 2027-2028`,
    );
    // LP-samling 1 on Wednesday 19 August 2026 (week 34) lands on Wednesday 25 August 2027.
    const lp1 = preview.locator('[data-event-id="lp-1"]');
    expect(await lp1.textContent()).toMatch(/ons\.? 19\. aug\.? 2026.*ons\.? 25\. aug\.? 2027/);
    expect(await app.plans.load('testkommune.2027-2028')).toBeUndefined();
    await expectAccessible(page);
    await screenshot(page, 'admin-roll-forward-preview');
    await page.getByRole('button', { name: 'Rull fram til 2027-2028' }).click();
    await page.getByText('Planen for 2027-2028 er lagret').waitFor();
    expect((await app.plans.load('testkommune.2027-2028'))?.info.rolledFrom).toBe('2026-2027');
  });

  it('changes a programme’s reminder rule and refuses an invalid one with the validator’s words', async () => {
    const page = await openAdmin();
    const days = page.getByLabel('Dager før for KULG');
    await days.fill('80');
    await page.getByRole('button', { name: 'Lagre regler' }).click();
    const issues = page.getByTestId('rules-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain(
      'programmes[0] (kulg).defaults.readingLeadDays: kan være høyst 60 dager',
    );
    await days.fill('10');
    await page.getByRole('button', { name: 'Lagre regler' }).click();
    await page.getByText('Reglene er lagret som en ny versjon av planen').waitFor();
    const [info] = (await app.plans.list()).filter((p) => p.schoolYear === '2026-2027');
    const stored = await app.plans.load(info!.key);
    expect(stored?.plan.programmes.find((p) => p.id === 'kulg')?.defaults?.readingLeadDays).toBe(10);
    await expectAccessible(page);
    await screenshot(page, 'admin-reminder-rules');
  });

  it('shows a member neither the administration nor its people', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' });
    await cspViolations.watch(context);
    const page = await context.newPage();
    await page.goto(`${url}/tab/?view=administrasjon&devUser=${MEMBER}`);
    await page.getByRole('tablist').waitFor();
    expect(await page.getByRole('tab', { name: 'Administrasjon' }).count()).toBe(0);
    expect(await page.getByTestId('people-table').count()).toBe(0);
  });
});
