/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { ADMIN, appWithPlan } from '../support/app.js';
import { cspViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { ensureTabBuilt } from './support/tab-server.js';

// The server's clock: campaign 2020-H2 of the fixture plan is open. The browser's clock is the
// tests' "today" (openTab), Monday 23 November 2026 at 10:00, which is when she writes.
const time = { now: new Date('2020-12-01T08:00:00Z') };
const RITA = '00000000-0000-0000-0000-0000000000a3';
const FORM = '/api/reports/2020-H2/units/leknes-skole/form';
const LOCAL_PLAN = '/api/units/leknes-skole/local-plan';
const WRITTEN = 'mandag 23. november 2026 kl. 10:00';
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  app = await appWithPlan({ now: () => time.now });
  const person = (aadObjectId: string, name: string, roles: string[], leads: string[]) =>
    app.people.save({ aadObjectId, name, roles: roles as never, leads, networks: [], coordinates: [] });
  await person(RITA, 'Rita Rektor', ['enhetsleder'], ['leknes-skole']);
  await person(ADMIN, 'Kari Kommunalsjef', ['admin'], []);
  url = await app.listen();
  const opened = await fetch(`${url}/api/reports/campaigns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
    body: JSON.stringify({ id: '2020-H2' }),
  });
  expect(opened.status).toBe(201);
  browser = await launchChromium();
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Kari saves as an admin, through the same API the tab uses, while Rita is elsewhere. */
async function asKari(path: string, change: (current: Record<string, unknown>) => Record<string, unknown>) {
  const current = await (await fetch(`${url}${path}`, { headers: { [DEV_USER_HEADER]: ADMIN } })).json();
  const saved = await fetch(`${url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
    body: JSON.stringify(change(current)),
  });
  expect(saved.status).toBe(200);
}

/** Goes to another view and back, as she would from the header. */
async function awayAndBack(page: Page, back: string) {
  await page.getByRole('tab', { name: 'Kalender' }).click();
  await page.getByRole('heading', { name: 'Kalender', level: 2 }).first().waitFor();
  await page.getByRole('tab', { name: back }).click();
}

const unsaved = (page: Page) => page.getByTestId('unsaved-note');
const editor = (page: Page) => page.getByRole('form', { name: 'Rediger den lokale planen' });
const storedDrafts = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('planpuls.draft')));

