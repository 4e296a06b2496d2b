import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { TODAY } from './support/tab-plan.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { ADMIN } from './support/tab-server.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';

let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, browser } = await startTabWorld());
}, 120_000);
afterAll(() => closeTabWorld({ app, browser }));

/** The tab outside Teams in a browser whose own language is `locale`. */
async function open(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
  await page.goto(`${url}/tab/?devUser=${ADMIN}`);
  await page.getByRole('tablist').waitFor();
  return page;
}

const tabs = (page: Page) => page.getByRole('tab').allInnerTexts();

describe('the tab’s language outside Teams', () => {
  it('is Norwegian bokmål even when the browser asks for English', async () => {
    const page = await open('en-US');
    expect(await tabs(page)).toEqual([
      'Mine',
      'Kalender',
      'Enheter',
      'Rapporter',
      'Meldinger',
      'Administrasjon',
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await page.getByTestId('month-label').textContent()).toBe('november 2026');
  });

  it('switches to English from the header and keeps the choice after a reload', async () => {
    const page = await open('nb-NO');
    await page.getByLabel('Språk').selectOption('en');
    await expect
      .poll(() => tabs(page))
      .toEqual(['My work', 'Calendar', 'Units', 'Reports', 'Messages', 'Administration']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('month-label').textContent()).toBe('November 2026');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'calendar-english');

    await page.reload();
    await page.getByRole('tablist').waitFor();
    expect(await tabs(page)).toEqual([
      'My work',
      'Calendar',
      'Units',
      'Reports',
      'Messages',
      'Administration',
    ]);
    // Every view follows, the administration too.
    await page.getByRole('tab', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Import a plan' }).waitFor();

    await page.getByLabel('Language').selectOption('nb');
    await expect
      .poll(() => tabs(page))
      .toEqual(['Mine', 'Kalender', 'Enheter', 'Rapporter', 'Meldinger', 'Administrasjon']);
  });

  it('keeps the keyboard on the switch when the arrow keys choose a language', async () => {
    // Whatever happens here, the next test starts in Norwegian.
    onTestFinished(async () => {
      await fetch(`${url}/api/me/language`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
        body: JSON.stringify({ language: 'nb' }),
      });
    });
    const page = await open('nb-NO');
    const select = page.getByLabel('Språk');
    const id = await select.getAttribute('id');
    await select.focus();
    // On a closed select the arrow keys choose at once: English, then back to Norwegian.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => tabs(page)).toContain('My work');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => tabs(page)).toContain('Mine');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    await page.context().close();
  });

  it('saves the switch on the server, so a fresh browser starts in that language', async () => {
    const page = await open('nb-NO');
    await page.getByLabel('Språk').selectOption('en');
    await expect
      .poll(() => tabs(page))
      .toEqual(['My work', 'Calendar', 'Units', 'Reports', 'Messages', 'Administration']);
    const me = async () =>
      ((await (await fetch(`${url}/api/me`, { headers: { [DEV_USER_HEADER]: ADMIN } })).json()) as any)
        .language;
    expect(await me()).toBe('en');
    await page.context().close();

    // Another device: nothing kept in its browser, Norwegian browser language; the server decides.
    const other = await open('nb-NO');
    await expect
      .poll(() => tabs(other))
      .toEqual(['My work', 'Calendar', 'Units', 'Reports', 'Messages', 'Administration']);
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => other.getByTestId('month-label').textContent()).toBe('November 2026');
    await screenshot(other, 'calendar-english-from-server');

    await other.getByLabel('Language').selectOption('nb');
    await expect
      .poll(() => tabs(other))
      .toEqual(['Mine', 'Kalender', 'Enheter', 'Rapporter', 'Meldinger', 'Administrasjon']);
    expect(await me()).toBe('nb');
    await other.context().close();
  });
});
