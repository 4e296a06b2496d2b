/// <reference lib="dom" />
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app.js';
import type { ConversationRef } from '../../bot/domain/conversations/conversation-ref.js';
import { OutboxSender } from '../../bot/delivery/outbox-sender.js';
import { silentLogger } from '../../bot/log/logger.js';
import { createBotConnector } from '../../bot/teams/bot-connector.js';
import { broadcastMessageId } from '../../bot/use-cases/broadcasts/manage-broadcasts.js';
import { startLocalConnector, type LocalConnector } from '../../tools/local-connector.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, describedViolations, launchChromium, screenshot } from './support/browser.js';
import { openTab } from './support/open-tab.js';
import { ADMIN, ensureTabBuilt, startTabServer } from './support/tab-server.js';

const RITA = '00000000-0000-0000-0000-0000000000b7';
const LEDERGRUPPA = '19:oppvekst-ledergruppa@thread.tacv2';

let app: App;
let url: string;
let browser: Browser;
let connector: LocalConnector;

const ref = (id: string, type: 'channel' | 'personal', user?: ConversationRef['user']): ConversationRef => ({
  channelId: 'msteams',
  serviceUrl: connector.url,
  conversation: { id, conversationType: type, tenantId: 'tenant' },
  bot: { id: '28:planpuls' },
  ...(user ? { user } : {}),
});

beforeAll(async () => {
  await ensureTabBuilt();
  connector = await startLocalConnector();
  ({ app, url } = await startTabServer(freshTables().tables));
  await app.people.save({
    aadObjectId: RITA,
    name: 'Rita Rektor',
    roles: ['enhetsleder'],
    leads: [],
    networks: [],
    coordinates: [],
  });
  await app.registry.record({
    conversationId: 'a:rita',
    kind: 'personal',
    userAadObjectId: RITA,
    reference: ref('a:rita', 'personal'),
  });
  // The configured admin is in no people list; Teams gave her name in her own chat.
  await app.registry.record({
    conversationId: 'a:kari',
    kind: 'personal',
    userAadObjectId: ADMIN,
    reference: ref('a:kari', 'personal', { id: '29:kari', name: 'Kari Kommunalsjef', aadObjectId: ADMIN }),
  });
  await app.registry.record({
    conversationId: LEDERGRUPPA,
    kind: 'channel',
    teamId: '19:oppvekst',
    teamName: 'Oppvekst',
    channelName: 'Ledergruppa',
    reference: ref(LEDERGRUPPA, 'channel'),
  });
  await app.links.add({
    target: { kind: 'programme', id: 'kulg' },
    conversationId: LEDERGRUPPA,
    linkedBy: ADMIN,
    linkedAt: '2026-11-20T09:00:00.000Z',
  });
  browser = await launchChromium();
}, 120_000);
afterEach(() => {
  expect(cspViolations.take()).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await connector?.close();
});

/** Delivers what is queued, as the running server's sender would. */
async function deliver() {
  const sender = new OutboxSender({
    queue: app.outbox,
    connector: createBotConnector(),
    clock: { now: () => new Date('2026-11-23T08:00:00Z') }, // the server's clock
    logger: silentLogger,
    onNotInstalled: (id, reason) => app.registry.markStale(id, reason),
  });
  while ((await sender.drainOnce()) > 0);
}

