// The README's tour and the core-network member's journey on the demo plan rolled to the school
// year 2026–2027 (today is 3 December 2026), against real Azurite, the real HTTP server and its dev
// clock route, the local Bot Connector stand-in and botbuilder's TestAdapter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { checkCard } from './support/adaptive-card.js';
import { DEMO_CHANNEL, demoWorld, invokeCard, KARI, MONA, RITA, say } from './support/demo-world.js';

let connector: LocalConnector;
let close: (() => Promise<void>) | undefined;
beforeEach(async () => {
  connector = await startLocalConnector();
});
afterEach(async () => {
  await close?.();
  close = undefined;
  await connector.close();
});

const TODAY = '2026-12-03T09:00:00Z';
/** Step 2 of the README's tour links these networks to the KULG channel. */
const TOUR_NETWORKS = ['kulg', 'lp', 'lp-prosjektgruppe'];
const DAY = 86_400_000;

async function world(realStart = TODAY, networks = TOUR_NETWORKS) {
  const w = await demoWorld(connector.url, realStart, networks);
  close = () => w.app.close();
  return w;
}

function cardsIn(conversationId: string): string[] {
  return (connector.received.get(conversationId) ?? []).map((r) =>
    JSON.stringify((r.activity as Record<string, any>).attachments?.[0]?.content ?? r.activity),
  );
}

describe('the README tour, step 4: moving the dev clock', () => {
  it('brings the reading card of a linked network to the channel, without saying Planpuls was down', async () => {
    const { app, drain, moveClock } = await world();
    await app.tick(); // the first start's catch-up, as npm start runs it
    const { ran } = await moveClock({ advanceTo: '2027-01-07T09:00:00+01:00' });
    expect(ran).toBeGreaterThan(0);
    await drain();
    const cards = cardsIn(DEMO_CHANNEL);
    const reading = cards.filter((c) => c.includes('Lesebestilling: Fagdag 3'));
    expect(reading).toHaveLength(1);
    expect(reading[0]).toContain('Gjør deg kjent med kartleggingsresultatene');
    expect(reading[0]).toContain('torsdag 14. januar 2027 (uke 2)');
    expect(checkCard(JSON.parse(reading[0]!)).problems).toEqual([]);
    for (const card of cards) expect(card).not.toContain('var nede');
  });

  it('says nothing about downtime when the clock is moved days past a due time', async () => {
    const { app, drain, moveClock } = await world();
    await app.tick();
    await moveClock({ advanceTo: '2027-01-13T12:00:00+01:00' }); // six days after the reading fell due
    await drain();
    const cards = cardsIn(DEMO_CHANNEL);
    expect(cards.filter((c) => c.includes('Lesebestilling: Fagdag 3'))).toHaveLength(1);
    for (const card of cards) expect(card).not.toContain('var nede');
  });

  it('says nothing about downtime for what a first start sends late', async () => {
    // A first start on 10 January: the reading of the 14th fell due on the 7th.
    const { app, drain } = await world('2027-01-10T09:00:00Z');
    await app.tick();
    await drain();
    const reading = cardsIn(DEMO_CHANNEL).filter((c) => c.includes('Lesebestilling: Fagdag 3'));
    expect(reading).toHaveLength(1);
    expect(reading[0]).not.toContain('var nede');
  });

  it('says the reminder is late because Planpuls was down when nothing ticked while it fell due', async () => {
    const { app, drain, passes } = await world('2027-01-06T09:00:00Z');
    await app.tick();
    passes(3 * DAY); // down from the 6th to the 9th: the reading of the 7th was missed
    await app.tick();
    await drain();
    const reading = cardsIn(DEMO_CHANNEL).filter((c) => c.includes('Lesebestilling: Fagdag 3'));
    expect(reading).toHaveLength(1);
    expect(reading[0]).toContain('Denne påminnelsen kommer sent fordi Planpuls var nede.');
  });
});

