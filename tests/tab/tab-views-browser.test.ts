/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { readingMessageId } from '../../bot/use-cases/reminders/event-reads.js';
import { COORDINATOR } from '../support/app.js';
import { cspViolations, describedViolations, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { closeTabWorld, startTabWorld } from './support/tab-world.js';
import { LEADER } from './support/report-data.js';
import { ADMIN, CHANNEL, MEMBER } from './support/tab-server.js';

const LEADER_2 = '00000000-0000-0000-0000-0000000000b2';
/** KULG meetings of the tab plan: 15 December (items due 24 November, tomorrow) and 12 January. */
const OPEN_MEETING = 'kulg-18';
const LATER_MEETING = 'kulg-22';

let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, browser } = await startTabWorld({ reports: true, coordinator: true }));
  await app.people.save({
    aadObjectId: LEADER_2,
    name: 'Lars Leder',
    roles: ['enhetsleder'],
    leads: [],
    networks: [],
    coordinates: [],
  });
  const planKey = (await app.plans.list())[0]!.key;
  await app.reminders.acks.add(
    readingMessageId(planKey, 'kulg-today'),
    LEADER,
    new Date('2026-11-20T09:00:00Z'),
  );
}, 120_000);
afterEach(() => {
  // The tab's content security policy refused nothing the tab does.
  expect(cspViolations.take()).toEqual([]);
});
afterAll(() => closeTabWorld({ app, browser }));

const open = (user: string, path?: string, options?: { dark?: boolean }) =>
  openTab(browser, url, user, path, options);

describe('Rapporter in a real browser', () => {
  it('shows the newest campaign: response rate per unit type and the units still missing', async () => {
    const page = await open(ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-summary').waitFor();
    expect(await page.getByLabel('Rapportrunde').inputValue()).toBe('2026-H2');
    // The half-year in words, not its id.
    expect(await page.getByLabel('Rapportrunde').locator('option').allTextContents()).toEqual([
      'Halvårsrapport høsten 2026',
      'Halvårsrapport våren 2026',
    ]);
    expect(await page.getByTestId('response-rate').textContent()).toBe('1 av 3 enheter har sendt inn (33 %)');
    const summary = await page.getByTestId('campaign-summary').textContent();
    expect(summary).toContain('Skole1 av 1100 %');
    expect(summary).toContain('Barnehage0 av 10 %');
    expect(await page.getByTestId('missing-units').locator('li').allTextContents()).toEqual([
      'Ballstad barnehage',
      'PPT Vest-Lofoten',
    ]);
    // Who the request could not reach when it was opened, by unit name and why.
    expect(await page.getByTestId('unreached-units').locator('li').allTextContents()).toEqual([
      'Leknes skole: Line Leder har ikke brukt Planpuls i Teams (ingen personlig chat), og enheten har ingen koblet kanal',
      'Ballstad barnehage: ingen leder registrert, og enheten har ingen koblet kanal',
      'PPT Vest-Lofoten: ingen leder registrert, og enheten har ingen koblet kanal',
    ]);
    await screenshot(page, 'reports');
  });

  it('aggregates the signs of good practice with their trend across half-years', async () => {
    const page = await open(ADMIN, '/tab/?view=rapporter');
    const row = page.locator('[data-sign-id="miljo-01"]');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      '1',
      '0',
      '0',
      'Flere ja enn forrige halvårVåren 2026: ja 0, delvis 1, nei 0Høsten 2026: ja 1, delvis 0, nei 0',
    ]);
    await page.getByLabel('Rapportrunde').selectOption('2026-H1');
    expect(await page.getByTestId('response-rate').textContent()).toBe('1 av 3 enheter har sendt inn (33 %)');
    expect(await row.locator('td').last().textContent()).toContain('Ingen tidligere halvår');
  });

  it('opens a unit report with its content and every version (who, when)', async () => {
    const page = await open(ADMIN, '/tab/?view=rapporter');
    await page.getByRole('button', { name: 'Åpne rapporten fra Leknes skole' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('report-history').waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('Leknes skole · Halvårsrapport høsten 2026');
    expect(text).toContain('Kartlagt med elevundersøkelsen i høst.');
    // The deadline in words with its weekday, no raw date, no «….: Ja» fragments, nothing empty.
    expect(text).toContain('Frist: mandag 1. mars 2027 · Status: Pågår');
    expect(text).not.toContain('2027-03-01');
    expect(text).not.toMatch(/\.: /);
    expect(text).not.toContain('Fritekst');
    // Each sign's text over its answer (and comment), under its future picture's heading.
    const signs = dialog.getByTestId('report-signs');
    expect(await signs.getByRole('heading', { level: 4 }).allInnerTexts()).toContain(
      'Trygt og godt læringsmiljø',
    );
    const read = (await signs.locator('dt, dd').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const at = read.indexOf('Alle barn har en voksen de stoler på.');
    expect(read.slice(at, at + 2)).toEqual([
      'Alle barn har en voksen de stoler på.',
      'Ja Kontaktlærer har samtaler.',
    ]);
    const versions = await dialog.getByTestId('report-history').locator('tbody tr').allInnerTexts();
    expect(versions.map((v) => v.replace(/\s+/g, ' ').trim())).toEqual([
      '2 Sendt inn Line Leder 21. nov. 2026, 10:30',
      '1 Utkast Line Leder 20. nov. 2026, 09:00',
    ]);
    await screenshot(page, 'reports-unit');
    expect(await describedViolations(page, 'rapport')).toEqual([]);
  });

  it('downloads the CSV export with the caller identity', async () => {
    const page = await open(ADMIN, '/tab/?view=rapporter');
    await page.getByTestId('campaign-summary').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned CSV' }).click(),
    ]);
    // The campaign she is looking at, for Excel (see csv-download-browser.test.ts).
    expect(download.suggestedFilename()).toBe('planpuls-rapporter-2026-H2.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Leknes skole;Skole;Sendt inn;Nei;2;2026-11-21 10:30;Line Leder;');
    expect(csv).toContain('Ballstad barnehage;Barnehage;Ikke spurt;');
  });

  it('shows a unit leader only their own unit, and a member the server’s refusal', async () => {
    const leader = await open(LEADER, '/tab/?view=rapporter');
    await leader.getByTestId('report-units').waitFor();
    expect(await leader.getByTestId('report-units').locator('tbody tr').count()).toBe(1);
    const member = await open(MEMBER, '/tab/?view=rapporter');
    await member.getByRole('heading', { name: 'Rapporter' }).waitFor();
    await member
      .getByText('Bare administratorer, koordinatorer og enhetsledere kan se rapportene.')
      .waitFor();
    expect(await member.getByTestId('report-units').count()).toBe(0);
  });
});