describe('the kommunalsjef sending a message, in a real browser', () => {
  it('asks before «Send nå», naming how many and where, and sends only on yes', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=meldinger');
    page.setDefaultTimeout(10_000);
    await page.getByRole('button', { name: 'Ny melding' }).click();
    const form = page.getByRole('form', { name: 'Skriv en melding' });
    await form.getByLabel('Tittel').fill('Skolevegring');
    await form
      .getByLabel('Tekst')
      .fill(
        '**Viktig:** les _utkastet_ før møtet.\nTo ting:\n- kapittel 2\n- tiltakslista\n\nSe [veilederen](https://example.org/veileder). Frist < fredag & *ikke* _lukket',
      );
    // Three audiences; the channel is reached through two of them: two conversations.
    await form.getByRole('group', { name: 'Nettverk og program' }).getByLabel('KULG').check();
    await form.getByRole('group', { name: 'Roller' }).getByLabel('Enhetsleder').check();
    await form.getByRole('group', { name: 'Kanaler' }).getByLabel('Oppvekst › Ledergruppa').check();
    await form.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    const row = page.getByTestId('broadcast-list').locator('tr', { hasText: 'Skolevegring' });
    expect(await row.locator('td').nth(3).textContent()).toBe(
      'KULG, alle med rollen enhetsleder, Oppvekst › Ledergruppa',
    );
    const [draft] = await app.broadcasts.broadcasts.list();
    const edit = page.getByRole('form', { name: 'Rediger utkastet' });

    // «Send nå» asks first; «Avbryt» sends nothing.
    await edit.getByRole('button', { name: 'Send nå' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Sende meldingen nå?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('confirm-recipients').textContent()).toBe(
      'Sendes til 2 mottakere: Oppvekst › Ledergruppa og Rita Rektor (personlig chat).',
    );
    expect(await describedViolations(page, 'bekreft utsending')).toEqual([]);
    await screenshot(page, 'broadcast-confirm');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await app.broadcasts.broadcasts.get(draft!.id))?.status).toBe('draft');
    expect(await app.outbox.deliveries(broadcastMessageId(draft!.id))).toEqual([]);

    await edit.getByRole('button', { name: 'Send nå' }).click();
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Meldingen sendes til 2 mottakere.').waitFor();
    // The form and its «Send nå» have given way to the status: the answer has the keyboard.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role=status]')?.textContent ?? ''))
      .toContain('Meldingen sendes til 2 mottakere.');
    expect((await app.broadcasts.broadcasts.get(draft!.id))?.status).toBe('sent');
    await deliver();
    expect(connector.received.get('a:rita')).toHaveLength(1);
    expect(connector.received.get(LEDERGRUPPA)).toHaveLength(1);

    // The status names each place and person, reads the text as it is meant, and offers no
    // cancel once everything is out.
    const details = page.getByTestId('broadcast-details');
    await details.getByRole('button', { name: 'Oppdater' }).click();
    await expect.poll(() => details.getByTestId('broadcast-counts').textContent()).toBe('Sendt: 2');
    expect(await details.getByTestId('broadcast-reach').textContent()).toBe('Sendt til 2 mottakere.');
    const cells = await details
      .getByTestId('broadcast-recipients')
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(cells.sort()).toEqual(['Oppvekst › Ledergruppa', 'Rita Rektor (personlig chat)']);
    const shown = (await details.textContent()) ?? '';
    for (const raw of ['19:', 'a:rita', '**', '_utkastet_', '](', 'Kanal ', 'Personlig chat ', ADMIN])
      expect(shown).not.toContain(raw);
    const text = details.getByTestId('broadcast-text');
    expect(await text.locator('strong').allTextContents()).toEqual(['Viktig:']);
    expect(await text.locator('em').allTextContents()).toEqual(['utkastet', 'ikke']);
    expect(await text.locator('li').allTextContents()).toEqual(['kapittel 2', 'tiltakslista']);
    expect(await text.getByRole('link', { name: 'veilederen' }).getAttribute('href')).toBe(
      'https://example.org/veileder',
    );
    expect(await text.locator('p').allTextContents()).toEqual([
      'Viktig: les utkastet før møtet.To ting:',
      'Se veilederen. Frist < fredag & ikke _lukket',
    ]);
    expect(await details.getByRole('button', { name: 'Avbryt utsendingen' }).count()).toBe(0);
    expect(await details.getByTestId('broadcast-acks').count()).toBe(0); // no reading: no «Har lest»
    expect(await row.locator('td').nth(3).textContent()).toBe('2 mottakere');
    expect(await describedViolations(page, 'sendt melding')).toEqual([]);
    await screenshot(page, 'broadcast-sent');
  });
});

describe('the sent message at phone width', () => {
  it('reads the same without scrolling sideways', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=meldinger', {
      viewport: { width: 375, height: 800 },
    });
    await page.getByRole('button', { name: 'Åpne: Skolevegring' }).click();
    const details = page.getByTestId('broadcast-details');
    await details.getByTestId('broadcast-text').locator('strong').waitFor();
    expect(await details.getByTestId('broadcast-reach').textContent()).toBe('Sendt til 2 mottakere.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const item = page.getByTestId('broadcast-list').locator('li', { hasText: 'Skolevegring' });
    expect(await item.textContent()).toBe('SkolevegringSendt23. nov. 2026, 09:00 · 2 mottakereÅpne');
    await screenshot(page, 'broadcast-sent-phone');
  });
});

describe('the channel links, in a real browser', () => {
  it('names who linked a channel, not their id', async () => {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=administrasjon');
    const table = page.getByTestId('links-table');
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: 'Oppvekst › Ledergruppa' });
    expect(await row.locator('td').allTextContents()).toEqual([
      'KULG',
      'Oppvekst › Ledergruppa',
      'Kari Kommunalsjef',
    ]);
    expect(await table.textContent()).not.toContain(ADMIN);
    await screenshot(page, 'admin-links-named');
  });
});

