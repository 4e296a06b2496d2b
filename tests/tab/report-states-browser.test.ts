/// <reference lib="dom" />
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { MY_PEOPLE, startMyWorkWorld } from '../support/my-work-world.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { ensureTabBuilt } from './support/tab-server.js';

// The world (tests/support/my-work-world.ts): 2026-H2 opened on 16 November, due 15 December,
// its request sent to Rita (Leknes skole) in her chat. Berit becomes Ballstad skole's rektor
// afterwards: nothing has reached her unit.
const BERIT = '00000000-0000-0000-0000-0000000000c7';
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startMyWorkWorld(freshTables().tables));
  await app.people.save({
    aadObjectId: BERIT,
    name: 'Berit Bakke',
    roles: ['enhetsleder'],
    leads: ['ballstad-skole'],
    networks: [],
    coordinates: [],
  });
  browser = await launchChromium();
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const words = async (page: Page, locator: string) =>
  ((await page.locator(locator).first().textContent()) ?? '').replace(/\s+/g, ' ');

/** What «Mine» says of her unit's report, then what Enheter says of the same unit. */
async function bothScreens(user: string, unitId: string, shot: string) {
  const page = await openTab(browser, url, user);
  await page.getByTestId('my-reports').waitFor();
  const mine = await words(page, `[data-testid="my-reports"] [data-unit="${unitId}"]`);
  await screenshot(page, `${shot}-mine`);
  await page.getByRole('tab', { name: 'Enheter' }).click();
  await page.getByTestId('status-overview').locator(`[data-unit="${unitId}"]`).first().waitFor();
  const enheter = await words(page, `[data-testid="status-overview"] [data-unit="${unitId}"]`);
  await screenshot(page, `${shot}-enheter`);
  return { mine, enheter };
}

describe('a leader reads the same state of her unit’s report in «Mine» and in Enheter', () => {
  it('«Ikke spurt» on both when no request has reached her unit', async () => {
    const { mine, enheter } = await bothScreens(BERIT, 'ballstad-skole', 'states-not-asked');
    expect(mine).toContain('Ikke spurt: forespørselen har ikke nådd deg i Teams ennå');
    expect(mine).not.toContain('Ikke påbegynt');
    expect(enheter).toContain('Ikke spurt');
    expect(enheter).not.toMatch(/ikke påbegynt/i);
  });

  it('«ikke påbegynt» on both once the request reached her and before a draft', async () => {
    const { mine, enheter } = await bothScreens(MY_PEOPLE.rita, 'leknes-skole', 'states-asked');
    expect(mine).toContain('Ikke påbegynt');
    expect(mine).not.toContain('Ikke spurt');
    expect(enheter).toContain('Spurt, frist tirsdag 15. desember 2026; ikke påbegynt');
    expect(enheter).not.toContain('Ikke spurt');
  });
});
