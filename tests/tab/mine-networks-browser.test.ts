/// <reference lib="dom" />
// «Mine nettverk» in a real browser against the real server and Azurite, signed in as Mona with
// the short demo form testers type (`?devUser=a5`), in Norwegian and in English.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { MY_PEOPLE, startMyWorkWorld } from '../support/my-work-world.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, describedViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { ensureTabBuilt } from './support/tab-server.js';

// The world (tests/support/my-work-world.ts): Monday 23 November 2026; KULG meets on Thursday,
// the LP leaders' network next Wednesday. Kåre coordinates KULG and LP.
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startMyWorkWorld(freshTables().tables));
  await app.people.save({
    aadObjectId: '00000000-0000-0000-0000-0000000000a2',
    name: 'Kåre Koordinator',
    roles: ['koordinator'],
    leads: [],
    networks: ['kulg'],
    coordinates: ['kulg', 'lp'],
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

const networks = async (page: Page) => {
  const section = page.getByTestId('my-networks');
  await section.locator('li').first().waitFor();
  return ((await section.textContent()) ?? '').replace(/\s+/g, ' ');
};

describe('«Mine nettverk» in the tab', () => {
  it('shows Mona, signed in as devUser=a5, her network, why, its coordinator and its next meeting in words', async () => {
    const page = await openTab(browser, url, 'a5');
    await page.getByText('Innlogget som Mona Medlem').waitFor();
    await page.getByRole('heading', { name: 'Mine nettverk' }).waitFor();
    const shown = await networks(page);
    expect(shown).toContain('KULG');
    expect(shown).toContain('Hvorfor du er med: du er medlem');
    expect(shown).toContain('Koordinator: Kåre Koordinator');
    expect(shown).toContain(
      'Neste møte: Ledermøte KULG, torsdag 26. november 2026 (om 3 dager) · 13:00–15:00',
    );
    expect(await describedViolations(page, 'mine-networks')).toEqual([]);
    await screenshot(page, 'mine-networks-mona');

    // The meeting's name opens it in the calendar.
    await page.getByRole('link', { name: 'Åpne Ledermøte KULG i kalenderen' }).last().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe('kulg-des');
  });

  it('names a rektor’s networks by her unit and role, in English when she chose English', async () => {
    await fetch(`${url}/api/me/language`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-planpuls-dev-user': MY_PEOPLE.rita },
      body: JSON.stringify({ language: 'en' }),
    });
    const page = await openTab(browser, url, 'a3');
    await page.getByRole('heading', { name: 'My networks' }).waitFor();
    const nettverk = page.getByTestId('my-networks').locator('[data-network="lp-nettverk"]');
    const text = ((await nettverk.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('A group within LP');
    expect(text).toContain('Why you are in it: through your role Rektorer');
    expect(text).toContain(
      'Next meeting: Ledernettverk LP, Wednesday, 2 December 2026 (in 9 days) · 09:00–11:00',
    );
    const kulg = (
      (await page.getByTestId('my-networks').locator('[data-network="kulg"]').textContent()) ?? ''
    ).replace(/\s+/g, ' ');
    expect(kulg).toContain(
      'Why you are in it: you are a member, your unit Leknes skole takes part, through your role Enhetsledere',
    );
    await screenshot(page, 'mine-networks-rita-english');
  });
});
