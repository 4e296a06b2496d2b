/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { importPlan } from '../../bot/use-cases/import-plan.js';
import { ADMIN, appWithPlan } from '../support/app.js';
import { planFixture, planYaml } from '../support/plan-fixture.js';
import { cspViolations, describedViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { ensureTabBuilt } from './support/tab-server.js';

// Campaign 2020-H2 of the fixture plan: opens Tuesday 1 December 2020, due Tuesday 15 December.
const time = { now: new Date('2020-12-01T08:00:00Z') };
const RITA = '00000000-0000-0000-0000-0000000000a3';
const FORM = '/api/reports/2020-H2/units/leknes-skole/form';
const PHONE = { width: 390, height: 844 };
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  app = await appWithPlan({ now: () => time.now });
  const plan = planFixture();
  plan.futurePictures.push({
    id: 'laeringsmiljo',
    title: 'Trygt og godt læringsmiljø',
    appliesTo: ['skole'],
    signs: [
      { id: 'miljo-01', text: 'Alle barn har en voksen de stoler på.' },
      { id: 'miljo-02', text: 'Vi griper inn mot krenkelser.' },
    ],
  });
  await importPlan({ plans: app.plans, clock: { now: () => time.now } }, planYaml(plan));
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

const form = (page: Page) => page.getByTestId('report-form');
const notice = (page: Page) => page.getByTestId('report-form-notice');
const status = (page: Page) => page.getByTestId('report-form-status').textContent();
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function openReports(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openTab(browser, url, RITA, '/tab/?view=rapporter', viewport ? { viewport } : {});
  await form(page).waitFor();
  return page;
}

describe('a leader fills in her report in the tab, as on the card', () => {
  it('shows her unit’s open request and its form, and keeps a draft with who saved it when', async () => {
    const page = await openReports();
    const mine = page.getByTestId('my-reports');
    expect(await mine.textContent()).toContain('Halvårsrapport høsten 2020: Leknes skole');
    expect(await mine.textContent()).toContain('Frist tirsdag 15. desember 2020');
    expect(await mine.textContent()).toContain('Ikke påbegynt');
    expect(await status(page)).toBe('Ikke påbegynt.');
    // Every sign of the unit's pictures, to answer ja / delvis / nei.
    const sign = form(page).getByRole('group', { name: 'Vi griper inn mot krenkelser.' });
    for (const answer of ['Ja', 'Delvis', 'Nei'])
      expect(await sign.getByRole('radio', { name: answer, exact: true }).count()).toBe(1);

    await form(page)
      .getByLabel(/^Kartlegging/)
      .fill('Elevundersøkelsen og observasjon.');
    await form(page).getByRole('button', { name: 'Lagre utkast' }).click();
    await expect.poll(() => notice(page).textContent()).toBe('Utkastet er lagret (versjon 1).');
    expect(await status(page)).toBe(
      'Utkast (versjon 1), lagret tirsdag 1. desember 2020 kl. 09:00 av Rita Rektor.',
    );
    expect(await mine.textContent()).toContain('Utkast lagret');
    expect(await describedViolations(page, 'rapportskjema')).toEqual([]);
    await screenshot(page, 'report-form-draft');
  });

  it('refuses an incomplete submit and says under each field what is missing', async () => {
    const page = await openReports();
    expect(
      await form(page)
        .getByLabel(/^Kartlegging/)
        .inputValue(),
    ).toBe('Elevundersøkelsen og observasjon.');
    await form(page).getByRole('button', { name: 'Send inn', exact: true }).click();
    await expect.poll(() => notice(page).textContent()).toContain('Ikke lagret. Rett opp dette:');
    expect(await notice(page).textContent()).toContain('«Analyse» må fylles ut.');
    expect(await notice(page).getAttribute('role')).toBe('alert');
    const analyse = form(page).getByLabel(/^Analyse/);
    expect(await analyse.getAttribute('aria-invalid')).toBe('true');
    // The message under the field is what a screen reader reads with it.
    const describedBy = (await analyse.getAttribute('aria-describedby'))!.split(' ');
    const described = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(described.join(' ')).toContain('«Analyse» må fylles ut.');
    expect(await form(page).textContent()).toContain('Tegnet «Vi griper inn mot krenkelser.» må besvares.');
    // Each problem in the list links to its field: Enter on the link puts the keyboard there.
    await notice(page).getByRole('link', { name: '«Analyse» må fylles ut.' }).focus();
    await page.keyboard.press('Enter');
    expect(await analyse.evaluate((el) => el === document.activeElement)).toBe(true);
    // A picture's unanswered signs are one line, linking to the first of them.
    await notice(page)
      .getByRole('link', { name: '2 tegn under «Trygt og godt læringsmiljø» er ikke besvart.' })
      .click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
      'radio',
    );
    // The first answer of that sign, inside the field that names it.
    expect(
      await page.evaluate(() => document.activeElement?.closest('[id*="-signs-"]')?.textContent ?? ''),
    ).toContain('Alle barn har en voksen de stoler på.');
    // One answered: the line counts what is left, and links on.
    await page.keyboard.press('Space');
    expect(
      await notice(page)
        .getByRole('link', { name: '1 tegn under «Trygt og godt læringsmiljø» er ikke besvart.' })
        .count(),
    ).toBe(1);
    // «At least one action» links to «Legg til handling».
    await notice(page).getByRole('link', { name: 'Planen må ha minst én handling.' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Legg til handling');
    expect(await status(page)).toContain('Utkast (versjon 1)');
    await screenshot(page, 'report-form-invalid');
    // What she mends leaves the field and the list; what she has not, stays.
    await analyse.fill('Mobbing skjer mest i friminuttene.');
    expect(await analyse.getAttribute('aria-invalid')).not.toBe('true');
    expect(await notice(page).textContent()).not.toContain('«Analyse» må fylles ut.');
    expect(await form(page).textContent()).not.toContain('«Analyse» må fylles ut.');
    expect(await notice(page).textContent()).toContain('«Mål» må fylles ut.');
    await notice(page).getByRole('link', { name: 'Planen må ha minst én handling.' }).click();
    await page.keyboard.press('Enter');
    expect(await form(page).textContent()).not.toContain('Planen må ha minst én handling.');
  });

  it('submits the complete report, and the card’s own path has it (version, local plan)', async () => {
    time.now = new Date('2020-12-01T09:15:00Z');
    const page = await openReports();
    const f = form(page);
    await f.getByLabel(/^Analyse/).fill('Mobbing skjer mest i friminuttene.');
    await f.getByLabel(/^Mål/).fill('Alle elever opplever et trygt skolemiljø.');
    await f.getByRole('button', { name: 'Legg til handling' }).click();
    await f.getByLabel(/^Handling 1/).fill('Flere voksne ute i friminuttene.');
    await f.getByLabel(/^Frist for handling 1/).fill('2021-03-01');
    await f.getByLabel(/^Status for handling 1/).selectOption('pågår');
    for (const [sign, answer] of [
      ['Vi har en plan.', 'Ja'],
      ['Alle barn har en voksen de stoler på.', 'Delvis'],
      ['Vi griper inn mot krenkelser.', 'Nei'],
    ] as const)
      await f.getByRole('group', { name: sign }).getByRole('radio', { name: answer }).check();
    await f
      .getByRole('group', { name: 'Vi griper inn mot krenkelser.' })
      .getByLabel(/^Kommentar/)
      .fill('Vi trenger en felles rutine.');
    await f.getByLabel(/^Tidsressurser/).fill('To timer i uka for plangruppa.');
    await f.getByRole('button', { name: 'Send inn', exact: true }).click();
    await expect.poll(() => notice(page).textContent()).toBe('Rapporten er sendt inn (versjon 2).');
    expect(await status(page)).toBe('Sendt inn tirsdag 1. desember 2020 kl. 10:15 av Rita Rektor.');
    expect(await f.getByRole('button', { name: 'Send inn endringer' }).count()).toBe(1);
    expect(await f.getByRole('button', { name: 'Lagre utkast' }).count()).toBe(0);
    const report = await app.reports.reports.get('2020-H2', 'leknes-skole');
    expect(report?.status).toBe('sendt');
    expect(report?.content.signs['miljo-02']).toEqual({
      answer: 'nei',
      comment: 'Vi trenger en felles rutine.',
    });
    expect((await app.reports.localPlans.get('leknes-skole'))?.actions[0]?.status).toBe('pågår');
    await screenshot(page, 'report-form-submitted');
  });

  it('refuses a stale save with who changed the report and when, and gets the latest version', async () => {
    const page = await openReports();
    // Someone else saves after she opened the form (the card's path, through the same use case).
    time.now = new Date('2020-12-01T10:40:00Z');
    const current = await (await fetch(`${url}${FORM}`, { headers: { [DEV_USER_HEADER]: ADMIN } })).json();
    const changed = await fetch(`${url}${FORM}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
      body: JSON.stringify({
        action: 'submit',
        version: current.version,
        planVersion: current.planVersion,
        ...current.content,
        fritekst: 'Lagt til av kommunalsjefen.',
      }),
    });
    expect(changed.status).toBe(200);

    await form(page)
      .getByLabel(/^Fritekst/)
      .fill('Skrevet av Rita.');
    await form(page).getByRole('button', { name: 'Send inn endringer' }).click();
    await expect
      .poll(() => notice(page).textContent())
      .toContain(
        'Kari Kommunalsjef endret rapporten tirsdag 1. desember 2020 kl. 11:40, etter at du åpnet den. ' +
          'Endringene dine er ikke lagret',
      );
    // Her text stays until she asks for the latest version.
    expect(
      await form(page)
        .getByLabel(/^Fritekst/)
        .inputValue(),
    ).toBe('Skrevet av Rita.');
    await screenshot(page, 'report-form-stale');
    await notice(page).getByRole('button', { name: 'Hent siste versjon' }).click();
    await expect
      .poll(() =>
        form(page)
          .getByLabel(/^Fritekst/)
          .inputValue(),
      )
      .toBe('Lagt til av kommunalsjefen.');
    expect(await status(page)).toBe(
      'Sendt inn tirsdag 1. desember 2020 kl. 10:15, endret tirsdag 1. desember 2020 kl. 11:40 av Kari Kommunalsjef.',
    );
  });

  it('is in English when she chooses English, and fits a phone', async () => {
    const page = await openReports(PHONE);
    await page.getByLabel('Språk').selectOption('en');
    await expect
      .poll(() => page.getByTestId('my-reports').textContent())
      .toContain('Reports for you to submit');
    await form(page).waitFor();
    await expect
      .poll(() => status(page))
      .toBe(
        'Submitted Tuesday 1 December 2020 at 10:15, changed Tuesday 1 December 2020 at 11:40 by Kari Kommunalsjef.',
      );
    expect(await form(page).textContent()).toContain('Signs of good practice');
    expect(await form(page).getByRole('button', { name: 'Submit changes' }).count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await describedViolations(page, 'phone, English')).toEqual([]);
    await screenshot(page, 'report-form-phone-en');
  });

  it('shows the kommunalsjef in the overview when the report was changed, and by whom', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    await page.getByRole('button', { name: 'Åpne rapporten fra Leknes skole' }).click();
    await expect
      .poll(() => page.getByTestId('unit-report-saved').textContent())
      .toBe(
        'Sendt inn tirsdag 1. desember 2020 kl. 10:15, endret tirsdag 1. desember 2020 kl. 11:40 av Kari Kommunalsjef.',
      );
    // She leads no unit: no form of her own above the overview.
    expect(await page.getByTestId('my-reports').count()).toBe(0);
  });
});
