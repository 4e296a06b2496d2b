// Mona Medlem, in LP, chose the weekly digest only (walk of December 2026): she must be able to mark
// a reading read without the reading card, and her digest lists only her own meetings.
import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { checkCard } from './support/adaptive-card.js';
import { DEMO_CHANNEL, demoWorld, invokeCard, MONA, say } from './support/demo-world.js';

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

const MONA_CHAT = 'a:mona-personal';

/** The demo world on 3 December 2026, Mona in LP with the digest only and her chat installed. */
async function monaWorld(linked: readonly string[]) {
  const w = await demoWorld(connector.url, '2026-12-03T09:00:00Z', linked);
  close = () => w.app.close();
  await w.app.people.save({
    aadObjectId: MONA.aad,
    name: 'Mona Medlem',
    roles: ['medlem'],
    leads: [],
    networks: ['lp'],
    coordinates: [],
  });
  await w.app.registry.record({
    conversationId: MONA_CHAT,
    kind: 'personal',
    userAadObjectId: MONA.aad,
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: MONA_CHAT, conversationType: 'personal' },
      bot: { id: '28:planpuls' },
      user: { id: MONA.mri, aadObjectId: MONA.aad },
    },
  });
  await w.app.notifications.set(MONA.aad, 'digest');
  await w.app.tick();
  return w;
}

const contents = (id: string) =>
  (connector.received.get(id) ?? []).map(
    (r) => (r.activity as Record<string, any>).attachments?.[0]?.content,
  );

describe('Mona with the weekly digest only', () => {
  it('gets a digest on Monday 11 January of her LP meetings only, with «Marker som lest» on Fagdag 3’s reading', async () => {
    const { app, url, drain, moveClock } = await monaWorld(['lp']);
    await moveClock({ advanceTo: '2027-01-11T07:31:00+01:00' });
    await app.tick(); // the weeks skipped over the jump give way to this week's digest, due at once
    await drain();
    const digests = contents(MONA_CHAT).filter((c) => JSON.stringify(c).includes('Ukesoversikt'));
    expect(digests).toHaveLength(1);
    const card = digests[0]!;
    expect(checkCard(card).problems).toEqual([]);
    const shown = JSON.stringify(card);
    expect(shown).toContain('Fagdag 3');
    // The regional project group is inside LP, and she is not in it: neither its meeting nor its deadline.
    expect(shown).not.toContain('regional prosjektgruppe');
    // She got no reading card (the digest only): the digest's button is her way to mark it read.
    expect(contents(MONA_CHAT).filter((c) => JSON.stringify(c).includes('Lesebestilling: Fagdag 3'))).toEqual(
      [],
    );
    const button = JSON.stringify(card).match(
      /"type":"Action\.Execute","title":"Marker som lest","verb":"marker-lest"[^}]*"data":(\{[^}]*\})/,
    );
    expect(button).not.toBeNull();
    const data = JSON.parse(button![1]!) as Record<string, unknown>;
    expect(data).toMatchObject({ eventId: 'lp-09', from: 'digest' });

    const first = await invokeCard(app, url, MONA, MONA_CHAT, { verb: 'marker-lest', data });
    expect(first.message).toBe(
      'Takk! «Fagdag 3: Nettverkssamling for styrere, skoleledere, barnehagemyndighet og skoleeiere» er markert som lest mandag 11. januar 2027.',
    );
    const again = await invokeCard(app, url, MONA, MONA_CHAT, { verb: 'marker-lest', data });
    expect(again.message).toContain('er markert som lest mandag 11. januar 2027');
    await drain();
    // The shared card in the LP channel counts her once, for everyone.
    const messageId = `reading:${data.planKey}:lp-09`;
    expect(await app.reminders.acks.count(messageId)).toBe(1);
    const posted = connector.received
      .get(DEMO_CHANNEL)!
      .find((r) => JSON.stringify(r.activity).includes('Lesebestilling: Fagdag 3'))!;
    expect(posted.versions).toHaveLength(2);
    expect(JSON.stringify(posted.versions.at(-1))).toMatch(/1 av \d+ har lest/);
  });

  it('marks a reading read from the tab and from «lesing», once; before it is out it says from when', async () => {
    // No channel linked: the reading card of Fagdag 3 reaches nobody, but it is given out.
    const { app, url, moveClock } = await monaWorld([]);
    const post = (body: unknown, lang = 'nb') =>
      fetch(`${url}/api/me/readings/read`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: MONA.aad, 'accept-language': lang },
        body: JSON.stringify(body),
      });
    const planKey = (await app.plans.list())[0]!.key;
    const early = await post({ planKey, eventId: 'lp-09' });
    expect(early.status).toBe(409);
    expect(JSON.stringify(await early.json())).toContain(
      'Lesebestillingen sendes ut torsdag 7. januar 2027.',
    );
    expect(await app.reminders.acks.count(`reading:${planKey}:lp-09`)).toBe(0);

    await moveClock({ advanceTo: '2027-01-08T09:00:00+01:00' });
    const [answer] = await sayActivities(app, 'lesing');
    expect(answer).toContain('Fagdag 3');
    const tasks = await fetch(`${url}/api/me/tasks?weeks=6`, { headers: { [DEV_USER_HEADER]: MONA.aad } });
    expect(JSON.stringify(await tasks.json())).toContain('lp-09');

    const marked = await post({ planKey, eventId: 'lp-09' });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({ planKey, eventId: 'lp-09', readOn: '2027-01-08' });
    expect((await post({ planKey, eventId: 'lp-09' })).status).toBe(200);
    expect(await app.reminders.acks.count(`reading:${planKey}:lp-09`)).toBe(1);
    const after = await fetch(`${url}/api/me/tasks?weeks=6`, { headers: { [DEV_USER_HEADER]: MONA.aad } });
    expect(JSON.stringify(await after.json())).not.toContain('lp-09');
    expect(await say(app, MONA, { id: MONA_CHAT, type: 'personal' }, 'lesing')).toMatch(
      /^Du har ingen åpne lesebestillinger\./,
    );
    const none = await post({ planKey, eventId: 'lp-02' }, 'en');
    expect(none.status).toBe(404);
    expect(JSON.stringify(await none.json())).toContain('no reading assignment');
  });
});

