/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { COORDINATOR } from '../support/app.js';
import { cspViolations, describedViolations, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';
import { LEADER } from './support/report-data.js';
import { ADMIN } from './support/tab-server.js';

/** A phone in Teams mobile: the tab gets the screen's width. */
const PHONE = { width: 375, height: 740 };
const MEETING = 'kulg-18';

let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, browser } = await startTabWorld({ reports: true, coordinator: true }));
  // An item with a long unbroken word, the way people paste links and compound nouns.
  for (const title of [
    'Skolevegring',
    'Kompetanseutviklingsplanleggingsarbeidsgruppemøtereferatgjennomgang',
  ]) {
    const response = await fetch(`${url}/api/meetings/${MEETING}/agenda/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: LEADER },
      body: JSON.stringify({
        title,
        description: 'Se https://example.org/oppvekst/planer/kompetanse/2026-2027/vedlegg-til-saken.pdf',
        presenter: 'Line Leder',
        minutes: 20,
      }),
    });
    expect(response.status).toBe(201);
  }
}, 120_000);
afterEach(() => {
  // The tab's content security policy refused nothing the tab does.
  expect(cspViolations.take()).toEqual([]);
});
afterAll(() => closeTabWorld({ app, browser }));

const open = (user: string, path: string) => openTab(browser, url, user, path, { viewport: PHONE });

/**
 * What sticks out sideways: the page scrolling horizontally, a view's tab off-screen, and (since
 * a dialog is fixed and never widens the page) an open dialog wider than the screen or scrolling
 * sideways inside. Wide tables scroll in their own box, on the page or in a dialog, which is
 * allowed.
 */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth)
      found.push(`page: scrollWidth ${root.scrollWidth} > innerWidth ${window.innerWidth}`);
    for (const tab of Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]'))) {
      const box = tab.getBoundingClientRect();
      if (box.right > window.innerWidth) found.push(`tab «${tab.innerText}» off-screen`);
    }
    // Fluent's stable class names for a dialog's surface, body and content.
    const parts = Array.from(
      document.querySelectorAll<HTMLElement>('.fui-DialogSurface, .fui-DialogBody, .fui-DialogContent'),
    );
    for (const part of parts) {
      const box = part.getBoundingClientRect();
      if (box.left < 0 || box.right > window.innerWidth)
        found.push(
          `${part.classList[0]}: ${Math.round(box.left)}–${Math.round(box.right)} of ${window.innerWidth}`,
        );
      const scrolls = /(auto|scroll)/.test(getComputedStyle(part).overflowX);
      if (scrolls && part.scrollWidth > part.clientWidth + 1)
        found.push(`${part.classList[0]} scrolls sideways: ${part.scrollWidth} > ${part.clientWidth}`);
    }
    return found;
  });
}

describe('the tab at a phone’s width (375 × 740)', () => {
  it('shows Kalender as a list without sideways scrolling, and passes axe', async () => {
    const page = await open(ADMIN, '/tab/?view=kalender&mode=liste');
    await page.getByRole('heading', { name: 'Uke 48' }).waitFor();
    expect(await overflow(page)).toEqual([]);
    await screenshot(page, 'mobile-calendar-list');
    expect(await describedViolations(page, 'kalender (mobil)')).toEqual([]);
  });

  it('opens an event with its agenda, as the coordinator and as the submitter, within the screen', async () => {
    for (const [user, label] of [
      [COORDINATOR, 'koordinator'],
      [LEADER, 'innsender'],
    ] as const) {
      const page = await open(user, `/tab/?view=kalender&mode=liste&event=${MEETING}`);
      const agenda = page.getByRole('dialog').getByTestId('agenda');
      await agenda.locator('li', { hasText: 'Skolevegring' }).waitFor();
      await agenda.getByRole('button', { name: 'Endre: «Skolevegring»' }).click();
      await agenda.getByRole('form', { name: 'Endre saken «Skolevegring»' }).waitFor();
      expect(await overflow(page)).toEqual([]);
      await screenshot(page, `mobile-agenda-${label}`);
      expect(await describedViolations(page, `saksliste (mobil, ${label})`)).toEqual([]);
      await page.context().close();
    }
  });

  it('shows Enheter and its matrix of signs without sideways scrolling, and passes axe', async () => {
    const page = await open(ADMIN, '/tab/?view=enheter');
    await page.getByText('Ikke besvart', { exact: false }).first().waitFor({ state: 'attached' });
    expect(await overflow(page)).toEqual([]);
    await screenshot(page, 'mobile-units');
    expect(await describedViolations(page, 'enheter (mobil)')).toEqual([]);
  });

  it('shows Rapporter and a unit report without sideways scrolling, and passes axe', async () => {
    const page = await open(ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-summary').waitFor();
    await page.getByTestId('report-signs').waitFor();
    expect(await overflow(page)).toEqual([]);
    await screenshot(page, 'mobile-reports');
    expect(await describedViolations(page, 'rapporter (mobil)')).toEqual([]);
    await page.getByRole('button', { name: 'Åpne rapporten fra Leknes skole' }).click();
    await page.getByRole('dialog').getByTestId('report-history').waitFor();
    expect(await overflow(page)).toEqual([]);
    await screenshot(page, 'mobile-report-unit');
    expect(await describedViolations(page, 'rapport (mobil)')).toEqual([]);
  });
});