describe('the local plan editor keeps what she typed when she leaves the view', () => {
  it('brings her text back, said as unsaved from when, also after a reload; «Forkast endringene» drops it', async () => {
    const page = await openTab(browser, url, RITA, '/tab/?view=enheter');
    await page.getByRole('button', { name: 'Rediger planen' }).click();
    await editor(page).getByLabel('Kartlegging').fill('Elevundersøkelsen viser lite trivsel i 7. trinn.');
    // Typed now: the form does not pretend it is saved.
    expect(await unsaved(page).textContent()).toContain('Endringene dine er ikke lagret ennå.');

    await awayAndBack(page, 'Enheter');
    expect(await editor(page).getByLabel('Kartlegging').inputValue()).toBe(
      'Elevundersøkelsen viser lite trivsel i 7. trinn.',
    );
    expect(await unsaved(page).textContent()).toContain(
      `Dette er endringene du skrev ${WRITTEN}. De er ikke lagret ennå.`,
    );
    await screenshot(page, 'drafts-local-plan-restored');

    await page.reload();
    expect(await editor(page).getByLabel('Kartlegging').inputValue()).toBe(
      'Elevundersøkelsen viser lite trivsel i 7. trinn.',
    );

    await unsaved(page).getByRole('button', { name: 'Forkast endringene' }).click();
    await page.getByText('Enheten har ingen lokal plan ennå.').waitFor();
    expect(await storedDrafts(page)).toEqual([]);
    await awayAndBack(page, 'Enheter');
    await page.getByText('Enheten har ingen lokal plan ennå.').waitFor();
    expect(await editor(page).count()).toBe(0);
  });

  it('forgets her text once it is saved', async () => {
    const page = await openTab(browser, url, RITA, '/tab/?view=enheter');
    await page.getByRole('button', { name: 'Rediger planen' }).click();
    await editor(page).getByLabel('Mål', { exact: true }).fill('Alle elever trives.');
    await awayAndBack(page, 'Enheter');
    expect(await editor(page).getByLabel('Mål', { exact: true }).inputValue()).toBe('Alle elever trives.');
    await editor(page).getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Planen er lagret (versjon 1).').waitFor();
    expect(await storedDrafts(page)).toEqual([]);
    await awayAndBack(page, 'Enheter');
    await page.getByTestId('local-plan-version').waitFor();
    expect(await page.getByTestId('local-plan').textContent()).toContain('Alle elever trives.');
    expect(await editor(page).count()).toBe(0);
    expect(await unsaved(page).count()).toBe(0);
  });

  it('refuses her brought-back text when someone saved the plan in between, naming who', async () => {
    const page = await openTab(browser, url, RITA, '/tab/?view=enheter');
    await page.getByRole('button', { name: 'Rediger planen' }).click();
    await editor(page).getByLabel('Analyse').fill('Lite trivsel henger sammen med friminuttene.');
    await page.getByRole('tab', { name: 'Kalender' }).click();
    time.now = new Date('2020-12-01T09:30:00Z');
    await asKari(LOCAL_PLAN, (current) => ({
      ...(current.plan as Record<string, unknown>),
      mal: 'Alle elever trives, sa kommunalsjefen.',
    }));

    await page.getByRole('tab', { name: 'Enheter' }).click();
    expect(await editor(page).getByLabel('Analyse').inputValue()).toBe(
      'Lite trivsel henger sammen med friminuttene.',
    );
    await editor(page).getByRole('button', { name: 'Lagre', exact: true }).click();
    const refusal = page.getByRole('alert');
    await expect
      .poll(() => refusal.textContent())
      .toContain(
        'Kari Kommunalsjef lagret den lokale planen tirsdag 1. desember 2020 kl. 10:30, etter at du åpnet den.',
      );
    // Nothing overwritten; her text is still before her.
    expect((await app.reports.localPlans.get('leknes-skole'))?.mal).toBe(
      'Alle elever trives, sa kommunalsjefen.',
    );
    expect((await app.reports.localPlans.get('leknes-skole'))?.analyse).toBe('');
    expect(await editor(page).getByLabel('Analyse').inputValue()).toBe(
      'Lite trivsel henger sammen med friminuttene.',
    );
    await screenshot(page, 'drafts-local-plan-stale');
    await refusal.getByRole('button', { name: 'Last inn planen på nytt' }).click();
    await page.getByText(/^Versjon 2, lagret av Kari Kommunalsjef/).waitFor();
    expect(await storedDrafts(page)).toEqual([]);
  });
});