describe('a message not everyone can get, in a real browser', () => {
  const STIAN = '00000000-0000-0000-0000-0000000000c1';
  const NINA = '00000000-0000-0000-0000-0000000000c2';
  const LEFT_OUT =
    'Stian Styrer og Nina Nord har ikke Planpuls i en personlig chat ennå. LP har ingen koblet kanal.';

  async function write(title: string, tick: { group: string; label: string }[]) {
    const page = await openTab(browser, url, ADMIN, '/tab/?view=meldinger');
    page.setDefaultTimeout(10_000);
    await page.getByRole('button', { name: 'Ny melding' }).click();
    const form = page.getByRole('form', { name: 'Skriv en melding' });
    await form.getByLabel('Tittel').fill(title);
    await form.getByLabel('Tekst').fill('Velkommen til samling.\n\nSe programmet.');
    for (const { group, label } of tick)
      await form.getByRole('group', { name: group }).getByLabel(label, { exact: true }).check();
    return { page, form };
  }

  it('names who will not get it and why before «Send nå», sends to the rest, and keeps them in the status', async () => {
    for (const [aadObjectId, name] of [
      [STIAN, 'Stian Styrer'],
      [NINA, 'Nina Nord'],
    ] as const)
      await app.people.save({
        aadObjectId,
        name,
        roles: ['enhetsleder'],
        leads: [],
        networks: [],
        coordinates: [],
      });
    const { page, form } = await write('Ledersamling', [
      { group: 'Roller', label: 'Enhetsleder' },
      { group: 'Nettverk og program', label: 'LP' },
    ]);
    await form.getByRole('button', { name: 'Send nå' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Sende meldingen nå?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('confirm-recipients').textContent()).toBe(
      'Sendes til 1 mottaker: Rita Rektor (personlig chat).',
    );
    expect(await dialog.getByTestId('confirm-unreached').textContent()).toBe(`Får den ikke: ${LEFT_OUT}`);
    expect(await describedViolations(page, 'bekreft med noen som ikke nås')).toEqual([]);
    await screenshot(page, 'broadcast-confirm-unreached');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Meldingen sendes til 1 mottaker.').waitFor();

    const details = page.getByTestId('broadcast-details');
    expect(await details.getByTestId('broadcast-unreached').textContent()).toBe(`Nådde ikke: ${LEFT_OUT}`);
    const row = page.getByTestId('broadcast-list').locator('tr', { hasText: 'Ledersamling' });
    expect(await row.locator('td').nth(3).textContent()).toBe('1 mottaker, 3 ikke nådd');
    // «Oppdater» looks like a button, with a visible border, not like plain text.
    const refresh = details.getByRole('button', { name: 'Oppdater' });
    expect(await refresh.evaluate((b) => getComputedStyle(b).borderTopColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await describedViolations(page, 'sendt med noen som ikke nås')).toEqual([]);
    await screenshot(page, 'broadcast-sent-unreached');
  });

  it('says why a message reaching nobody cannot be sent, offering only «Avbryt»', async () => {
    const { page, form } = await write('Bare LP', [
      { group: 'Nettverk og program', label: 'LP' },
      { group: 'Roller', label: 'Koordinator' },
    ]);
    await form.getByRole('button', { name: 'Send nå' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Sende meldingen nå?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('confirm-recipients').textContent()).toBe(
      'Meldingen når ingen, så den kan ikke sendes.',
    );
    expect(await dialog.getByTestId('confirm-unreached').textContent()).toBe(
      'LP har ingen koblet kanal. Ingen har rollen koordinator.',
    );
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Avbryt']);
    await screenshot(page, 'broadcast-confirm-nobody');
  });

  it('says in words, with the weekday, when a scheduled message goes', async () => {
    const { page, form } = await write('Planlagt samling', [{ group: 'Roller', label: 'Enhetsleder' }]);
    await form.getByLabel('Send senere (dato og tid)').fill('2026-12-10T08:00');
    await form.getByRole('button', { name: 'Planlegg' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Planlegge meldingen?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('confirm-recipients').textContent()).toMatch(
      /^Sendes til 1 mottaker torsdag 10\. desember kl\. \d\d:00: Rita Rektor \(personlig chat\)\.$/,
    );
    await dialog.getByRole('button', { name: 'Planlegg' }).click();
    await page.getByText(/^Meldingen sendes til 1 mottaker torsdag 10\. desember kl\. \d\d:00\.$/).waitFor();
    const details = page.getByTestId('broadcast-details');
    expect(await details.getByTestId('broadcast-reach').textContent()).toMatch(
      /^Sendes til 1 mottaker torsdag 10\. desember kl\. \d\d:00\.$/,
    );
    expect(await details.getByTestId('broadcast-unreached').textContent()).toBe(
      'Når ikke: Stian Styrer og Nina Nord har ikke Planpuls i en personlig chat ennå.',
    );
    await screenshot(page, 'broadcast-scheduled');
  });
});
