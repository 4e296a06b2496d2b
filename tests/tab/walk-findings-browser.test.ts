/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { schoolYear } from '../../bot/domain/calendar/school-year.js';
import { emptyContent, type Report } from '../../bot/domain/reports/report.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { silentLogger } from '../../bot/log/logger.js';
import { importPlan } from '../../bot/use-cases/import-plan.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { TODAY } from './support/tab-plan.js';
import { ADMIN, ensureTabBuilt, MEMBER } from './support/tab-server.js';

/** What users found walking the tab as kommunalsjef, rektor and member (issue #20). */

const PHONE = { width: 390, height: 844 };
const RECTOR = '00000000-0000-0000-0000-0000000000b7';
const NAMELESS = '00000000-0000-0000-0000-0000000000b8';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let app: App;
let url: string;
let browser: Browser;
let planKey: string;

beforeAll(async () => {
  await ensureTabBuilt();
  const clock = { now: () => new Date(`${TODAY}T08:00:00Z`) };
  app = createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
    logger: silentLogger,
    clock,
    tables: freshTables().tables,
    deliver: false,
  });
  const yaml = await readFile('data/plans/vestvagoy-2020-2021.yaml', 'utf8');
  planKey = (await importPlan({ plans: app.plans, clock }, yaml, { schoolYear: schoolYear(2026) })).info.key;
  await app.people.save({
    aadObjectId: MEMBER,
    name: 'Mona Medlem',
    roles: ['medlem'],
    leads: [],
    networks: ['kulg'],
    coordinates: [],
  });
  // Rita leads Eltoft; Teams gave her name only in her personal chat with Planpuls.
  await app.people.save({
    aadObjectId: RECTOR,
    name: undefined,
    roles: ['enhetsleder'],
    leads: ['eltoft-montessori-skole'],
    networks: [],
    coordinates: [],
  });
  await app.people.save({
    aadObjectId: NAMELESS,
    name: undefined,
    roles: ['medlem'],
    leads: [],
    networks: [],
    coordinates: [],
  });
  await app.registry.record({
    conversationId: 'a:rita-chat',
    kind: 'personal',
    userAadObjectId: RECTOR,
    reference: {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: 'a:rita-chat', conversationType: 'personal' },
      bot: { id: '28:planpuls' },
      user: { id: '29:rita', name: 'Rita Rektor', aadObjectId: RECTOR },
    },
  });
  url = await app.listen();
  browser = await launchChromium();
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The elements inside `scope` whose text runs past their own box (cut off or over a neighbour). */
async function overflowing(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) =>
    Array.from(root.querySelectorAll('*'))
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto')
      .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').slice(0, 60)}`),
  );
}

/** The buttons inside `scope` that do not lie wholly on the screen. */
async function cutOffButtons(page: Page, scope: Locator): Promise<string[]> {
  const width = page.viewportSize()!.width;
  return scope.locator('button').evaluateAll(
    (buttons, w) =>
      buttons
        .filter((b) => {
          const box = b.getBoundingClientRect();
          return box.left < 0 || box.right > w;
        })
        .map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
    width,
  );
}

describe("a past meeting's dialog", () => {
  const SUBMITTING =
    /Meld inn sak|Ta inn selv om fristen|Publiser sakslisten|ikke publisert|Be koordinatoren|Send nå/;

  it('offers nothing about submitting or publishing to the member or the kommunalsjef', async () => {
    for (const user of [MEMBER, ADMIN]) {
      const page = await openTab(browser, url, user, '/tab/?view=kalender&mode=liste&event=kulg-01');
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('event-details').waitFor();
      await page.waitForLoadState('networkidle');
      const text = (await dialog.textContent()) ?? '';
      expect(text, user).not.toMatch(SUBMITTING);
      expect(await dialog.getByTestId('agenda').count(), user).toBe(0);
      await screenshot(page, `past-meeting-${user === ADMIN ? 'admin' : 'member'}`);
    }
  });

  it('shows the agenda that was published, read only, with nothing to submit, change or publish', async () => {
    // KULG met on 11 June 2026 with one item on its published agenda.
    await app.agenda.agenda.addItem({
      id: 'sak-juni',
      planKey,
      eventId: 'kulg-02',
      title: 'Skolevegring i vår',
      description: '',
      presenter: 'Rita Rektor',
      minutes: 20,
      submittedBy: MEMBER,
      submitterName: 'Mona Medlem',
      submittedAt: '2026-05-20T08:00:00.000Z',
      status: 'accepted',
      late: false,
      order: 1,
      version: 2,
    });
    await app.agenda.agenda.savePublication({
      planKey,
      eventId: 'kulg-02',
      messageId: 'm-juni',
      publishedAt: '2026-06-01T08:00:00.000Z',
      sendAt: '2026-06-04T06:00:00.000Z',
      publishedBy: ADMIN,
      revision: 0,
    });
    for (const user of [MEMBER, ADMIN]) {
      const page = await openTab(browser, url, user, '/tab/?view=kalender&mode=liste&event=kulg-02');
      const agenda = page.getByRole('dialog').getByTestId('agenda');
      await agenda.waitFor();
      const text = (await agenda.textContent()) ?? '';
      expect(text, user).toContain('Sakslisten er publisert og sendt');
      expect(text, user).toContain('Skolevegring i vår');
      expect(text, user).not.toMatch(SUBMITTING);
      expect(await agenda.getByRole('button').count(), user).toBe(0);
      await screenshot(page, `past-meeting-published-${user === ADMIN ? 'admin' : 'member'}`);
    }
  });

  it('still offers a coming meeting its agenda form', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste&event=lp-09');
    await page.getByRole('dialog').getByTestId('agenda').waitFor();
    expect(await page.getByRole('dialog').getByTestId('agenda').textContent()).toContain('Meld inn sak');
  });
});

