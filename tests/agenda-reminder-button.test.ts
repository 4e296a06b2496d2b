import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { silentLogger } from '../bot/log/logger.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { COORDINATOR, MEMBER, listeningWithKulgChannel } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';
import { planFixture, planYaml } from './support/plan-fixture.js';
import { pressCard, type ActionCard as Card, type CardAction as Action } from './support/reminder-world.js';

// KULG 2020-05-14 takes items until the meeting day itself (an event rule), so its reminder the
// day before still offers «Meld inn sak»; the 2021-01-03 meeting keeps the 21-day default, so
// its reminder comes after the deadline and does not.
const time = { now: new Date('2020-05-01T00:00:00Z') };
const clock = { now: () => time.now };
const CHANNEL = '19:kulg@thread.tacv2';
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
  const plan = planFixture();
  plan.calendar[0].rules = [{ kind: 'agenda-items-deadline', daysBefore: 0 }];
  await importPlan({ plans: app.plans, clock }, planYaml(plan));
  await app.syncAllReminders();
});
afterAll(async () => {
  await app.close();
  await connector.close();
});

/** Runs what is due at `iso` and posts it; returns the newest meeting reminder card in the channel. */
async function reminderAt(iso: string, title: string): Promise<Card> {
  time.now = new Date(iso);
  await app.tick();
  const sender = new OutboxSender({
    queue: app.outbox,
    connector: createBotConnector(),
    clock,
    logger: silentLogger,
  });
  while ((await sender.drainOnce()) > 0);
  const posted = (connector.received.get(CHANNEL) ?? [])
    .map((r) => r.activity as { attachments?: { content: Card }[] })
    .filter((a) => JSON.stringify(a).includes(`Påminnelse: ${title}`));
  expect(posted).toHaveLength(1);
  return posted[0]!.attachments![0]!.content;
}

/** «Meld inn sak» pressed, as Teams sends an Action.Execute: a real `adaptiveCard/action` invoke. */
const press = (user: string, action: Action) => pressCard(app, connector.url, user, action);

describe('«Meld inn sak» on the meeting reminder', () => {
  let button: Action;

  it('shows on the reminder while the item deadline has not passed, as an Action.Execute with a fallback', async () => {
    const card = await reminderAt('2020-05-13T06:00:10Z', 'Ledermøte KULG');
    expect(checkCard(card).problems).toEqual([]);
    expect(checkCard(card).bytes).toBeLessThan(80 * 1024);
    button = card.actions.find((a) => a.title === 'Meld inn sak')!;
    expect(button).toMatchObject({
      type: 'Action.Execute',
      verb: 'sak-ny',
      data: { verb: 'sak-ny', eventId: 'kulg-01' },
      fallback: { type: 'Action.Submit', data: { verb: 'sak-ny', eventId: 'kulg-01' } },
    });
  });

  it('answers the press with the item form for that meeting, which submits an item', async () => {
    const { card } = await press(MEMBER, button);
    expect(checkCard(card).problems).toEqual([]);
    const shown = JSON.stringify(card);
    expect(shown).toContain('Meld inn sak til Ledermøte KULG torsdag 14. mai 2020');
    expect(shown).toContain('Fristen for å melde inn saker er torsdag 14. mai 2020.');
    const send = card!.actions.find((a) => a.verb === 'sak-send')!;
    expect(send.data).toEqual({ verb: 'sak-send', eventId: 'kulg-01' });
    const submitted = await press(MEMBER, {
      ...send,
      data: { ...send.data, title: 'Fra påminnelsen', description: '', presenter: '', minutes: '10' },
    });
    expect(JSON.stringify(submitted.card)).toContain('Takk! Saken «Fra påminnelsen» er meldt inn.');
    const listed = (await (
      await fetch(`${url}/api/meetings/kulg-01/agenda`, { headers: { [DEV_USER_HEADER]: COORDINATOR } })
    ).json()) as { items: { title: string }[] };
    expect(listed.items.map((i) => i.title)).toContain('Fra påminnelsen');
  });

  it('after the deadline answers a member with the deadline named, and the coordinator with a late form', async () => {
    time.now = new Date('2020-05-15T08:00:00Z');
    const late = await press(MEMBER, button);
    expect(late.message).toBe(
      'Fristen for å melde inn saker til dette møtet var torsdag 14. mai 2020. Be koordinatoren om å ta saken inn.',
    );
    const { card } = await press(COORDINATOR, button);
    expect(card!.actions.find((a) => a.verb === 'sak-send')?.data).toEqual({
      verb: 'sak-send',
      eventId: 'kulg-01',
      acceptLate: true,
    });
  });

  it('is left out of a reminder that comes after the item deadline', async () => {
    const card = await reminderAt('2021-01-02T07:00:10Z', 'Søndagsmøte');
    expect(checkCard(card).problems).toEqual([]);
    expect(card.actions.map((a) => a.title)).toEqual(['Legg i kalender', 'Åpne i Planpuls']);
  });
});
