/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { callApi, MY_PEOPLE, startMyWorkWorld } from '../support/my-work-world.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, describedViolations, launchChromium, screenshot } from './support/browser.js';
import { dialogKeepsAndReturnsFocus, hiddenFocus, tabTo, walkWithTab } from './support/keyboard.js';
import { openTab } from './support/open-tab.js';
import { ensureTabBuilt } from './support/tab-server.js';
import { lostContent, openInTheme, TEAMS_THEMES, ZOOM_200, type TeamsTheme } from './support/themes.js';

// The three screens added last (WCAG 1.4.3, 1.4.4, 1.4.11, 2.1.1, 2.4.3, 2.4.7, 4.1.2): «Mine»
// for a unit leader, her half-year report form in Rapporter, and the kommunalsjef's «Ny
// innhenting» with its preview, its live progress and the dialogs that ask before sending,
// reminding and closing. The world is tests/support/my-work-world.ts (Monday 23 November 2026;
// 2026-H2 open, due 15 December); Rita also owes a request with a question, so she picks her
// report from a list, and she has Planpuls in a personal chat, so the preview reaches someone.

const { kari, rita } = MY_PEOPLE;
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startMyWorkWorld(freshTables().tables));
  const chat = `a:chat-${rita}`;
  await app.registry.record({
    conversationId: chat,
    kind: 'personal',
    userAadObjectId: rita,
    reference: {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: chat, conversationType: 'personal' },
      bot: { id: '28:planpuls' },
      user: { id: `29:${rita}`, aadObjectId: rita },
    },
  });
  await callApi(url, kari, 'POST', '/api/reports/campaigns', {
    id: 'tidsbruk',
    title: 'Tidsbruk i utviklingsarbeidet',
    deadline: '2026-12-18',
    questions: [{ text: 'Hvor mange timer i uka brukte dere?' }],
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

const HALF_YEAR = /^Åpne skjemaet for Halvårsrapport/;

/** Fills «Ny innhenting» as a request with one question, due Friday 11 December. */
async function fillRequest(page: Page) {
  await page.getByRole('button', { name: 'Ny innhenting' }).click();
  await page.getByRole('radio', { name: 'Annen forespørsel med egne spørsmål' }).check();
  await page.getByLabel('Tittel').fill('Kontaktperson for skolemiljø');
  await page.getByLabel('Spørsmål 1').fill('Hvem er enhetens kontaktperson for skolemiljø?');
  await page.getByTestId('new-deadline').fill('2026-12-11');
}

/** A screen: who sees it, where, and what brings it up once the view has loaded. */
interface Screen {
  name: string;
  user: string;
  path: string;
  open: (page: Page) => Promise<unknown>;
}

const SCREENS: Screen[] = [
  {
    name: 'mine',
    user: rita,
    path: '/tab/?view=mine',
    open: (p) => p.getByTestId('my-readings').waitFor(),
  },
  {
    // She opens her half-year report, writes in it and sends it with signs unanswered: the
    // refusal names each field under it, in the error colour.
    name: 'rapportskjema',
    user: rita,
    path: '/tab/?view=rapporter',
    open: async (p) => {
      await p.getByRole('button', { name: HALF_YEAR }).click();
      const form = p.getByTestId('report-form');
      await form.getByLabel('Kartlegging').fill('Kartlagt med elevundersøkelsen i høst.');
      await form.getByRole('button', { name: 'Send inn' }).click();
      await form.getByTestId('report-form-notice').waitFor();
    },
  },
  {
    name: 'ny-innhenting',
    user: kari,
    path: '/tab/?view=rapporter',
    open: fillRequest,
  },
  {
    name: 'forhandsvisning',
    user: kari,
    path: '/tab/?view=rapporter',
    open: async (p) => {
      await fillRequest(p);
      await p.getByRole('button', { name: 'Forhåndsvis mottakere' }).click();
      await p.getByTestId('campaign-preview').waitFor();
    },
  },
  {
    name: 'bekreft-send',
    user: kari,
    path: '/tab/?view=rapporter',
    open: async (p) => {
      await fillRequest(p);
      await p.getByRole('button', { name: 'Forhåndsvis mottakere' }).click();
      await p.getByRole('button', { name: 'Send', exact: true }).click();
      await p.getByRole('alertdialog').waitFor();
    },
  },
  {
    name: 'fremdrift-flytt-frist',
    user: kari,
    path: '/tab/?view=rapporter',
    open: async (p) => {
      await p.getByRole('button', { name: 'Flytt frist' }).click();
      await p.getByTestId('move-deadline').waitFor();
    },
  },
  {
    name: 'bekreft-paaminnelse',
    user: kari,
    path: '/tab/?view=rapporter',
    open: async (p) => {
      await p.getByRole('button', { name: 'Send påminnelse nå' }).click();
      await p.getByRole('alertdialog').waitFor();
    },
  },
  {
    name: 'bekreft-avslutt',
    user: kari,
    path: '/tab/?view=rapporter',
    open: async (p) => {
      await p.getByRole('button', { name: 'Avslutt', exact: true }).click();
      await p.getByRole('alertdialog').waitFor();
    },
  },
];

/** Shows `screen` in `page` (any theme, any size), once nothing is loading any more. */
async function show(page: Page, screen: Screen, theme: TeamsTheme) {
  await page.goto(`${url}${screen.path}&theme=${theme}&devUser=${screen.user}`);
  await page.getByRole('tablist').waitFor();
  await expect.poll(() => page.getByText('Laster …').count()).toBe(0);
  await screen.open(page);
  await expect.poll(() => page.getByText('Laster …').count()).toBe(0);
  // A dialog fades in: axe must read its colours once they are drawn, not halfway.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

describe('«Mine», the report form and «Ny innhenting» in Teams’ themes', () => {
  for (const theme of TEAMS_THEMES) {
    it(`have no serious or critical axe findings in the ${theme} theme`, { timeout: 180_000 }, async () => {
      const page = await openInTheme(browser, url, rita, '/tab/', theme);
      const found: string[] = [];
      for (const screen of SCREENS) {
        await show(page, screen, theme);
        found.push(...(await describedViolations(page, `${screen.name} (${theme})`)));
        await screenshot(page, `a11y-${theme}-${screen.name}`);
      }
      expect(found).toEqual([]);
      await page.context().close();
    });
  }

  for (const theme of ['dark', 'contrast'] as const) {
    it(
      `show focus at every Tab stop, and reach every control, in the ${theme} theme`,
      { timeout: 300_000 },
      async () => {
        const page = await openInTheme(browser, url, rita, '/tab/', theme);
        const hidden: string[] = [];
        const unreached: string[] = [];
        for (const screen of SCREENS) {
          await show(page, screen, theme);
          const walk = await walkWithTab(page);
          hidden.push(...hiddenFocus(walk).map((s) => `${screen.name}: ${s}`));
          unreached.push(...walk.unreached.map((s) => `${screen.name}: ${s}`));
        }
        expect(unreached).toEqual([]);
        expect(hidden).toEqual([]);
        await page.context().close();
      },
    );
  }
});

describe('«Mine», the report form and «Ny innhenting» zoomed to 200 %', () => {
  it('lose no text and scroll no page sideways', { timeout: 180_000 }, async () => {
    const page = await openInTheme(browser, url, rita, '/tab/', 'default', ZOOM_200);
    const found: string[] = [];
    for (const screen of SCREENS) {
      await show(page, screen, 'default');
      found.push(...(await lostContent(page)).map((l) => `${screen.name}: ${l}`));
      await screenshot(page, `a11y-zoom-200-${screen.name}`);
    }
    expect(found).toEqual([]);
    await page.context().close();
  });
});

describe('the dialogs of «Ny innhenting» with the keyboard only', () => {
  /** Opens the tab as the kommunalsjef in Rapporter, with her live progress loaded. */
  async function rapporter(): Promise<Page> {
    const page = await openTab(browser, url, kari, '/tab/?view=rapporter');
    await page.getByTestId('campaign-progress').waitFor();
    return page;
  }

  /** Presses `opener` from the keyboard and checks its dialog both ways of cancelling it. */
  async function checkDialog(page: Page, opener: Locator) {
    const dialog = page.getByRole('alertdialog');
    for (const how of ['Esc', 'Avbryt'] as const) {
      await tabTo(page, opener);
      await page.keyboard.press('Enter');
      const close =
        how === 'Esc' ? undefined : () => dialog.getByRole('button', { name: 'Avbryt' }).press('Enter');
      const problems = await dialogKeepsAndReturnsFocus(page, dialog, opener, close);
      expect(problems.map((p) => `${how}: ${p}`)).toEqual([]);
    }
  }

  it('asks before sending, keeps focus in the question and gives it back to «Send»', async () => {
    const page = await rapporter();
    await fillRequest(page);
    await page.getByRole('button', { name: 'Forhåndsvis mottakere' }).click();
    await page.getByTestId('campaign-preview').waitFor();
    await checkDialog(page, page.getByRole('button', { name: 'Send', exact: true }));
    await page.context().close();
  });

  it('asks before reminding, and gives focus back to «Send påminnelse nå»', async () => {
    const page = await rapporter();
    await checkDialog(page, page.getByRole('button', { name: 'Send påminnelse nå' }));
    await page.context().close();
  });

  it('asks before closing, and gives focus back to «Avslutt»', async () => {
    const page = await rapporter();
    await checkDialog(page, page.getByRole('button', { name: 'Avslutt', exact: true }));
    await page.context().close();
  });

  it('moves the deadline from the keyboard and gives focus back to «Flytt frist»', async () => {
    const page = await rapporter();
    const move = page.getByRole('button', { name: 'Flytt frist' });
    await tabTo(page, move);
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByTestId('move-deadline'));
    await tabTo(page, page.getByRole('button', { name: 'Lagre ny frist' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('move-deadline').waitFor({ state: 'detached' });
    // Focus moves once the change is saved and the progress read again.
    await page.getByTestId('progress-notice').waitFor();
    await expect.poll(() => move.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });
});

describe('the leader’s report form with the keyboard only', () => {
  it('takes focus to the form she opens, and back to its button when she closes it', async () => {
    const page = await openTab(browser, url, rita, '/tab/?view=rapporter');
    const open = page.getByRole('button', { name: HALF_YEAR });
    await open.waitFor();
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const form = page.getByTestId('report-form');
    await form.waitFor();
    expect(await form.evaluate((f) => f.contains(document.activeElement))).toBe(true);
    await tabTo(page, form.getByRole('button', { name: 'Lukk skjemaet' }));
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });
});