describe('event details in a real browser', () => {
  it('shows an admin how many have read the reading assignment, and who', async () => {
    const page = await open(ADMIN, '/tab/?view=kalender&event=kulg-today');
    const receipts = page.getByRole('dialog').getByTestId('read-receipts');
    await receipts.waitFor();
    const text = await receipts.textContent();
    expect(text).toContain('1 av 2 har lest');
    expect(text).toContain('Har lest: Line Leder (20. nov. 2026, 10:00)');
    expect(text).toContain('Ikke lest ennå: Lars Leder');
    await screenshot(page, 'event-reads');
  });

  it('shows a participant the count and their own receipt, without names', async () => {
    const page = await open(LEADER, '/tab/?view=kalender&event=kulg-today');
    const receipts = page.getByRole('dialog').getByTestId('read-receipts');
    await receipts.waitFor();
    const text = await receipts.textContent();
    expect(text).toContain('1 av 2 har lest');
    expect(text).toContain('Du markerte lest 20. nov. 2026, 10:00.');
    expect(text).not.toContain('Lars Leder');
  });

  it('lets a participant submit an agenda item before the deadline', async () => {
    const page = await open(LEADER, `/tab/?view=kalender&mode=liste&event=${OPEN_MEETING}`);
    const agenda = page.getByRole('dialog').getByTestId('agenda');
    await agenda.getByText('Frist for saker: tirsdag 24. november 2026', { exact: false }).waitFor();
    await agenda.getByLabel('Tittel').fill('Felles plan for leseopplæring');
    await agenda.getByLabel('Beskrivelse').fill('Forslag fra skolene i sør.');
    await agenda.getByLabel('Hvem legger fram').fill('Line Leder');
    await agenda.getByLabel('Minutter').fill('20');
    await agenda.getByRole('button', { name: 'Meld inn' }).click();
    await agenda.getByText('Saken er meldt inn.').waitFor();
    await agenda.locator('li', { hasText: 'Felles plan for leseopplæring' }).waitFor();
    expect(await agenda.locator('li').first().textContent()).toContain('Meldt inn');
    const stored = await app.agenda.agenda.items((await app.plans.list())[0]!.key, OPEN_MEETING);
    expect(stored.map((i) => [i.title, i.presenter, i.minutes, i.submittedBy])).toEqual([
      ['Felles plan for leseopplæring', 'Line Leder', 20, LEADER],
    ]);
    await screenshot(page, 'agenda-submitted');
  });

  it('offers a participant no item form after the deadline, and the API refuses her in Norwegian', async () => {
    const page = await open(LEADER, '/tab/?view=kalender&event=kulg-today');
    const agenda = page.getByRole('dialog').getByTestId('agenda');
    await agenda
      .getByText('Fristen for å melde inn saker til dette møtet var mandag 2. november 2026.', {
        exact: false,
      })
      .waitFor();
    expect(await agenda.getByLabel('Tittel').count()).toBe(0);
    expect(await agenda.getByRole('button', { name: 'Meld inn' }).count()).toBe(0);
    const response = await fetch(`${url}/api/meetings/kulg-today/agenda/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: LEADER },
      body: JSON.stringify({ title: 'For sent', description: '', presenter: '', minutes: 15 }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'Fristen for å melde inn saker til dette møtet var mandag 2. november 2026.',
    );
    expect(await app.agenda.agenda.items((await app.plans.list())[0]!.key, 'kulg-today')).toEqual([]);
  });

  it('lets the coordinator take a late item in after the deadline', async () => {
    const page = await open(COORDINATOR, '/tab/?view=kalender&event=kulg-today');
    const agenda = page.getByRole('dialog').getByTestId('agenda');
    await agenda.getByText('Fristen for å melde inn saker er passert.').waitFor();
    await agenda.getByLabel('Tittel').fill('Sen, men viktig');
    await agenda.getByLabel('Ta inn selv om fristen er passert').check();
    await agenda.getByRole('button', { name: 'Meld inn' }).click();
    await agenda.getByText('Saken er meldt inn.').waitFor();
    const stored = await app.agenda.agenda.items((await app.plans.list())[0]!.key, 'kulg-today');
    expect(stored.map((i) => i.title)).toEqual(['Sen, men viktig']);
  });

  it('lets the coordinator accept an item and publish the agenda', async () => {
    for (const title of ['Budsjett 2027', 'Kompetanseplan']) {
      const response = await fetch(`${url}/api/meetings/${LATER_MEETING}/agenda/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: LEADER },
        body: JSON.stringify({ title, description: '', presenter: 'Line Leder', minutes: 15 }),
      });
      expect(response.status).toBe(201);
    }
    const page = await open(COORDINATOR, `/tab/?view=kalender&mode=liste&event=${LATER_MEETING}`);
    const agenda = page.getByRole('dialog').getByTestId('agenda');
    const item = agenda.locator('li', { hasText: 'Kompetanseplan' });
    await item.getByRole('button', { name: 'Ta inn' }).click();
    await agenda.getByText('«Kompetanseplan» er tatt inn på sakslisten.').waitFor();
    await item.getByText('Tatt inn').waitFor();
    await agenda.locator('li', { hasText: 'Budsjett 2027' }).getByRole('button', { name: 'Avslå' }).click();
    await agenda.getByText('«Budsjett 2027» er avslått.').waitFor();
    const planKey = (await app.plans.list())[0]!.key;
    const statuses = Object.fromEntries(
      (await app.agenda.agenda.items(planKey, LATER_MEETING)).map((i) => [i.title, i.status]),
    );
    expect(statuses).toEqual({ Kompetanseplan: 'accepted', 'Budsjett 2027': 'declined' });
    await agenda.getByRole('button', { name: 'Publiser sakslisten' }).click();
    await agenda.getByText('Sakslisten er publisert og sendes', { exact: false }).waitFor();
    expect((await app.agenda.agenda.publication(planKey, LATER_MEETING))?.sendAt).toBe(
      '2027-01-05T07:00:00.000Z',
    );
    await screenshot(page, 'agenda-coordinator');
    expect(await describedViolations(page, 'saksliste')).toEqual([]);
  });

  it('offers a member no coordinator actions', async () => {
    const page = await open(LEADER, `/tab/?view=kalender&mode=liste&event=${LATER_MEETING}`);
    const agenda = page.getByRole('dialog').getByTestId('agenda');
    await agenda.getByText('Meld inn sak').waitFor();
    expect(await agenda.getByRole('button', { name: 'Ta inn' }).count()).toBe(0);
    expect(await agenda.getByRole('button', { name: 'Publiser sakslisten' }).count()).toBe(0);
  });
});

