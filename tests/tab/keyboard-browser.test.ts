/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { ARTIFACTS, cspViolations, screenshot } from './support/browser.js';
import { dialogKeepsAndReturnsFocus, hiddenFocus, tabTo, walkWithTab } from './support/keyboard.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { openTab } from './support/open-tab.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';
import { LEADER } from './support/report-data.js';
import { ADMIN } from './support/tab-server.js';

// Keyboard only (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7): in each flow every control is reached with Tab,
// focus shows at every stop, and a dialog keeps focus while open and gives it back when closed.

let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, browser } = await startTabWorld({ reports: true }));
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(() => closeTabWorld({ app, browser }));

/** Walks the page with Tab: every control reached, focus seen at each stop. */
async function expectWalkable(page: Page) {
  const walk = await walkWithTab(page);
  expect(walk.unreached).toEqual([]);
  expect(hiddenFocus(walk)).toEqual([]);
  return walk;
}

describe('the keyboard walk itself', () => {
  it('names a control whose focus does not show, and one Tab never reaches', async () => {
    const page = await browser.newPage();
    await page.setContent(`<style>#plain:focus { outline: none }</style>
      <button>Synlig</button><button id="plain">Usynlig</button><div onclick="">Bare mus</div>
      <button tabindex="-1">Utenfor</button><a href="#x">Lenke</a>`);
    const walk = await walkWithTab(page);
    expect(walk.stops.map((s) => s.name)).toEqual([
      'button[submit] "Synlig"',
      'button[submit] "Usynlig"',
      'a "Lenke"',
    ]);
    expect(hiddenFocus(walk)).toEqual(['button[submit] "Usynlig"']);
    expect(walk.unreached).toEqual(['button[submit] "Utenfor"']);
    await page.close();
  });
});

describe('the calendar with the keyboard only', () => {
  it('reaches every control in the month, opens an event with Enter and gets focus back', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=kalender');
    const walk = await expectWalkable(page);
    expect(walk.stops.map((s) => s.name)).toContain('button[button] "Neste måned"');
    const chip = page.locator('[data-event-id="kulg-today"]');
    await tabTo(page, chip);
    await page.screenshot({ path: new URL('keyboard-month-focus.png', ARTIFACTS).pathname });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The agenda panel loads after the dialog opens: walk it once its form is there.
    await dialog.getByRole('button', { name: 'Meld inn' }).waitFor();
    await expectWalkable(page);
    await screenshot(page, 'keyboard-event-details');
    expect(await dialogKeepsAndReturnsFocus(page, dialog, chip)).toEqual([]);
  });

  it('reaches every control in the list and closes an event with its button', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=kalender&mode=liste');
    await expectWalkable(page);
    const open = page.getByTestId('event-list').locator('[data-event-id="kulg-today"]');
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    expect(
      await dialogKeepsAndReturnsFocus(page, dialog, open, () =>
        dialog.getByRole('button', { name: 'Lukk' }).last().press('Enter'),
      ),
    ).toEqual([]);
  });
});

describe('Enheter with the keyboard only', () => {
  it('reaches every control of the status overview and the units', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=enheter');
    await page.getByTestId('status-overview').waitFor();
    await expectWalkable(page);
    await screenshot(page, 'keyboard-units');
  });

  it('lets a unit leader edit and save the local plan', async () => {
    const page = await openTab(browser, url, LEADER, '/tab/?view=enheter');
    const edit = page.getByRole('button', { name: 'Rediger planen' });
    await edit.waitFor();
    await tabTo(page, edit);
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Mål'));
    await page.keyboard.type('Trygge overganger.');
    await expectWalkable(page);
    await tabTo(page, page.getByRole('button', { name: 'Lagre' }));
    await page.keyboard.press('Enter');
    await page.getByText('Planen er lagret (versjon 1).').waitFor();
    expect((await app.reports.localPlans.get('leknes-skole'))?.mal).toBe('Trygge overganger.');
  });
});

