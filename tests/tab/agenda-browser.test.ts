/// <reference lib="dom" />
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { agendaOrder } from '../../bot/domain/agenda/agenda-item.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { COORDINATOR } from '../support/app.js';
import { cspViolations, describedViolations, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';
import { MEMBER } from './support/tab-server.js';

const LEADER = '00000000-0000-0000-0000-0000000000b1';
/** KULG meetings of the tab plan with items still open on the tests' "today" (23 November). */
const STALE_MEETING = 'kulg-18'; // 15 December, items due 24 November
const ORDER_MEETING = 'kulg-22'; // 12 January
const OWN_MEETING = 'kulg-26'; // 9 February

const ITEM_CHANGED =
  'Saken ble endret av noen andre etter at du åpnet den. Ingenting er lagret; last på nytt og prøv igjen.';

type Item = { id: string; title: string; version: number; status: string };

let app: App;
let url: string;
let browser: Browser;
let planKey: string;

beforeAll(async () => {
  ({ app, url, browser } = await startTabWorld({ coordinator: true }));
  await app.people.save({
    aadObjectId: LEADER,
    name: 'Line Leder',
    roles: ['enhetsleder'],
    leads: [],
    networks: [],
    coordinates: [],
  });
  planKey = (await app.plans.list())[0]!.key;
}, 120_000);
afterEach(() => {
  // The tab's content security policy refused nothing the tab does.
  expect(cspViolations.take()).toEqual([]);
});
afterAll(() => closeTabWorld({ app, browser }));

/** The tab API as `user`, the way the tab and other clients call it. */
const call = (user: string, path: string, method = 'GET', body?: unknown) =>
  fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: user },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const agendaPath = (meeting: string) => `/api/meetings/${meeting}/agenda`;

