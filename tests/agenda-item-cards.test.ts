import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { COORDINATOR, MEMBER, listeningWithKulgChannel } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';

// The fixture's KULG meeting is 2020-05-14: items until 2020-04-23.
const time = { now: new Date('2020-04-20T10:00:00Z') };
const clock = { now: () => time.now };
const CHANNEL = '19:kulg@thread.tacv2';
const OTHER_MEMBER = '00000000-0000-0000-0000-0000000000b7';
let app: App;
let url: string;
let connector: LocalConnector;

beforeAll(async () => {
  connector = await startLocalConnector();
  ({ app, url } = await listeningWithKulgChannel(
    clock,
    CHANNEL,
    connector.url,
    '19:oppvekst-general@thread.tacv2',
  ));
});
afterAll(async () => {
  await app.close();
  await connector.close();
});

type Card = Record<string, unknown> & { actions?: { title: string; data: Record<string, unknown> }[] };
type Item = { id: string; title: string; status: string; version: number };

const payload = () =>
  JSON.parse(readFileSync(new URL('./payloads/card-action-invoke.json', import.meta.url), 'utf8'));

/** An Action.Execute press, as Teams sends it: inputs merged into the action's data. */
function press(user: string, data: Record<string, unknown>): Partial<Activity> {
  const activity = payload();
  activity.serviceUrl = connector.url;
  activity.from.aadObjectId = user;
  activity.value.action = { type: 'Action.Execute', verb: data.verb, data };
  return activity;
}

async function run(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity(activity, (context) => app.bot.run(context));
  return adapter.activeQueue.splice(0);
}

/** The card (or message) an Action.Execute press answers with. */
async function answer(activity: Partial<Activity>): Promise<{ card?: Card; message?: string }> {
  const [response] = await run(activity);
  expect(response?.type).toBe('invokeResponse');
  const body = (response!.value as { body: { type: string; value: unknown } }).body;
  if (body.type === 'application/vnd.microsoft.card.adaptive') {
    const card = body.value as Card;
    expect(checkCard(card).problems).toEqual([]);
    expect(checkCard(card).bytes).toBeLessThan(80 * 1024);
    return { card };
  }
  return { message: String(body.value) };
}

const fields = { title: 'Leseløftet', description: 'Status', presenter: 'Rektor', minutes: '20' };
const action = (card: Card | undefined, title: string) => card?.actions?.find((a) => a.title === title);
const stored = async (id: string) => {
  const response = await fetch(`${url}/api/meetings/kulg-01/agenda`, {
    headers: { [DEV_USER_HEADER]: COORDINATOR },
  });
  return ((await response.json()) as { items: Item[] }).items.find((i) => i.id === id)!;
};