describe('the half-year report form keeps what she typed when she leaves the view', () => {
  const form = (page: Page) => page.getByTestId('report-form');
  const openReports = async () => {
    const page = await openTab(browser, url, RITA, '/tab/?view=rapporter');
    await form(page).waitFor();
    return page;
  };

  it('brings her text back after another view and a reload; «Forkast endringene» drops it', async () => {
    const page = await openReports();
    await form(page)
      .getByLabel(/^Kartlegging/)
      .fill('Observasjon i friminuttene.');
    await awayAndBack(page, 'Rapporter');
    expect(
      await form(page)
        .getByLabel(/^Kartlegging/)
        .inputValue(),
    ).toBe('Observasjon i friminuttene.');
    expect(await unsaved(page).textContent()).toContain(
      `Dette er endringene du skrev ${WRITTEN}. De er ikke lagret ennå.`,
    );
    await screenshot(page, 'drafts-report-restored');
    await page.reload();
    expect(
      await form(page)
        .getByLabel(/^Kartlegging/)
        .inputValue(),
    ).toBe('Observasjon i friminuttene.');

    await unsaved(page).getByRole('button', { name: 'Forkast endringene' }).click();
    expect(
      await form(page)
        .getByLabel(/^Kartlegging/)
        .inputValue(),
    ).toBe('');
    expect(await unsaved(page).count()).toBe(0);
    await awayAndBack(page, 'Rapporter');
    expect(
      await form(page)
        .getByLabel(/^Kartlegging/)
        .inputValue(),
    ).toBe('');
    expect(await app.reports.reports.get('2020-H2', 'leknes-skole')).toBeUndefined();
  });

  it('forgets her text once the draft is saved', async () => {
    const page = await openReports();
    await form(page)
      .getByLabel(/^Kartlegging/)
      .fill('Elevundersøkelsen.');
    await awayAndBack(page, 'Rapporter');
    expect(
      await form(page)
        .getByLabel(/^Kartlegging/)
        .inputValue(),
    ).toBe('Elevundersøkelsen.');
    await form(page).getByRole('button', { name: 'Lagre utkast' }).click();
    await expect
      .poll(() => page.getByTestId('report-form-notice').textContent())
      .toBe('Utkastet er lagret (versjon 1).');
    expect(await unsaved(page).count()).toBe(0);
    expect(await storedDrafts(page)).toEqual([]);
    await page.reload();
    expect(
      await form(page)
        .getByLabel(/^Kartlegging/)
        .inputValue(),
    ).toBe('Elevundersøkelsen.');
    expect(await unsaved(page).count()).toBe(0);
  });

  it('refuses her brought-back text when someone saved the report in between, naming who and when', async () => {
    const page = await openReports();
    await form(page)
      .getByLabel(/^Fritekst/)
      .fill('Skrevet av Rita.');
    await page.getByRole('tab', { name: 'Kalender' }).click();
    time.now = new Date('2020-12-01T10:40:00Z');
    await asKari(FORM, (current) => ({
      action: 'draft',
      version: current.version,
      planVersion: current.planVersion,
      ...(current.content as Record<string, unknown>),
      fritekst: 'Lagt til av kommunalsjefen.',
    }));

    await page.getByRole('tab', { name: 'Rapporter' }).click();
    expect(
      await form(page)
        .getByLabel(/^Fritekst/)
        .inputValue(),
    ).toBe('Skrevet av Rita.');
    await form(page).getByRole('button', { name: 'Lagre utkast' }).click();
    await expect
      .poll(() => page.getByTestId('report-form-notice').textContent())
      .toContain(
        'Kari Kommunalsjef endret rapporten tirsdag 1. desember 2020 kl. 11:40, etter at du åpnet den.',
      );
    expect((await app.reports.reports.get('2020-H2', 'leknes-skole'))?.content.fritekst).toBe(
      'Lagt til av kommunalsjefen.',
    );
    expect(
      await form(page)
        .getByLabel(/^Fritekst/)
        .inputValue(),
    ).toBe('Skrevet av Rita.');
    await screenshot(page, 'drafts-report-stale');
  });
});

describe('in English', () => {
  it('says the brought-back text is unsaved in English', async () => {
    const page = await openTab(browser, url, RITA, '/tab/?view=enheter');
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    await page
      .getByRole('form', { name: 'Edit the local plan' })
      .getByLabel('Assessment')
      .fill('In English.');
    await page.getByRole('tab', { name: 'Calendar' }).click();
    await page.getByRole('tab', { name: 'Units' }).click();
    const note = unsaved(page);
    expect(await note.textContent()).toContain(
      'These are the changes you wrote on Monday 23 November 2026 at 10:00. They are not saved yet.',
    );
    expect(await note.getByRole('button', { name: 'Discard the changes' }).count()).toBe(1);
    await screenshot(page, 'drafts-local-plan-restored-en');
    await note.getByRole('button', { name: 'Discard the changes' }).click();
    await page.getByLabel('Language').selectOption('nb');
  });
});