/** What Mona's message in her chat is answered with, whole (text and cards). */
async function answerTo(app: App, text: string): Promise<Partial<Activity>> {
  const message = JSON.parse(
    readFileSync(new URL('./payloads/personal-message.json', import.meta.url), 'utf8'),
  );
  message.from = { id: MONA.mri, aadObjectId: MONA.aad };
  message.conversation = { ...message.conversation, id: MONA_CHAT, conversationType: 'personal' };
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity({ ...message, text }, (context) => app.bot.run(context));
  return adapter.activeQueue.splice(0)[0]!;
}

describe('what the digest choice promises', () => {
  it('says it comes on Mondays when there is something, and the confirmation says what she gets, in nb and en', async () => {
    const { app } = await monaWorld([]);
    const card = JSON.stringify(await answerTo(app, 'varsler'));
    expect(card).toContain('Én melding på mandager når det er noe for deg denne uka eller neste');
    expect(card).not.toContain('hver mandag');
    const saved = await answerTo(app, 'varsler oversikt');
    expect(saved.text).toBe('Lagret. Du får nå: Bare ukesoversikten.');
    expect(JSON.stringify(saved.attachments)).toContain(
      'Ukesoversikten kommer på mandager når det er møter, frister eller nytt for deg denne uka eller neste; uker uten noe gir ingen melding.',
    );
    const help = JSON.stringify(await answerTo(app, 'hjelp'));
    expect(help).toContain('bare ukesoversikten (på mandager når uka har noe for deg)');
    await app.languages.set(MONA.aad, 'en');
    const english = await answerTo(app, 'notifications digest');
    expect(english.text).toBe('Saved. You now get: The weekly digest only.');
    expect(JSON.stringify(english.attachments)).toContain(
      'The weekly digest comes on Mondays when there are meetings, deadlines or news for you this week or next',
    );
    expect(JSON.stringify(await answerTo(app, 'notifications'))).not.toContain('every Monday');
  });

  it('puts «Mark as read» on the reading in her English digest, and on each reading under «reading»', async () => {
    const { app, url, drain, moveClock } = await monaWorld(['lp']);
    await app.languages.set(MONA.aad, 'en');
    await moveClock({ advanceTo: '2027-01-11T07:31:00+01:00' });
    await app.tick();
    await drain();
    const digest = contents(MONA_CHAT).find((c) => JSON.stringify(c).includes('Weekly digest'));
    expect(JSON.stringify(digest)).toContain('"title":"Mark as read","verb":"marker-lest"');
    expect(JSON.stringify(digest)).not.toMatch(/Marker|Lest/);
    const reading = await answerTo(app, 'reading');
    expect(reading.text).toContain('Fagdag 3');
    const list = (reading.attachments![0]!.content ?? {}) as Record<string, any>;
    expect(checkCard(list).problems).toEqual([]);
    expect(JSON.stringify(list)).toContain('"title":"Mark as read","verb":"marker-lest"');
    const data = JSON.stringify(list).match(/"verb":"marker-lest","data":(\{[^}]*\})/)![1]!;
    const pressed = await invokeCard(app, url, MONA, MONA_CHAT, {
      verb: 'marker-lest',
      data: JSON.parse(data),
    });
    expect(JSON.stringify(pressed.card)).toContain('is marked as read on Monday 11 January 2027');
    expect(JSON.stringify(pressed.card)).toContain('You have no open reading assignments.');
    expect(checkCard(pressed.card!).problems).toEqual([]);
  });
});

/** `lesing` in Mona's chat: the text answer and its card's button. */
async function sayActivities(app: Parameters<typeof say>[0], text: string) {
  return [await say(app, MONA, { id: MONA_CHAT, type: 'personal' }, text)];
}