describe('Meldinger (broadcasts) in a real browser', () => {
  it('shows the view to admins and coordinators only', async () => {
    // The views follow the roles /api/me gives, which may arrive after the tab list first shows.
    const coordinator = await open(COORDINATOR);
    await expect
      .poll(() => coordinator.getByRole('tab').allInnerTexts())
      .toEqual(['Mine', 'Kalender', 'Enheter', 'Rapporter', 'Meldinger']);
    const member = await open(MEMBER, '/tab/?view=meldinger');
    await expect
      .poll(() => member.getByRole('tab').allInnerTexts())
      .toEqual(['Mine', 'Kalender', 'Enheter', 'Rapporter']);
    // Asked for Meldinger, she lands in Kalender.
    await member.getByRole('heading', { name: 'Kalender' }).waitFor();
    expect(await member.getByRole('heading', { name: 'Kalender' }).count()).toBe(1);
  });

  it('lets an admin write a draft to a network and a channel, and lists it', async () => {
    const page = await open(ADMIN, '/tab/?view=meldinger');
    await page.getByRole('button', { name: 'Ny melding' }).click();
    const form = page.getByRole('form', { name: 'Skriv en melding' });
    await form.getByLabel('Tittel').fill('Husk fagdagen');
    await form.getByLabel('Tekst').fill('Vi møtes **fredag** kl. 09.');
    await form.getByLabel('Lenke').fill('https://example.org/fagdag');
    await form.getByLabel('Lesebestilling').fill('Les rapporten før fagdagen.');
    await form.getByRole('group', { name: 'Nettverk og program' }).getByLabel('KULG').check();
    await form.getByRole('group', { name: 'Kanaler' }).getByRole('checkbox').first().check();
    await form.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    const row = page.getByTestId('broadcast-list').locator('tr', { hasText: 'Husk fagdagen' });
    await row.getByText('Utkast').waitFor();
    const stored = await app.broadcasts.broadcasts.list();
    expect(stored.map((b) => [b.title, b.status, b.link, b.reading, b.audiences])).toEqual([
      [
        'Husk fagdagen',
        'draft',
        'https://example.org/fagdag',
        'Les rapporten før fagdagen.',
        ['programme:kulg', `conversation:${CHANNEL}`],
      ],
    ]);
    await screenshot(page, 'broadcast-draft');
    expect(await describedViolations(page, 'meldinger-skjema')).toEqual([]);
  });

  it('shows the server’s message when a preview cannot reach the sender’s own chat', async () => {
    const page = await open(ADMIN, '/tab/?view=meldinger');
    await page.getByRole('button', { name: 'Rediger: Husk fagdagen' }).click();
    await page.getByRole('button', { name: 'Forhåndsvis i egen chat' }).click();
    await page.getByText('Planpuls er ikke installert i din personlige chat', { exact: false }).waitFor();
  });

  it('sends the draft, shows each recipient and who has read it, and cancels the send', async () => {
    const page = await open(ADMIN, '/tab/?view=meldinger');
    await page.getByRole('button', { name: 'Rediger: Husk fagdagen' }).click();
    await page.getByRole('button', { name: 'Send nå' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Sende meldingen nå?' });
    expect(await confirm.getByTestId('confirm-recipients').textContent()).toBe(
      'Sendes til 1 mottaker: Oppvekst › KULG.',
    );
    await confirm.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Meldingen sendes til 1 mottaker.').waitFor();
    const [sent] = await app.broadcasts.broadcasts.list();
    expect(sent?.status).toBe('sent');
    await app.broadcasts.broadcasts.acknowledge(sent!.id, {
      aadObjectId: LEADER,
      name: 'Line Leder',
      at: '2026-11-23T09:15:00.000Z',
    });
    // The sent message opens with its status; «Oppdater» fetches it again.
    const details = page.getByTestId('broadcast-details');
    await details.getByRole('button', { name: 'Oppdater' }).click();
    await expect
      .poll(async () => details.getByTestId('broadcast-acks').textContent())
      .toBe('Line Leder (23. nov. 2026, 10:15)');
    expect(await details.getByTestId('broadcast-counts').textContent()).toBe('I kø: 1');
    // Named as people know the channel; still queued, so cancelling still applies.
    const recipients = await details.getByTestId('broadcast-recipients').locator('tbody').textContent();
    expect(recipients).toContain('Oppvekst › KULG');
    expect(recipients).not.toContain(CHANNEL);
    await screenshot(page, 'broadcast-status');
    await details.getByRole('button', { name: 'Avbryt utsendingen' }).click();
    await details.getByText('Utsendingen er avbrutt.').waitFor();
    await page.getByTestId('broadcast-list').getByText('Avbrutt').waitFor();
    expect((await app.broadcasts.broadcasts.get(sent!.id))?.status).toBe('cancelled');
  });
});

describe('accessibility of the new views', () => {
  it('has no serious or critical violations, light or dark', async () => {
    const found: string[] = [];
    for (const dark of [false, true]) {
      const page = await open(ADMIN, '/tab/?view=rapporter', { dark });
      await page.getByTestId('report-signs').waitFor();
      found.push(...(await describedViolations(page, `rapporter${dark ? ' (mørk)' : ''}`)));
      await page.context().close();
      const broadcasts = await open(ADMIN, '/tab/?view=meldinger', { dark });
      await broadcasts.getByTestId('broadcast-list').waitFor();
      found.push(...(await describedViolations(broadcasts, `meldinger${dark ? ' (mørk)' : ''}`)));
      await broadcasts.context().close();
    }
    expect(found).toEqual([]);
  }, 60_000);
});
