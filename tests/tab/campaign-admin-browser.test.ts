/// <reference lib="dom" />
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { cspViolations, describedViolations, screenshot } from './support/browser.js';
import { RITA, seedLeaders } from './support/campaign-admin-data.js';
import { openTab } from './support/open-tab.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';
import { ADMIN, MEMBER } from './support/tab-server.js';

// The kommunalsjef runs a request from the tab's Rapporter view, in a real browser against the
// real server and storage: form, preview, send, live progress, remind now, move the deadline,
// close. The cards are checked as the outbox holds them for the connector. Today is Monday
// 23 November 2026.
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, browser } = await startTabWorld());
  await seedLeaders(app);
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(() => closeTabWorld({ app, browser }));

const ID = 'kontaktperson-for-skolemiljo';
const ritaCard = async () =>
  JSON.stringify((await app.outbox.message(`rapport-${ID}-leknes-skole-${RITA}`))?.activity ?? null);

async function reports(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Rapporter|Reports/ }).click();
  await page.getByRole('heading', { name: /^(Rapporter|Reports)$/ }).waitFor();
}

/** Presses a button, then the confirmation dialog's own. */
async function confirmed(page: Page, button: string, confirm: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: confirm }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('«Ny innhenting» in Rapporter', () => {
  it('is not offered to a member or a unit leader', async () => {
    for (const user of [MEMBER, RITA]) {
      const page = await openTab(browser, url, user);
      await reports(page);
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('button', { name: 'Ny innhenting' }).count()).toBe(0);
      await page.context().close();
    }
  });

  it('takes the kommunalsjef from a request with questions to preview, send, progress, reminder, new deadline and close', async () => {
    const page = await openTab(browser, url, ADMIN);
    await reports(page);
    await page.getByRole('button', { name: 'Ny innhenting' }).click();
    // The button is gone: the form's heading has the keyboard, and so has the preview's later.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ny-innhenting');
    await page.getByRole('radio', { name: 'Annen forespørsel med egne spørsmål' }).check();
    await page.getByLabel('Tittel').fill('Kontaktperson for skolemiljø');
    await page.getByLabel('Spørsmål 1').fill('Hvem er enhetens kontaktperson for skolemiljø?');
    await page.getByTestId('new-deadline').fill('2026-12-11');
    // The date in words beside the input, whatever order the browser shows it in.
    expect(await page.getByTestId('new-deadline-words').textContent()).toBe(
      'Valgt dato: fredag 11. desember 2026',
    );
    expect(await describedViolations(page, 'form')).toEqual([]);
    await screenshot(page, 'campaign-admin-form');

    await page.getByRole('button', { name: 'Forhåndsvis mottakere' }).click();
    const preview = page.getByTestId('campaign-preview');
    await preview.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('innhenting-forhandsvisning');
    expect(await preview.getByTestId('preview-reached').textContent()).toBe('2 av 3 enheter nås.');
    expect(await preview.getByTestId('preview-units').locator('li').allTextContents()).toEqual([
      'Leknes skole: Rita Rektor (personlig chat)',
      'Ballstad barnehage: Stian Styrer (enhetens kanal)',
    ]);
    expect(await preview.getByTestId('preview-unreached').locator('li').allTextContents()).toEqual([
      'PPT Vest-Lofoten: ingen leder registrert, og enheten har ingen koblet kanal',
    ]);
    expect(await preview.textContent()).toContain('frist fredag 11. desember 2026. Ingenting er sendt ennå.');
    // Nothing sent by the preview.
    expect(await ritaCard()).toBe('null');
    expect(await describedViolations(page, 'preview')).toEqual([]);
    await screenshot(page, 'campaign-admin-preview');

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const ask = page.getByRole('alertdialog');
    expect(await ask.textContent()).toContain('går til 2 av 3 enheter med frist fredag 11. desember 2026');
    await ask.getByRole('button', { name: 'Ja, send nå' }).click();
    await page.getByTestId('campaign-sent').waitFor();
    // «Send» and the preview are gone: the answer has the keyboard, not the page's start.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role=status]')?.textContent ?? ''))
      .toContain('Sendt til 2 av 3 enheter.');
    expect(await page.getByTestId('campaign-sent').textContent()).toBe(
      'Sendt til 2 av 3 enheter. Fremdriften og hvem som ikke kan nås, står under.',
    );
    const progress = page.getByTestId('campaign-progress');
    await progress.waitFor();
    expect(await progress.getByTestId('progress-submitted').textContent()).toBe(
      '0 av 3 enheter har sendt inn',
    );
    // PPT, which nothing reached, is counted as not asked, not as not started.
    expect(await progress.textContent()).toContain('0 med utkast, 2 ikke påbegynt, 1 ikke spurt');
    expect(await progress.getByTestId('progress-cards').textContent()).toBe(
      'Kort i Teams: 0 levert, 2 venter, 0 feilet',
    );
    expect(await ritaCard()).toContain('Hvem er enhetens kontaktperson for skolemiljø?');
    expect(await ritaCard()).toContain('fredag 11. desember 2026');

    // Live: a unit's report comes in while the page is open; the next poll shows it.
    const rita = (await app.people.get(RITA))!;
    await app.reports.reports.save({
      campaignId: ID,
      unitId: 'leknes-skole',
      status: 'sendt',
      version: 1,
      content: {
        kartlegging: '',
        analyse: '',
        mal: '',
        actions: [],
        tidsressurser: '',
        fritekst: '',
        signs: {},
        answers: { q1: 'Inspektør Ola Nordmann' },
      },
      savedBy: rita.aadObjectId,
      savedByName: 'Rita Rektor',
      savedAt: '2026-11-23T09:05:00.000Z',
      submittedAt: '2026-11-23T09:05:00.000Z',
      late: false,
    });
    await expect
      .poll(() => progress.getByTestId('progress-submitted').textContent(), { timeout: 15_000 })
      .toBe('1 av 3 enheter har sendt inn');

    await confirmed(page, 'Send påminnelse nå', 'Ja, send påminnelse');
    expect(await page.getByTestId('progress-notice').textContent()).toBe(
      'Påminnelse sendt til 1 enhet. 1 enhet kan ikke nås.',
    );
    await confirmed(page, 'Send påminnelse nå', 'Ja, send påminnelse');
    expect(await page.getByTestId('progress-notice').textContent()).toContain(
      '1 enhet fikk påminnelse fra fanen tidligere i dag',
    );

    await page.getByRole('button', { name: 'Flytt frist' }).click();
    await page.getByTestId('move-deadline').fill('2026-12-18');
    expect(await page.getByTestId('move-deadline-words').textContent()).toBe(
      'Valgt dato: fredag 18. desember 2026',
    );
    await screenshot(page, 'campaign-admin-move');
    await page.getByRole('button', { name: 'Lagre ny frist' }).click();
    await expect
      .poll(() => page.getByTestId('progress-notice').textContent())
      .toBe(
        'Fristen er flyttet til fredag 18. desember 2026. Kortene lederne har fått, viser den nye fristen.',
      );
    await expect
      .poll(() => progress.getByTestId('progress-deadline').textContent())
      .toBe('Frist fredag 18. desember 2026');
    await app.tick();
    // Rita submitted: her card is the summary, editable until the new deadline.
    expect(await ritaCard()).toContain('til og med fredag 18. desember 2026');
    const channelCard = JSON.stringify(
      (await app.outbox.message(`rapport-${ID}-ballstad-barnehage-kanal`))?.activity,
    );
    expect(channelCard).toContain('send den inn innen fredag 18. desember 2026');

    await confirmed(page, 'Avslutt', 'Ja, avslutt');
    await progress.getByTestId('progress-closed').waitFor();
    // «Sendt til …» is past news once it is closed.
    expect(await page.getByTestId('campaign-sent').count()).toBe(0);
    // «Avslutt» is gone: the answer has the keyboard.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role=status]')?.textContent ?? ''))
      .toContain(await progress.getByTestId('progress-notice').textContent());
    expect(await progress.getByTestId('progress-closed').textContent()).toMatch(
      /^Avsluttet mandag 23\. november 2026 kl\. 09:00 av .+\. Lederne kan ikke sende inn mer\.$/,
    );
    expect(await progress.getByRole('button', { name: 'Send påminnelse nå' }).count()).toBe(0);
    await app.tick();
    expect(await ritaCard()).toContain('Innhentingen ble avsluttet mandag 23. november 2026');
    // The confirmation dialog has gone, and with it the page's aria-hidden while it was open.
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await page.locator('#root:not([aria-hidden])').waitFor();
    expect(await describedViolations(page, 'progress')).toEqual([]);
    await screenshot(page, 'campaign-admin-closed');
    await page.context().close();
  });

  it('works at phone width and in English', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/', { viewport: { width: 390, height: 844 } });
    await page.getByLabel('Språk').selectOption('en');
    await reports(page);
    await page.getByRole('button', { name: 'New request' }).click();
    await page.getByRole('radio', { name: 'Half-year report' }).check();
    await page.getByLabel('Half year').selectOption('2027-H1');
    await page.getByRole('button', { name: 'Preview recipients' }).click();
    const preview = page.getByTestId('campaign-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(
      'Opens Tuesday, 1 June 2027, deadline Tuesday, 15 June 2027.',
    );
    expect(await preview.getByTestId('preview-units').locator('li').first().textContent()).toBe(
      'Leknes skole: Rita Rektor (personal chat)',
    );
    expect(await preview.getByTestId('preview-unreached').textContent()).toContain(
      'PPT Vest-Lofoten: no leader registered, and the unit has no linked channel',
    );
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await describedViolations(page, 'phone preview')).toEqual([]);
    await screenshot(page, 'campaign-admin-phone-preview');
    await page.getByRole('button', { name: 'Back to the form' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    // The closed request's progress, in English, at phone width.
    const progress = page.getByTestId('campaign-progress');
    await progress.waitFor();
    expect(await progress.getByTestId('progress-submitted').textContent()).toBe(
      '1 of 3 units have submitted',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'campaign-admin-phone-progress');
    await page.getByLabel('Language').selectOption('nb');
    await page.context().close();
  });
});