async function submit(user: string, meeting: string, title: string): Promise<Item> {
  const response = await call(user, `${agendaPath(meeting)}/items`, 'POST', {
    title,
    description: `Om ${title}.`,
    presenter: 'Line Leder',
    minutes: 20,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { item: Item }).item;
}

async function accept(meeting: string, item: Item): Promise<void> {
  const response = await call(COORDINATOR, `${agendaPath(meeting)}/items/${item.id}/decision`, 'POST', {
    status: 'accepted',
    version: item.version,
  });
  expect(response.status).toBe(200);
}

const stored = async (meeting: string) => app.agenda.agenda.items(planKey, meeting);

async function openAgenda(
  user: string,
  meeting: string,
): Promise<{ page: Page; agenda: ReturnType<Page['getByTestId']> }> {
  const page = await openTab(browser, url, user, `/tab/?view=kalender&mode=liste&event=${meeting}`);
  const agenda = page.getByRole('dialog').getByTestId('agenda');
  await agenda.getByText('Frist for saker', { exact: false }).waitFor();
  return { page, agenda };
}

describe('the agenda in a real browser, with versions', () => {
  it('shows the server’s message and the reloaded agenda when a decision is made on a stale item', async () => {
    const item = await submit(LEADER, STALE_MEETING, 'Skolevegring');
    const { page, agenda } = await openAgenda(COORDINATOR, STALE_MEETING);
    const row = agenda.locator(`li[data-item-id="${item.id}"]`);
    await row.getByText('Skolevegring', { exact: true }).waitFor();
    // The submitter changes the item after the coordinator's screen loaded it.
    const edit = await call(LEADER, `${agendaPath(STALE_MEETING)}/items/${item.id}`, 'PUT', {
      title: 'Skolevegring og fravær',
      description: 'Nå også fravær.',
      presenter: 'Line Leder',
      minutes: 25,
      version: item.version,
    });
    expect(edit.status).toBe(200);

    await row.getByRole('button', { name: 'Ta inn' }).click();
    await agenda.getByRole('alert').getByText(ITEM_CHANGED).waitFor();
    await row.getByText('Skolevegring og fravær', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('Meldt inn');
    expect(await row.textContent()).toContain('25 min');
    expect((await stored(STALE_MEETING)).map((i) => [i.title, i.status, i.version])).toEqual([
      ['Skolevegring og fravær', 'submitted', 2],
    ]);
    await screenshot(page, 'agenda-stale-decision');
    expect(await describedViolations(page, 'utdatert beslutning')).toEqual([]);

    // The reloaded agenda carries the new version, so the same click now goes through.
    await row.getByRole('button', { name: 'Ta inn' }).click();
    await agenda.getByText('«Skolevegring og fravær» er tatt inn på sakslisten.').waitFor();
    expect((await stored(STALE_MEETING)).map((i) => [i.status, i.version])).toEqual([['accepted', 3]]);
  });

  it('moves accepted items with «Flytt ned» and «Flytt opp», and stores the new order', async () => {
    const items: Item[] = [];
    for (const title of ['Budsjett', 'Kompetanse', 'Skolerute']) {
      const item = await submit(LEADER, ORDER_MEETING, title);
      await accept(ORDER_MEETING, item);
      items.push(item);
    }
    const storedOrder = async () => agendaOrder(await stored(ORDER_MEETING)).map((i) => i.title);
    expect(await storedOrder()).toEqual(['Budsjett', 'Kompetanse', 'Skolerute']);
    const { page, agenda } = await openAgenda(COORDINATOR, ORDER_MEETING);
    const shown = () =>
      agenda.getByRole('list', { name: 'Saksliste' }).locator('li > span:first-child').allTextContents();
    expect(await shown()).toEqual(['Budsjett', 'Kompetanse', 'Skolerute']);
    expect(await agenda.getByRole('button', { name: 'Flytt opp: «Budsjett»' }).isDisabled()).toBe(true);
    expect(await agenda.getByRole('button', { name: 'Flytt ned: «Skolerute»' }).isDisabled()).toBe(true);

    await agenda.getByRole('button', { name: 'Flytt ned: «Budsjett»' }).click();
    await agenda.getByText('Rekkefølgen er lagret.').waitFor();
    expect(await storedOrder()).toEqual(['Kompetanse', 'Budsjett', 'Skolerute']);
    await expect.poll(shown).toEqual(['Kompetanse', 'Budsjett', 'Skolerute']);

    await agenda.getByRole('button', { name: 'Flytt opp: «Skolerute»' }).click();
    await agenda.getByText('Rekkefølgen er lagret.').waitFor();
    await expect.poll(shown).toEqual(['Kompetanse', 'Skolerute', 'Budsjett']);
    expect(await storedOrder()).toEqual(['Kompetanse', 'Skolerute', 'Budsjett']);
    await screenshot(page, 'agenda-reordered');
  });

  it('refuses a reorder on an agenda changed since it was shown, and shows the new item', async () => {
    const { agenda } = await openAgenda(COORDINATOR, ORDER_MEETING);
    await agenda.getByRole('button', { name: 'Flytt ned: «Kompetanse»' }).waitFor();
    await submit(LEADER, ORDER_MEETING, 'Kom inn underveis');
    await agenda.getByRole('button', { name: 'Flytt ned: «Kompetanse»' }).click();
    await agenda
      .getByRole('alert')
      .getByText('Sakslisten ble endret av noen andre etter at du åpnet den.', { exact: false })
      .waitFor();
    await agenda.locator('li', { hasText: 'Kom inn underveis' }).waitFor();
    expect(agendaOrder(await stored(ORDER_MEETING)).map((i) => i.title)).toEqual([
      'Kompetanse',
      'Skolerute',
      'Budsjett',
    ]);
  });

  it('lets a submitter edit her own item in a pre-filled form, then withdraw it', async () => {
    const mine = await submit(LEADER, OWN_MEETING, 'Min sak');
    const { page, agenda } = await openAgenda(LEADER, OWN_MEETING);
    const row = agenda.locator(`li[data-item-id="${mine.id}"]`);
    await row.getByRole('button', { name: 'Endre: «Min sak»' }).click();
    const form = row.getByRole('form', { name: 'Endre saken «Min sak»' });
    expect(await form.getByLabel('Tittel').inputValue()).toBe('Min sak');
    expect(await form.getByLabel('Beskrivelse').inputValue()).toBe('Om Min sak.');
    expect(await form.getByLabel('Hvem legger fram').inputValue()).toBe('Line Leder');
    expect(await form.getByLabel('Minutter').inputValue()).toBe('20');
    await form.getByLabel('Tittel').fill('Min sak, bedre formulert');
    await form.getByLabel('Minutter').fill('30');
    await screenshot(page, 'agenda-edit-own');
    expect(await describedViolations(page, 'endre egen sak')).toEqual([]);
    await form.getByRole('button', { name: 'Lagre endringene' }).click();
    await agenda.getByText('«Min sak, bedre formulert» er endret.').waitFor();
    await row.getByText('30 min', { exact: false }).waitFor();
    expect(await row.getByRole('form').count()).toBe(0);
    const [edited] = await stored(OWN_MEETING);
    expect(edited).toMatchObject({
      title: 'Min sak, bedre formulert',
      minutes: 30,
      version: 2,
      status: 'submitted',
    });

    await row.getByRole('button', { name: 'Trekk tilbake: «Min sak, bedre formulert»' }).click();
    const confirm = row.getByRole('group', { name: 'Trekk tilbake: «Min sak, bedre formulert»' });
    await confirm.getByText('Vil du trekke tilbake «Min sak, bedre formulert»?', { exact: false }).waitFor();
    expect(await describedViolations(page, 'trekk tilbake')).toEqual([]);
    await confirm.getByRole('button', { name: 'Ja, trekk tilbake' }).click();
    await agenda.getByText('«Min sak, bedre formulert» er trukket tilbake.').waitFor();
    expect(await agenda.locator(`li[data-item-id="${mine.id}"]`).count()).toBe(0);
    expect((await stored(OWN_MEETING)).map((i) => [i.status, i.version])).toEqual([['withdrawn', 3]]);
    await screenshot(page, 'agenda-withdrawn-own');
  });

  it('refuses a submitter’s edit of an item the coordinator changed meanwhile, and shows his version', async () => {
    const item = await submit(LEADER, OWN_MEETING, 'Før koordinatoren');
    const { agenda } = await openAgenda(LEADER, OWN_MEETING);
    const row = agenda.locator(`li[data-item-id="${item.id}"]`);
    await row.getByRole('button', { name: 'Endre: «Før koordinatoren»' }).click();
    const form = row.getByRole('form', { name: 'Endre saken «Før koordinatoren»' });
    await form.getByLabel('Tittel').fill('Min nye tittel');
    const byCoordinator = await call(COORDINATOR, `${agendaPath(OWN_MEETING)}/items/${item.id}`, 'PUT', {
      title: 'Rettet av koordinatoren',
      description: '',
      presenter: 'Kåre Koordinator',
      minutes: 10,
      version: item.version,
    });
    expect(byCoordinator.status).toBe(200);
    await form.getByRole('button', { name: 'Lagre endringene' }).click();
    await agenda.getByRole('alert').getByText(ITEM_CHANGED).waitFor();
    await row.getByText('Rettet av koordinatoren', { exact: true }).waitFor();
    expect(await row.getByRole('form').count()).toBe(0);
    const after = (await stored(OWN_MEETING)).find((i) => i.id === item.id);
    expect(after).toMatchObject({ title: 'Rettet av koordinatoren', version: 2 });
  });

  it('offers a member no «Endre» or «Trekk tilbake» on another’s item, and the API refuses her', async () => {
    const theirs = await submit(LEADER, OWN_MEETING, 'Lines sak');
    await accept(OWN_MEETING, theirs);
    const mine = await submit(MEMBER, OWN_MEETING, 'Monas sak');
    const { page, agenda } = await openAgenda(MEMBER, OWN_MEETING);
    const other = agenda.locator(`li[data-item-id="${theirs.id}"]`);
    await other.getByText('Tatt inn').waitFor();
    expect(await other.getByRole('button').count()).toBe(0);
    // Her own item has them, so their absence above is the rule, not a broken button.
    await agenda
      .locator(`li[data-item-id="${mine.id}"]`)
      .getByRole('button', { name: 'Endre: «Monas sak»' })
      .waitFor();
    await screenshot(page, 'agenda-member');

    const itemPath = `${agendaPath(OWN_MEETING)}/items/${theirs.id}`;
    const edit = await call(MEMBER, itemPath, 'PUT', {
      title: 'Kapret',
      description: '',
      presenter: '',
      minutes: 5,
      version: 2,
    });
    expect(edit.status).toBe(403);
    expect(((await edit.json()) as { error: { message: string } }).error.message).toMatch(
      /^Beklager, bare den som meldte inn saken/,
    );
    expect((await call(MEMBER, `${itemPath}?version=2`, 'DELETE')).status).toBe(403);
    const after = (await stored(OWN_MEETING)).find((i) => i.id === theirs.id);
    expect(after).toMatchObject({ title: 'Lines sak', status: 'accepted', version: 2 });
  });
});

describe('accessibility of the agenda’s new states', () => {
  it('has no serious or critical violations in the dark theme, for the coordinator and with the edit form open', async () => {
    const found: string[] = [];
    const coordinator = await openTab(
      browser,
      url,
      COORDINATOR,
      `/tab/?view=kalender&mode=liste&event=${ORDER_MEETING}`,
      { dark: true },
    );
    await coordinator.getByRole('dialog').getByRole('button', { name: 'Flytt ned: «Kompetanse»' }).waitFor();
    found.push(...(await describedViolations(coordinator, 'saksliste, koordinator (mørk)')));
    await coordinator.context().close();
    const submitter = await openTab(
      browser,
      url,
      MEMBER,
      `/tab/?view=kalender&mode=liste&event=${OWN_MEETING}`,
      { dark: true },
    );
    await submitter.getByRole('button', { name: 'Endre: «Monas sak»' }).click();
    await submitter.getByRole('form', { name: 'Endre saken «Monas sak»' }).waitFor();
    found.push(...(await describedViolations(submitter, 'endre sak (mørk)')));
    await submitter.getByRole('button', { name: 'Avbryt' }).click();
    await submitter.getByRole('button', { name: 'Trekk tilbake: «Monas sak»' }).click();
    await submitter.getByRole('button', { name: 'Ja, trekk tilbake' }).waitFor();
    found.push(...(await describedViolations(submitter, 'trekk tilbake (mørk)')));
    await screenshot(submitter, 'agenda-withdraw-confirm-dark');
    expect(found).toEqual([]);
  }, 60_000);
});
