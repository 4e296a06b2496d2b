/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { schoolYear } from '../../bot/domain/calendar/school-year.js';
import { silentLogger } from '../../bot/log/logger.js';
import { importPlan } from '../../bot/use-cases/import-plan.js';
import { ADMIN } from '../support/app.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, launchChromium, screenshot, seriousViolations } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { ensureTabBuilt } from './support/tab-server.js';
import { TODAY } from './support/tab-plan.js';

const RITA = '00000000-0000-0000-0000-0000000000a3';

let app: App;
let url: string;
let browser: Browser;

/** The shipped plan as a first start on the tests' "today" imports it: rolled to 2026–2027. */
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
  await importPlan({ plans: app.plans, clock }, yaml, { schoolYear: schoolYear(2026) });
  await app.people.save({
    aadObjectId: ADMIN,
    name: 'Kari Kommunalsjef',
    roles: ['admin'],
    leads: [],
    networks: [],
    coordinates: [],
  });
  await app.people.save({
    aadObjectId: RITA,
    name: 'Rita Rektor',
    roles: ['enhetsleder'],
    leads: ['leknes-skole'],
    networks: ['kulg', 'lp'],
    coordinates: [],
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

describe('the plan’s goals and milestones in the tab, in a real browser against the real server and Azurite', () => {
  it('lets Rita name the goal an action of Leknes skole’s local plan serves, and shows it after saving', async () => {
    const page = await openTab(browser, url, RITA, '/tab/?view=enheter');
    await page.getByText('Enheten har ingen lokal plan ennå.').waitFor();
    await page.getByRole('button', { name: 'Rediger planen' }).click();
    await page.getByLabel('Mål', { exact: true }).fill('Alle elever opplever tilhørighet.');
    await page.getByRole('button', { name: 'Legg til handling' }).click();
    await page.getByLabel('Handling 1', { exact: true }).fill('Klassemøter hver uke.');
    await page.getByLabel('Frist').fill('2027-01-15');
    const serves = page.getByLabel('Hva handling 1 tjener i planen');
    // The plan's goals grouped under the plan they come from, then the themes; each goal named by
    // its plan and number, since both plans have a «mål 1».
    const groups = await serves
      .locator('optgroup')
      .evaluateAll((list) => list.map((g) => g.getAttribute('label')));
    expect(groups).toEqual(['Mål i oppvekstplanen', 'Mål i utviklingsplanen', 'Tema i utviklingsplanen']);
    const options = await serves.locator('option').allTextContents();
    expect(options).toContain('Oppvekstplanen, mål 3: Barn og unge i Vestvågøy blir spurt, hørt og…');
    expect(options).toContain('Utviklingsplanen, mål 2: Alle barn og unge opplever at de passer inn…');
    // Cut to fit; the whole text is the option's tooltip.
    expect(await serves.locator('option[value="goal:utviklingsplan-mal-1"]').getAttribute('title')).toBe(
      'Utviklingsplanen, mål 1: Barnehagenes og skolenes læringsmiljøer sikrer at alle barn og unges faglige og sosiale læringsutbytte styrkes. Dette skjer i den daglige pedagogiske praksis, og innenfor ordinære samværs- og opplæringsrammer, gjennom arbeid med inkluderende tiltak.',
    );
    await serves.selectOption('goal:utviklingsplan-mal-3');
    // The select stays inside its action's row (it grew as wide as the longest goal before).
    const overflow = await serves.evaluate((el) => {
      const row = el.parentElement!.closest('[data-testid]')!;
      return el.getBoundingClientRect().right - row.getBoundingClientRect().right;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'goals-action-edit-rita');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Planen er lagret (versjon 1).').waitFor();
    const actions = (await page.getByTestId('local-plan-actions').textContent()) ?? '';
    expect(actions).toContain('Klassemøter hver uke.');
    expect(actions).toContain('fellesskaper som fremmer opplevd tilhørighet');
    expect(await app.reports.localPlans.get('leknes-skole')).toMatchObject({
      actions: [{ id: 'h1', text: 'Klassemøter hver uke.', serves: 'goal:utviklingsplan-mal-3' }],
    });
    await screenshot(page, 'goals-action-saved-rita');
  });

  it('shows Kari per goal its themes and the units’ actions serving it, at desktop and phone width, a unit one click away', async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const page = await openTab(browser, url, ADMIN, '/tab/?view=enheter', viewport ? { viewport } : {});
      const goal = page.getByTestId('goals-view').locator('[data-goal="utviklingsplan-mal-3"]');
      await goal.getByText('Leknes skole').waitFor();
      const text = (await goal.textContent()) ?? '';
      expect(text).toContain('Alle barn og unge deltar i fellesskaper som fremmer opplevd tilhørighet');
      expect(text).toContain(
        'Tema: 2. Inkluderende barnehage- og skolemiljø, 3. Læringsmiljø og pedagogisk analyse (LP)',
      );
      expect(text).toContain('Klassemøter hver uke.');
      expect(text).toContain('frist fredag 15. januar 2027');
      expect(await seriousViolations(page)).toEqual([]);
      if (viewport) {
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      }
      await screenshot(page, viewport ? 'goals-view-phone-kari' : 'goals-view-kari');
      if (!viewport) {
        await goal.getByRole('button', { name: 'Leknes skole' }).click();
        expect(await page.getByLabel('Enhet', { exact: true }).inputValue()).toBe('leknes-skole');
      }
    }
  });

  it('draws a goal’s first ten actions, overdue first, and the rest on one press', async () => {
    // Three more units with four actions each serving goal 1 of the development plan.
    const [info] = await app.plans.list();
    const plan = (await app.plans.load(info!.key))!.plan;
    const units = plan.units.filter((u) => u.id !== 'leknes-skole').slice(0, 3);
    for (const unit of units)
      await app.reports.localPlans.save({
        unitId: unit.id,
        version: 1,
        kartlegging: '',
        analyse: '',
        mal: '',
        savedBy: ADMIN,
        savedByName: 'Kari Kommunalsjef',
        savedAt: `${TODAY}T08:00:00.000Z`,
        actions: [1, 2, 3, 4].map((n) => ({
          id: `h${n}`,
          text: `Tiltak ${n} ved ${unit.name}.`,
          deadline: n === 1 ? '2026-11-02' : '2027-03-01',
          status: 'pågår' as const,
          serves: 'goal:utviklingsplan-mal-1' as const,
        })),
      });
    const page = await openTab(browser, url, ADMIN, '/tab/?view=enheter');
    const goal = page.getByTestId('goals-view').locator('[data-goal="utviklingsplan-mal-1"]');
    const more = goal.getByRole('button', { name: 'Vis alle 12 handlingene' });
    await more.waitFor();
    expect(await goal.locator('li').count()).toBe(10);
    expect(await goal.locator('li').first().getAttribute('data-overdue')).toBe('true');
    await more.click();
    await expect.poll(() => goal.locator('li').count()).toBe(12);
    expect(await more.count()).toBe(0);
  });

  it('refuses a goal the plan does not have, saying which action, and stores nothing', async () => {
    const response = await fetch(`${url}/api/units/leknes-skole/local-plan`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': '"1"', 'x-planpuls-dev-user': RITA },
      body: JSON.stringify({
        kartlegging: '',
        analyse: '',
        mal: '',
        actions: [{ text: 'Noe', deadline: '2027-01-15', status: 'pågår', serves: 'goal:finnes-ikke' }],
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Mål eller tema for handling 1');
    expect((await app.reports.localPlans.get('leknes-skole'))?.version).toBe(1);
  });

  it('shows Kari the milestones in the calendar, marked as such and not as meetings', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=kalender');
    const chip = page.locator('[data-event-id="forste-evaluering"]').first();
    await chip.waitFor();
    expect(await chip.getAttribute('data-kind')).toBe('milestone');
    expect(await chip.textContent()).toBe(
      '◆ Milepæl: Første evaluering av planen, med oversikt over resultater',
    );
    await screenshot(page, 'goals-calendar-month-kari');
    await chip.click();
    const details = page.getByTestId('event-details');
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('Milepæl i planen – ikke et møte');
    expect(text).toContain('Fristi løpet av november 2026');
    expect(text).toContain('AnsvarligKommunalsjef');
    expect(text).not.toContain('Tid');
    // Kari is an administrator: the note on how it was transcribed is for her.
    expect(text).toContain('Forordet gir bare måneden');
    expect(await page.getByTestId('agenda').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'goals-milestone-details-kari');
  });

  it('lists a month milestone as current until the month ends, and gives it in the calendar file as a milestone', async () => {
    const page = await openTab(browser, url, RITA, '/tab/?view=kalender&mode=liste');
    const list = page.getByTestId('event-list');
    await list.waitFor();
    const row = list.locator('li', { has: page.locator('[data-event-id="forste-evaluering"]') });
    expect(await row.textContent()).toContain('i løpet av november 2026');
    expect(await row.getByTestId('milestone-badge').textContent()).toBe('Milepæl');
    await screenshot(page, 'goals-calendar-list-rita');

    const ics = await (await fetch(`${url}/api/events/forste-evaluering.ics`)).text();
    expect(ics).toContain('SUMMARY:Milepæl: Første evaluering av planen');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261101');
    expect(ics).toContain('CATEGORIES:Milepæl');
    expect(ics).toContain('TRANSP:TRANSPARENT');
    expect(ics.replace(/\r\n /g, '')).toContain('I løpet av november 2026');
  });

  it('gives the plan’s goals in GET /api/plan, without administrators’ notes for Rita', async () => {
    const body = (await (
      await fetch(`${url}/api/plan`, { headers: { 'x-planpuls-dev-user': RITA } })
    ).json()) as {
      plan: { goals: { id: string; text: string }[]; milestones: Record<string, unknown>[] };
    };
    expect(body.plan.goals.map((g) => g.id)).toContain('oppvekst-mal-1');
    expect(body.plan.goals[0]?.text).toBe('Barn og unge i Vestvågøy får god omsorg i familien');
    expect(body.plan.milestones.find((m) => m.id === 'forste-evaluering')).not.toHaveProperty('sourceNotes');
  });
});