describe('the subscribe link', () => {
  it('is made once, then shown again with «Kopier» and where to paste it; a new one is a separate, warned action', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste&event=lp-09');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Lag abonnementslenke' }).click();
    const field = dialog.getByLabel('Abonnementslenke');
    await field.waitFor();
    const first = await field.inputValue();
    expect(first).toMatch(/\/api\/feeds\/[\w-]{43}\.ics$/);
    expect(await dialog.getByTestId('subscribe').textContent()).toContain(
      'Lim inn lenken i Outlook under Legg til kalender → Fra Internett.',
    );
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await dialog.getByRole('button', { name: 'Kopier' }).click();
    expect(await dialog.getByTestId('subscribe-said').textContent()).toBe('Lenken er kopiert.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

    // Another event, another day: the same link, no button that silently makes a new one.
    const again = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste&event=lp-10');
    const second = again.getByRole('dialog');
    await second.getByLabel('Abonnementslenke').waitFor();
    expect(await second.getByLabel('Abonnementslenke').inputValue()).toBe(first);
    expect(await second.getByRole('button', { name: 'Lag abonnementslenke' }).count()).toBe(0);
    await screenshot(again, 'subscribe-existing');

    await second.getByRole('button', { name: 'Lag ny lenke (erstatter den du har)' }).click();
    expect(await second.getByTestId('subscribe').textContent()).toContain(
      'kalendere som abonnerer på den gamle lenken, får ingen hendelser lenger',
    );
    expect(await second.getByLabel('Abonnementslenke').inputValue()).toBe(first);
    await second.getByRole('button', { name: 'Ja, lag ny lenke' }).click();
    await second.getByTestId('subscribe-said').waitFor();
    const made = await second.getByLabel('Abonnementslenke').inputValue();
    expect(made).not.toBe(first);
    expect((await fetch(first.replace(/^https?:\/\/[^/]+/, url))).status).toBe(404);
    expect((await fetch(made.replace(/^https?:\/\/[^/]+/, url))).status).toBe(200);
  });

  it('fits with its «Kopier» button on the phone', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste&event=lp-09', {
      viewport: PHONE,
    });
    const subscribe = page.getByRole('dialog').getByTestId('subscribe');
    await subscribe.getByRole('button', { name: 'Kopier' }).waitFor();
    expect(await cutOffButtons(page, subscribe)).toEqual([]);
    await subscribe.scrollIntoViewIfNeeded();
    await subscribe.screenshot({
      path: new URL('../../test-artifacts/tab/subscribe-phone.png', import.meta.url).pathname,
    });
  });
});

describe('Administrasjon', () => {
  it('says who is a fixed administrator in plain words and names people as Teams gave them, never by id', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=administrasjon');
    const table = page.getByTestId('people-table');
    await table.waitFor();
    const section = page.getByRole('region', { name: 'Personer, enheter og roller' });
    const text = (await section.textContent()) ?? '';
    expect(text).not.toContain('ADMIN_AAD_OBJECT_IDS');
    expect(text).not.toContain('konfigurasjonen');
    expect(text).not.toMatch(GUID);
    expect(await page.locator(`[data-person-id="${ADMIN}"]`).textContent()).toContain(
      'Administrator (fast, satt ved installasjonen)',
    );
    expect(await page.locator(`[data-person-id="${RECTOR}"]`).textContent()).toContain('Rita Rektor');
    expect(await page.locator(`[data-person-id="${NAMELESS}"]`).textContent()).toContain('(navn ukjent)');
    await screenshot(page, 'admin-people-names');
  });
});