describe('«Lest» on the shared reading card (README tour, step 4)', () => {
  it("keeps the reader's own confirmation when the shared count update reaches her, through Teams' refresh", async () => {
    const { app, url, drain, moveClock } = await world();
    await app.tick();
    await moveClock({ advanceTo: '2027-01-07T09:00:00+01:00' });
    await drain();
    const posted = connector.received
      .get(DEMO_CHANNEL)!
      .find((r) => JSON.stringify(r.activity).includes('Lesebestilling: Fagdag 3'))!;
    const messageId = JSON.stringify(posted.activity).match(/"messageId":"(reading:[^"]+)"/)![1]!;

    const pressed = await invokeCard(app, url, KARI, DEMO_CHANNEL, {
      verb: 'lest',
      data: { verb: 'lest', messageId },
    });
    expect(JSON.stringify(pressed.card)).toContain('Du markerte dette som lest 7. januar.');

    // A second later the outbox revises the shared card with the new count, for everyone.
    await drain();
    const shared = (posted.versions.at(-1) as Record<string, any>).attachments[0].content;
    expect(JSON.stringify(shared)).toMatch(/1 av \d+ har lest/);
    expect(JSON.stringify(shared)).not.toContain('Du markerte');
    expect(checkCard(shared).problems).toEqual([]);
    // Teams refreshes it for those who have read, and them alone (at most 60).
    expect(shared.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: 'lest-vis' },
      userIds: [KARI.mri],
    });

    const mine = await invokeCard(app, url, KARI, DEMO_CHANNEL, shared.refresh.action, 'automatic');
    expect(JSON.stringify(mine.card)).toContain('Du markerte dette som lest 7. januar.');
    expect(JSON.stringify(mine.card)).toMatch(/1 av \d+ har lest/);
    expect(mine.card!.refresh.userIds).toEqual([KARI.mri]);
    expect(checkCard(mine.card!).problems).toEqual([]);
    // Someone who has not read gets the shared view, without anyone's confirmation.
    const hers = await invokeCard(app, url, RITA, DEMO_CHANNEL, shared.refresh.action, 'manual');
    expect(JSON.stringify(hers.card)).not.toContain('Du markerte');
    expect(JSON.stringify(hers.card)).toMatch(/1 av \d+ har lest/);
  });
});

describe('«neste» and «lesing» for a core-network member (README tour, step 3)', () => {
  it('tells a member only in KULG, with no KULG meeting ahead, that nothing is hers, and offers the whole calendar apart', async () => {
    const { app, drain, moveClock } = await world();
    await app.tick();
    await moveClock({ advanceTo: '2027-01-07T09:00:00+01:00' }); // Fagdag 3's reading is out, for leaders
    await drain();
    const chat = { id: 'a:mona-personal', type: 'personal' } as const;

    const reading = await say(app, MONA, chat, 'lesing');
    expect(reading).toMatch(/^Du har ingen åpne lesebestillinger\./);
    expect(reading).not.toContain('Fagdag');
    expect(reading).toContain('Hele kalenderen: [Kalenderen i Planpuls](');

    const next = await say(app, MONA, chat, 'neste');
    expect(next).toMatch(/^Du har ingen møter eller hendelser fremover i nettverkene dine\./);
    expect(next).not.toContain('Fagdag');
    expect(next).toContain('Hele kalenderen: [Kalenderen i Planpuls](');
  });

  it("lists a rektor's own meetings and open reading, and in a linked channel the channel's networks' meetings by name", async () => {
    const { app, drain, moveClock } = await world();
    await app.tick();
    await moveClock({ advanceTo: '2027-01-07T09:00:00+01:00' });
    await drain();
    const chat = { id: 'a:rita-personal', type: 'personal' } as const;

    const reading = await say(app, RITA, chat, 'lesing');
    expect(reading).toMatch(
      /^\*\*Dine åpne lesebestillinger\*\*\n\n- torsdag 14\. januar 2027 \(uke 2\) 08:30–15:00: \*\*Fagdag 3/,
    );
    const next = await say(app, RITA, chat, 'neste');
    expect(next).toMatch(/^\*\*Dine neste møter og hendelser\*\*\n\n- /);
    expect(next).toContain('Fagdag 3');

    const inChannel = await say(app, MONA, { id: DEMO_CHANNEL, type: 'channel' }, 'neste');
    expect(inChannel).toMatch(
      /^\*\*Neste møter i KULG, LP – Læringsmiljø og pedagogisk analyse og Regional prosjektgruppe LP \(koblet til denne kanalen\)\*\*/,
    );
    expect(inChannel).toContain('Regional prosjektgruppe LP');
    expect(inChannel).toContain('Hele kalenderen: ');
  });
});
