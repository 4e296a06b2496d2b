/// <reference lib="dom" />
// Mona chose the weekly digest only: the «Varsler» switch says it saved her choice, and «Mine»
// lets her mark her reading read without the reading card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { MY_PEOPLE, startMyWorkWorld } from '../support/my-work-world.js';
import { freshTables } from '../support/storage.js';
import { describedViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { ensureTabBuilt } from './support/tab-server.js';

let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startMyWorkWorld(freshTables().tables));
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a member with the digest only, in the tab', () => {
  it('hears that her choice of notifications is saved, and keeps the switch under her keyboard', async () => {
    const page = await openTab(browser, url, MY_PEOPLE.mona);
    const select = page.getByLabel('Varsler', { exact: true });
    await select.waitFor();
    await select.focus();
    await page.keyboard.press('ArrowDown'); // «Bare ukesoversikten»
    const status = page.getByTestId('varsler-saved');
    await expect.poll(() => status.textContent()).toBe('Takk, lagret. Du får nå: Bare ukesoversikten.');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await app.notifications.get(MY_PEOPLE.mona)).toBe('digest');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await page.getByText('Én melding på mandager når det er møter, frister eller nytt').count()).toBe(
      1,
    );
    await screenshot(page, 'digest2-varsler-saved');
    expect(await describedViolations(page, 'varsler saved')).toEqual([]);
  });

  it('marks her reading read from «Mine», once, and the shared count follows', async () => {
    const page = await openTab(browser, url, MY_PEOPLE.mona);
    const readings = page.getByTestId('my-readings');
    await readings.waitFor();
    // In English the hint names the English button, no Norwegian one.
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { name: 'My meetings' }).waitFor();
    await readings.getByRole('button', { name: 'Mark as read: Ledermøte KULG' }).waitFor();
    expect(await readings.textContent()).toContain('Press “Mark as read” once you have read it.');
    expect(await readings.textContent()).not.toMatch(/Lest|Marker/);
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { name: 'Mine møter' }).waitFor();
    expect(await readings.textContent()).not.toContain('Lest / utført');
    expect(await readings.textContent()).toContain('Trykk «Marker som lest» når du har lest.');
    const planKey = (await app.plans.list())[0]!.key;
    const messageId = `reading:${planKey}:kulg-des`;
    expect(await app.reminders.acks.count(messageId)).toBe(0);
    const meetings = page.getByTestId('my-meetings');
    expect(await meetings.textContent()).toContain('Ikke lest ennå');
    await readings.getByRole('button', { name: 'Marker som lest: Ledermøte KULG' }).click();
    // «Mine møter» on the same page follows: the meeting's reading is read now.
    await expect.poll(async () => (await meetings.textContent()) ?? '').toMatch(/Lest /);
    expect(await meetings.textContent()).not.toContain('Ikke lest ennå');
    const status = page.getByTestId('my-readings-status');
    await expect.poll(() => status.textContent()).toBe('Takk! «Ledermøte KULG» er markert som lest.');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await app.reminders.acks.count(messageId)).toBe(1);
    expect(await readings.getByRole('button', { name: /Marker som lest/ }).count()).toBe(0);
    await screenshot(page, 'digest2-reading-marked');
    expect(await describedViolations(page, 'reading marked')).toEqual([]);
  });
});