describe('the local plan keeps the keyboard where the work is', () => {
  it('takes focus to the first field, to an added action, and to the answer of a save', async () => {
    const page = await openTab(browser, url, LEADER, '/tab/?view=enheter');
    const edit = page.getByRole('button', { name: 'Rediger planen' });
    await edit.waitFor();
    await tabTo(page, edit);
    await page.keyboard.press('Enter');
    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const id = el?.id;
        return (id && document.querySelector(`label[for="${id}"]`)?.textContent) || el?.tagName || '';
      });
    await expect.poll(focusedLabel).toBe('Kartlegging');
    const rows = await page.getByTestId('action-row').count();
    await tabTo(page, page.getByRole('button', { name: 'Legg til handling' }));
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe(`Handling ${rows + 1}`);
    await page.keyboard.type('Felles friminuttsregler.');
    await tabTo(page, page.getByRole('button', { name: 'Lagre' }));
    await page.keyboard.press('Enter');
    // The new action has no deadline yet: the refusal is read out, and the keyboard is at it.
    const answer = page.getByRole('alert').filter({ hasText: 'Handling' }).first();
    await answer.waitFor();
    const said = (await answer.textContent()) ?? '';
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(said);
  });
});

describe('Rapporter with the keyboard only', () => {
  it('reaches every control and opens a unit’s report in a dialog that gives focus back', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    const open = page.getByRole('button', { name: /Leknes skole/ }).first();
    await open.waitFor();
    await expectWalkable(page);
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    expect(await dialogKeepsAndReturnsFocus(page, page.getByRole('dialog'), open)).toEqual([]);
  });
});

describe('Meldinger with the keyboard only', () => {
  it('writes a message, asks before sending, and gives focus back when the question is cancelled', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=meldinger');
    const create = page.getByRole('button', { name: 'Ny melding' });
    await create.waitFor();
    await tabTo(page, create);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Skriv en melding' });
    await tabTo(page, form.getByLabel('Tittel'));
    await page.keyboard.type('Husk samlingen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Vi møtes på rådhuset.');
    const kulg = form.getByRole('group', { name: 'Nettverk og program' }).getByLabel('KULG');
    await tabTo(page, kulg);
    await page.keyboard.press('Space');
    expect(await kulg.isChecked()).toBe(true);
    await expectWalkable(page);
    await screenshot(page, 'keyboard-broadcast-form');
    // The first save turns the new message into a draft: its form is «Rediger utkastet» after.
    const send = page.getByRole('button', { name: 'Send nå' });
    await tabTo(page, send);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    expect(await dialogKeepsAndReturnsFocus(page, dialog, send)).toEqual([]);
  });
});

describe('Administrasjon with the keyboard only', () => {
  it('reaches every control', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=administrasjon');
    await page.getByText('Kanalkoblinger').waitFor();
    await expectWalkable(page);
  });

  it('edits a person in a dialog that gives focus back to «Endre» when closed', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=administrasjon');
    const edit = page.getByRole('button', { name: 'Endre Mona Medlem' });
    await edit.waitFor();
    await tabTo(page, edit);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectWalkable(page);
    expect(await dialogKeepsAndReturnsFocus(page, dialog, edit)).toEqual([]);
  });
});

describe('the new views with the keyboard only', () => {
  it('reaches every control of «Mine» for a unit leader', async () => {
    const page = await openTab(browser, url, LEADER, '/tab/?view=mine');
    await page.getByRole('heading', { name: 'Mine møter' }).waitFor();
    await page.getByRole('heading', { name: 'Mine oppgaver' }).waitFor();
    await page
      .locator('[aria-busy=true]')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await expectWalkable(page);
    await screenshot(page, 'keyboard-mine');
  });

  it('reaches every control of a leader’s own reports and their form in Rapporter', async () => {
    // A request with a question, open for the leader's unit until after the tests' today.
    const opened = await fetch(`${url}/api/reports/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
      body: JSON.stringify({
        id: 'tidsbruk',
        title: 'Tidsbruk i utviklingsarbeidet',
        deadline: '2026-12-18',
        questions: [{ text: 'Hvor mange timer i uka brukte dere?' }],
      }),
    });
    expect(opened.status).toBe(201);
    const page = await openTab(browser, url, LEADER, '/tab/?view=rapporter');
    await page.getByRole('heading', { name: 'Rapporter du skal sende inn' }).waitFor();
    // With the half year open too, she has two requests: she opens this one from the list.
    const open = page.getByRole('button', { name: /^Åpne skjemaet for Tidsbruk/ });
    await open.waitFor();
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Lagre utkast' }).waitFor();
    await expectWalkable(page);
    await screenshot(page, 'keyboard-report-form');
  });

  it('reaches every control of a new campaign for the kommunalsjef', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    const create = page.getByRole('button', { name: 'Ny innhenting' });
    await create.waitFor();
    await tabTo(page, create);
    await page.keyboard.press('Enter');
    await expectWalkable(page);
    await screenshot(page, 'keyboard-new-campaign');
  });
});
