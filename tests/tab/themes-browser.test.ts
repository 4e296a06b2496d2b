/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { cspViolations, describedViolations, screenshot } from './support/browser.js';
import { hiddenFocus, tabTo, walkWithTab } from './support/keyboard.js';
import { ADMIN } from './support/tab-server.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';
import { lostContent, openInTheme, REFLOW_320, TEAMS_THEMES, ZOOM_200 } from './support/themes.js';

// Teams' three themes (WCAG 1.4.3, 1.4.11 through axe), and text at 200 % and reflow at 320 CSS
// pixels (1.4.4, 1.4.10), in each view that exists today.

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

/** A view of the tab and what shows it is ready; `then` opens what is inside (a dialog, a form). */
interface View {
  name: string;
  path: string;
  ready: (page: Page) => Promise<unknown>;
  then?: (page: Page) => Promise<unknown>;
}

const VIEWS: View[] = [
  {
    name: 'kalender-maaned',
    path: '/tab/?view=kalender',
    ready: (p) => p.getByTestId('month-label').waitFor(),
  },
  {
    name: 'hendelse',
    path: '/tab/?view=kalender&event=kulg-today',
    ready: (p) => p.getByRole('dialog').getByText('Hvem har lest').waitFor(),
  },
  {
    name: 'kalender-liste',
    path: '/tab/?view=kalender&mode=liste',
    ready: (p) => p.getByTestId('event-list').waitFor(),
  },
  { name: 'enheter', path: '/tab/?view=enheter', ready: (p) => p.getByTestId('sign-matrix').waitFor() },
  {
    name: 'rapporter',
    path: '/tab/?view=rapporter',
    ready: (p) =>
      p
        .getByRole('button', { name: /Leknes skole/ })
        .first()
        .waitFor(),
  },
  {
    name: 'rapport',
    path: '/tab/?view=rapporter',
    ready: (p) =>
      p
        .getByRole('button', { name: /Leknes skole/ })
        .first()
        .waitFor(),
    then: async (p) => {
      await p
        .getByRole('button', { name: /Leknes skole/ })
        .first()
        .click();
      await p.getByRole('dialog').getByRole('heading').first().waitFor();
    },
  },
  {
    name: 'meldinger',
    path: '/tab/?view=meldinger',
    ready: (p) => p.getByRole('button', { name: 'Ny melding' }).waitFor(),
    then: (p) => p.getByRole('button', { name: 'Ny melding' }).click(),
  },
  {
    name: 'administrasjon',
    path: '/tab/?view=administrasjon',
    ready: (p) => p.getByText('Kanalkoblinger').waitFor(),
  },
];

/** Shows `view` in the page, already open in a theme and size. */
async function show(page: Page, view: View, theme: string) {
  await page.goto(`${url}${view.path}&theme=${theme}&devUser=${ADMIN}`);
  await view.ready(page);
  await view.then?.(page);
  // Parts loaded when first opened (the agenda in an event) show a spinner for a moment.
  await expect.poll(() => page.getByText('Laster …').count()).toBe(0);
}

describe('the tab in Teams’ default, dark and high-contrast themes', () => {
  for (const theme of TEAMS_THEMES) {
    it(
      `has no serious or critical axe findings in any view, in the ${theme} theme`,
      { timeout: 120_000 },
      async () => {
        const page = await openInTheme(browser, url, ADMIN, '/tab/', theme);
        const found: string[] = [];
        for (const view of VIEWS) {
          await show(page, view, theme);
          found.push(...(await describedViolations(page, `${view.name} (${theme})`)));
          if (['kalender-maaned', 'hendelse', 'enheter'].includes(view.name))
            await screenshot(page, `theme-${theme}-${view.name}`);
        }
        expect(found).toEqual([]);
        await page.context().close();
      },
    );
  }

  it('shows where focus is in the dark and high-contrast themes too', { timeout: 120_000 }, async () => {
    for (const theme of ['dark', 'contrast'] as const) {
      const page = await openInTheme(browser, url, ADMIN, '/tab/?view=kalender', theme);
      expect(hiddenFocus(await walkWithTab(page))).toEqual([]);
      await tabTo(page, page.getByRole('button', { name: 'Neste måned' }));
      await screenshot(page, `theme-${theme}-focus`);
      await page.context().close();
    }
  });
});

describe('the tab zoomed', () => {
  for (const [size, options] of [
    ['200 %', ZOOM_200],
    ['320 px', REFLOW_320],
  ] as const) {
    it(`loses no text and scrolls no page sideways at ${size}`, { timeout: 120_000 }, async () => {
      const page = await openInTheme(browser, url, ADMIN, '/tab/', 'default', options);
      const found: string[] = [];
      for (const view of VIEWS) {
        await show(page, view, 'default');
        found.push(...(await lostContent(page)).map((l) => `${view.name}: ${l}`));
        await screenshot(page, `zoom-${size.replace(/\D/g, '')}-${view.name}`);
      }
      expect(found).toEqual([]);
      await page.context().close();
    });
  }
});