describe('at phone width (390 px)', () => {
  const LONG = 'Felles innføring av klasseledelsesrutiner for alle trinn, med observasjon og veiledning';

  beforeAll(async () => {
    await app.reports.localPlans.save({
      unitId: 'eltoft-montessori-skole',
      version: 1,
      kartlegging: 'Kartlagt i høst.',
      analyse: 'Uro i overgangene.',
      mal: 'Rolige overganger.',
      actions: [
        { id: 'a1', text: LONG, deadline: '2027-02-01', status: 'pågår', responsible: 'Rita Rektor' },
        { id: 'a2', text: 'Kurs', deadline: '2027-03-01', status: 'ikke-startet' },
      ],
      savedBy: RECTOR,
      savedByName: 'Rita Rektor',
      savedAt: '2026-11-20T09:00:00.000Z',
    });
    await seedReports();
  });

  it("shows a unit's actions as rows whose text never runs into the deadline", async () => {
    const page = await openTab(browser, url, RECTOR, '/tab/?view=enheter', { viewport: PHONE });
    const actions = page.getByTestId('local-plan-actions');
    await actions.waitFor();
    const text = (await actions.textContent()) ?? '';
    expect(text).toContain(LONG);
    expect(text).toContain('Frist: mandag 1. februar 2027');
    expect(await overflowing(actions)).toEqual([]);
    const box = await actions.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await actions.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: new URL('../../test-artifacts/tab/local-plan-phone.png', import.meta.url).pathname,
    });
  });

  it('shows the reports as rows with whole names, whole «Åpne» buttons and the status inside its badge', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter', { viewport: PHONE });
    const units = page.getByTestId('report-units');
    await units.waitFor();
    const eltoft = units.locator('li', { hasText: 'Eltoft Montessori skole' });
    expect(await eltoft.textContent()).toContain('Sendt inn');
    expect(await overflowing(units)).toEqual([]);
    expect(await cutOffButtons(page, units)).toEqual([]);
    expect(await overflowing(page.getByTestId('campaign-summary'))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'reports-phone');
    await units.screenshot({
      path: new URL('../../test-artifacts/tab/reports-phone-units.png', import.meta.url).pathname,
    });
    await page.getByTestId('campaign-summary').screenshot({
      path: new URL('../../test-artifacts/tab/reports-phone-summary.png', import.meta.url).pathname,
    });
  });
});

describe('the calendar list of one network', () => {
  it('names its years, as the list of all does', async () => {
    const page = await openTab(browser, url, MEMBER, '/tab/?view=kalender&mode=liste');
    await page.getByTestId('event-list').waitFor();
    await page.getByLabel('Program eller nettverk').selectOption('kulg');
    await page.getByTestId('event-list').waitFor();
    // KULG met in May and June 2026; the list from today is empty until the earlier are shown.
    await page.getByRole('button', { name: /Vis tidligere hendelser/ }).click();
    expect(await page.getByTestId('year-heading').allTextContents()).toContain('2026');
    await screenshot(page, 'calendar-kulg-years');
  });
});

describe("a unit's report in Rapporter", () => {
  it('gives the version shown the time it was sent in, not the time of the first version', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=rapporter');
    const row = page.getByTestId('report-units').locator('tr', { hasText: 'Eltoft Montessori skole' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('10:07');
    expect(text).not.toContain('10:05');
    await row.getByRole('button', { name: /Åpne/ }).click();
    const history = page.getByTestId('report-history');
    await history.waitFor();
    const rows = await history.locator('tbody tr').allTextContents();
    expect(rows[0]).toMatch(/^2.*10:07$/);
    expect(rows[1]).toMatch(/^1.*10:05$/);
    await screenshot(page, 'report-versions');
  });
});

/** Eltoft's 2026-H2 report: version 1 sent at 10:05, version 2 sent again at 10:07 (Oslo time). */
async function seedReports(): Promise<void> {
  const response = await fetch(`${url}/api/reports/campaigns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
    body: JSON.stringify({ id: '2026-H2' }),
  });
  if (response.status !== 201) throw new Error(`campaign: ${response.status}`);
  const base = {
    campaignId: '2026-H2',
    unitId: 'eltoft-montessori-skole',
    status: 'sendt' as const,
    savedBy: RECTOR,
    savedByName: 'Rita Rektor',
    submittedAt: '2026-11-20T09:05:00.000Z',
    late: false,
  };
  const first: Report = {
    ...base,
    version: 1,
    content: { ...emptyContent(), kartlegging: 'Først.' },
    savedAt: '2026-11-20T09:05:00.000Z',
  };
  await app.reports.reports.save(first, undefined);
  const stored = await app.reports.reports.get('2026-H2', 'eltoft-montessori-skole');
  await app.reports.reports.save(
    {
      ...base,
      version: 2,
      content: { ...emptyContent(), kartlegging: 'Rettet.' },
      savedAt: '2026-11-20T09:07:00.000Z',
    },
    stored,
  );
}