describe('the submitter changes her item through the card', () => {
  let item: { eventId: string; itemId: string; version: number };

  it('answers a submitted item with its card, carrying «Endre» and «Trekk tilbake» with the version', async () => {
    const { card } = await answer(press(MEMBER, { verb: 'sak-send', eventId: 'kulg-01', ...fields }));
    expect(JSON.stringify(card)).toContain('Takk! Saken «Leseløftet» er meldt inn.');
    expect(JSON.stringify(card)).toContain(
      'Du kan endre eller trekke tilbake saken til og med torsdag 23. april 2020.',
    );
    const edit = action(card, 'Endre')!;
    expect(edit).toMatchObject({
      type: 'Action.Execute',
      verb: 'sak-endre',
      fallback: { type: 'Action.Submit' },
    });
    expect(edit.data).toMatchObject({ verb: 'sak-endre', eventId: 'kulg-01', version: 1 });
    expect(action(card, 'Trekk tilbake')?.data).toMatchObject({ verb: 'sak-trekk', version: 1 });
    item = edit.data as typeof item;
  });

  it('answers «Endre» with the form filled in, saving with the version she saw', async () => {
    const { card } = await answer(press(MEMBER, { ...item, verb: 'sak-endre' }));
    const shown = JSON.stringify(card);
    expect(shown).toContain('Endre sak til Ledermøte KULG torsdag 14. mai 2020');
    expect(shown).toContain('"value":"Leseløftet"');
    expect(action(card, 'Lagre endringene')?.data).toEqual({ ...item, verb: 'sak-lagre' });
  });

  it('refuses «Endre» and «Trekk tilbake» from someone else in Norwegian, and changes nothing', async () => {
    const edit = await answer(press(OTHER_MEMBER, { ...item, verb: 'sak-endre' }));
    expect(edit.message).toMatch(/^Beklager, bare den som meldte inn saken/);
    const withdraw = await answer(press(OTHER_MEMBER, { ...item, verb: 'sak-trekk' }));
    expect(withdraw.message).toMatch(/^Beklager, bare den som meldte inn saken/);
    expect(await stored(item.itemId)).toMatchObject({ status: 'submitted', version: 1 });
  });

  it('saves a change made on the version she saw', async () => {
    const { card } = await answer(
      press(MEMBER, { ...item, ...fields, title: 'Leseløftet 2', verb: 'sak-lagre' }),
    );
    expect(JSON.stringify(card)).toContain('Saken «Leseløftet 2» er endret.');
    expect(action(card, 'Endre')?.data).toMatchObject({ version: 2 });
    expect(await stored(item.itemId)).toMatchObject({ title: 'Leseløftet 2', version: 2 });
  });

  it('refuses a change from a stale card, stores nothing and shows the item as it is now', async () => {
    // `item` still carries version 1; the item is at version 2.
    const { card } = await answer(
      press(MEMBER, { ...item, ...fields, title: 'Gammelt kort', verb: 'sak-lagre' }),
    );
    const shown = JSON.stringify(card);
    expect(shown).toContain('Saken ble endret av noen andre etter at du åpnet den. Ingenting er lagret');
    expect(shown).toContain('Leseløftet 2');
    expect(action(card, 'Endre')?.data).toMatchObject({ version: 2 });
    expect(await stored(item.itemId)).toMatchObject({ title: 'Leseløftet 2', version: 2 });
  });

  it('withdraws the item through the Action.Submit fallback, after which the card has no buttons', async () => {
    const activity = payload();
    activity.type = 'message';
    delete activity.name;
    activity.serviceUrl = connector.url;
    activity.from.aadObjectId = MEMBER;
    activity.value = { ...item, verb: 'sak-trekk', version: 2 };
    const [reply] = await run(activity);
    const card = (reply as { attachments: { content: Card }[] }).attachments[0]!.content;
    expect(JSON.stringify(card)).toContain(
      'Saken «Leseløftet 2» er trukket tilbake og står ikke på sakslisten.',
    );
    expect(card.actions ?? []).toEqual([]);
    expect(checkCard(card).problems).toEqual([]);
    expect(await stored(item.itemId)).toMatchObject({ status: 'withdrawn', version: 3 });
  });

  it('after the deadline refuses the submitter «Endre» with the deadline named, and lets the coordinator', async () => {
    const { card } = await answer(press(MEMBER, { verb: 'sak-send', eventId: 'kulg-01', ...fields }));
    const ids = action(card, 'Endre')!.data;
    time.now = new Date('2020-04-24T10:00:00Z');
    try {
      const late = await answer(press(MEMBER, { ...ids, verb: 'sak-endre' }));
      expect(late.message).toBe(
        'Fristen for saker til dette møtet var torsdag 23. april 2020. Be koordinatoren om å endre saken.',
      );
      const byCoordinator = await answer(press(COORDINATOR, { ...ids, verb: 'sak-endre' }));
      expect(JSON.stringify(byCoordinator.card)).toContain('Endre sak til');
    } finally {
      time.now = new Date('2020-04-20T10:00:00Z');
    }
  });
});
