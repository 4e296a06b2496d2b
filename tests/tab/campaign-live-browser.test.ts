/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, describedViolations, launchChromium, screenshot } from './support/browser.js';
import { RITA, RITA_CHAT, seedLeaders } from './support/campaign-admin-data.js';
import { dialogKeepsAndReturnsFocus, tabTo } from './support/keyboard.js';
import { openTab } from './support/open-tab.js';
import { ADMIN, CHANNEL, ensureTabBuilt, startTabServer } from './support/tab-server.js';

// The kommunalsjef watches a request's figures in Rapporter while reports come in: from a
// leader's card in Teams, and from her own form on the same page (she leads PPT Vest-Lofoten
// too). Every figure on the page follows within one poll (five seconds), her own save at once;
// after «Send påminnelse nå» the list of units that cannot be reached names the units the
// confirmation counted. A real browser on the real server and storage; today is Monday
// 23 November 2026.
let app: App;
let url: string;
let browser: Browser;

const ID = 'ordensregler-2026';
/** One poll (5 s) and a little: what «within one poll» allows. */
const ONE_POLL = 7_000;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startTabServer(freshTables().tables));
  await seedLeaders(app);
  // Kari, the kommunalsjef, also leads PPT Vest-Lofoten (no chat of hers: reached nowhere).
  await app.people.save({
    aadObjectId: ADMIN,
    name: 'Kari Kommunalsjef',
    roles: ['admin'],
    leads: ['ppt'],
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

/** Rita presses «Send inn» on the request card in her personal chat (a real invoke payload). */
async function ritaSubmitsOnTheCard(answer: string): Promise<void> {
  const activity = JSON.parse(
    readFileSync(new URL('../payloads/card-action-invoke.json', import.meta.url), 'utf8'),
  );
  activity.from = { id: `29:${RITA}`, name: 'Rita Rektor', aadObjectId: RITA };
  activity.conversation = { conversationType: 'personal', id: RITA_CHAT };
  delete activity.channelData.channel;
  delete activity.channelData.team;
  const data = { verb: 'rapport-send', campaignId: ID, unitId: 'leknes-skole', version: 0, svar_q1: answer };
  activity.value = { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' };
  const adapter = new TestAdapter(async () => {});
  await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
  expect(await app.reports.reports.get(ID, 'leknes-skole')).toMatchObject({ status: 'sendt' });
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();
/** The unit names under «Kan ikke nås». */
const unreachable = (page: Page) =>
  page.getByTestId('progress-unreached').locator('li > span:first-child').allTextContents();

describe('a request’s figures in Rapporter while reports come in', () => {
  it('follow a report sent on the card in Teams within one poll, every figure on the page', async () => {
    const sent = await fetch(`${url}/api/reports/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-planpuls-dev-user': ADMIN },
      body: JSON.stringify({
        id: ID,
        title: 'Ordensregler',
        deadline: '2026-12-11',
        questions: [{ text: 'Hvem har ansvaret for ordensreglene?' }],
      }),
    });
    expect(sent.status).toBe(201);
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-progress').waitFor();
    expect(await text(page, 'progress-submitted')).toBe('0 av 3 enheter har sendt inn');
    expect(await text(page, 'response-rate')).toBe('0 av 3 enheter har sendt inn (0 %)');

    await ritaSubmitsOnTheCard('Inspektør Ola Nordmann');
    await expect
      .poll(() => text(page, 'progress-submitted'), { timeout: ONE_POLL })
      .toBe('1 av 3 enheter har sendt inn');
    // The summary and the units' table under it, read once before, follow the same poll.
    await expect
      .poll(() => text(page, 'response-rate'), { timeout: 2_000 })
      .toBe('1 av 3 enheter har sendt inn (33 %)');
    expect(await page.getByTestId('missing-units').locator('li').allTextContents()).toEqual([
      'Ballstad barnehage',
      'PPT Vest-Lofoten',
    ]);
    expect(await page.getByTestId('report-units').textContent()).toContain('Leknes skole');
    await screenshot(page, 'campaign-live-card-submit');
    await page.context().close();
  });

  it('names, right after «Send påminnelse nå», the units the confirmation counted as unreachable', async () => {
    // Ballstad barnehage's channel is unlinked after the request went out: Stian has no chat.
    await app.links.remove({ kind: 'unit', id: 'ballstad-barnehage' }, CHANNEL);
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-progress').waitFor();
    expect(await unreachable(page)).toEqual(['PPT Vest-Lofoten']);
    // No request reached PPT: «Ikke spurt» here and in the units' table, as Enheter says it.
    expect(await text(page, 'progress-unreached')).toContain('Ikke spurt');
    expect(await page.getByTestId('report-units').textContent()).toContain('Ikke spurt');

    // With the keyboard: the question keeps focus inside and gives it back when cancelled.
    const remind = page.getByRole('button', { name: 'Send påminnelse nå' });
    await tabTo(page, remind);
    await page.keyboard.press('Enter');
    expect(await dialogKeepsAndReturnsFocus(page, page.getByRole('alertdialog'), remind)).toEqual([]);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain(
      'Lederne i 2 enheter som ikke har sendt inn, får en påminnelse',
    );
    // It does not promise a reminder to the unit it knows it cannot reach.
    expect(await dialog.textContent()).toContain(
      '1 enhet av dem kan ikke nås i Teams og får ingen påminnelse',
    );
    await dialog.getByRole('button', { name: 'Ja, send påminnelse' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => text(page, 'progress-notice')).toBe('2 enheter kan ikke nås.');
    // At once, not a poll later: the same two units.
    expect(await unreachable(page)).toEqual(['Ballstad barnehage', 'PPT Vest-Lofoten']);
    expect(await text(page, 'progress-unreached')).toContain(
      'Stian Styrer har ikke brukt Planpuls i Teams (ingen personlig chat), og enheten har ingen koblet kanal',
    );
    expect(await page.getByRole('heading', { name: 'Kan ikke nås (2)' }).count()).toBe(1);
    // Ballstad was asked (its channel had the card) and has not started; PPT never was.
    expect(await text(page, 'progress-unreached')).toMatch(
      /Ballstad barnehage\s*Ikke påbegynt.*PPT Vest-Lofoten\s*Ikke spurt/s,
    );
    await page.locator('#root:not([aria-hidden])').waitFor();
    expect(await describedViolations(page, 'after the reminder')).toEqual([]);
    await screenshot(page, 'campaign-live-reminded');
    await page.context().close();
  });

  it('follow her own report, sent in the form on the same page, at once', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-progress').waitFor();
    const form = page.getByTestId('report-form');
    await form.getByLabel(/^Hvem har ansvaret for ordensreglene\?/).fill('Kari selv');
    await form.getByRole('button', { name: 'Send inn', exact: true }).click();
    // Sooner than a poll: the save itself has the figures read again.
    await expect
      .poll(() => text(page, 'progress-submitted'), { timeout: 3_000 })
      .toBe('2 av 3 enheter har sendt inn');
    await expect
      .poll(() => text(page, 'response-rate'), { timeout: 3_000 })
      .toBe('2 av 3 enheter har sendt inn (67 %)');
    expect(await page.getByTestId('missing-units').locator('li').allTextContents()).toEqual([
      'Ballstad barnehage',
    ]);
    // Her unit is in, so it needs no call: only Ballstad barnehage is left to reach.
    expect(await unreachable(page)).toEqual(['Ballstad barnehage']);
    await screenshot(page, 'campaign-live-own-submit');
    await page.context().close();
  });
});
