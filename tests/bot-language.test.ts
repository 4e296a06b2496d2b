import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { reminderId } from '../bot/domain/reminders/reminder-rules.js';
import { resolveAccess } from '../bot/use-cases/access.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { openCampaign } from '../bot/use-cases/reports/campaigns.js';
import { checkCard } from './support/adaptive-card.js';
import { ADMIN, appWithPlan } from './support/app.js';
import { planFixture, planYaml } from './support/plan-fixture.js';
import { ENGLISH_WORDS, markers, NORWEGIAN_WORDS } from './support/language-markers.js';

// Campaign 2020-H2 is open (1–15 December 2020); KULG meets on 3 January 2021, items until 13 December.
const START = new Date('2020-12-01T08:00:00Z');
const time = { now: START };
const clock = { now: () => time.now };
const CHANNEL = '19:kulg@thread.tacv2';
/** Has never chosen a language: Planpuls speaks Norwegian to her, whatever her client's locale. */
const NORA = '00000000-0000-0000-0000-0000000000c1';
/** Chooses English with `språk engelsk`: Planpuls speaks English to him, whatever his client's locale. */
const EDDIE = '00000000-0000-0000-0000-0000000000c2';

const ENGLISH = ENGLISH_WORDS;
const NORWEGIAN = NORWEGIAN_WORDS;

/** What a person reads in a card: texts, titles, labels, placeholders, errors, facts; not data or ids. */
function readable(node: unknown, key = '', out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText', 'value'].includes(key))
      out.push(node);
  } else if (Array.isArray(node)) {
    for (const item of node) readable(item, key === 'facts' ? 'fact' : '', out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'data' || k === 'id' || k === 'verb' || k === 'choices.data') continue;
      // Input values are what the person typed; a fact's value is a text to read.
      if (k === 'value' && key !== 'fact') continue;
      readable(v, k, out);
    }
  }
  return out;
}

/** What the person reads in a reply, links and markdown stripped. */
function textOf(reply: Partial<Activity>): string {
  const parts: string[] = [];
  if (reply.text) parts.push(reply.text);
  for (const attachment of reply.attachments ?? []) {
    expect(checkCard(attachment.content).problems).toEqual([]);
    parts.push(...readable(attachment.content));
  }
  if (reply.type === 'invokeResponse') {
    const body = (reply.value as { body: { type: string; value: unknown } }).body;
    if (body.type === 'application/vnd.microsoft.card.adaptive') {
      expect(checkCard(body.value).problems).toEqual([]);
      parts.push(...readable(body.value));
    } else parts.push(String(body.value));
  }
  return parts
    .join('\n')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, '');
}

const payload = (name: string) =>
  JSON.parse(readFileSync(new URL(`./payloads/${name}.json`, import.meta.url), 'utf8'));

/** A message as Teams sends it: in the person's chat, or with an @mention in the KULG channel. */
function message(user: string, text: string, where: 'chat' | 'channel', locale: string): Partial<Activity> {
  const activity = payload(where === 'chat' ? 'personal-message' : 'channel-mention');
  activity.from = { ...activity.from, aadObjectId: user, id: `29:${user}` };
  activity.locale = locale;
  if (where === 'chat') {
    activity.conversation.id = `a:chat-${user}`;
    activity.text = text;
  } else {
    activity.conversation.id = `${CHANNEL};messageid=1`;
    activity.channelData.channel.id = CHANNEL;
    activity.text = `<at>Planpuls</at> ${text}`;
  }
  return activity;
}

/** An Action.Execute press, as Teams sends it, in the KULG channel. */
function press(user: string, data: Record<string, unknown>, locale: string): Partial<Activity> {
  const activity = payload('card-action-invoke');
  activity.from = { ...activity.from, aadObjectId: user, id: `29:${user}` };
  activity.locale = locale;
  activity.value.action = { type: 'Action.Execute', title: 'x', verb: data.verb, data };
  return activity;
}

let app: App;

async function turn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity(activity, (context) => app.bot.run(context));
  return adapter.activeQueue.splice(0);
}

async function answer(activity: Partial<Activity>): Promise<string> {
  const replies = await turn(activity);
  expect(replies.length).toBeGreaterThan(0);
  return replies.map(textOf).join('\n');
}

beforeAll(async () => {
  app = await appWithPlan(clock);
  const plan = planFixture();
  plan.calendar[2].reading = 'Les kapittel 3.';
  await importPlan({ plans: app.plans, clock }, planYaml(plan));
  for (const [aadObjectId, name] of [
    [NORA, 'Nora Rektor'],
    [EDDIE, 'Eddie Rektor'],
  ] as const) {
    await app.people.save({
      aadObjectId,
      name,
      roles: ['koordinator', 'enhetsleder'],
      leads: ['leknes-skole'],
      networks: ['kulg'],
      coordinates: ['kulg'],
    });
  }
  await app.registry.record({
    conversationId: CHANNEL,
    kind: 'channel',
    teamId: '19:oppvekst-general@thread.tacv2',
    channelName: 'KULG',
    reference: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: CHANNEL, conversationType: 'channel' },
      bot: { id: '28:planpuls' },
    },
  });
  await app.links.add({
    target: { kind: 'programme', id: 'kulg' },
    conversationId: CHANNEL,
    linkedBy: ADMIN,
    linkedAt: '',
  });
  const admin = await resolveAccess(app.reports.access, { aadObjectId: ADMIN });
  await openCampaign(app.reports, admin, { id: '2020-H2' }, 'nei');
});

const COMMANDS: [string, 'chat' | 'channel'][] = [
  ['hjelp', 'chat'],
  ['help', 'chat'],
  ['?', 'chat'],
  ['hei', 'chat'],
  ['hello there', 'chat'],
  ['koble', 'chat'],
  ['link', 'chat'],
  ['koble', 'channel'],
  ['link', 'channel'],
  ['neste', 'chat'],
  ['next', 'channel'],
  ['lesing', 'chat'],
  ['reading', 'chat'],
  ['kalender', 'chat'],
  ['calendar', 'chat'],
  ['sak', 'channel'],
  ['item', 'channel'],
  ['sak', 'chat'],
  ['rapport', 'chat'],
  ['report', 'chat'],
  ['språk', 'chat'],
  ['language', 'chat'],
  ['språk klingon', 'chat'],
  ['varsler', 'chat'],
  ['notifications', 'chat'],
  ['varsler kanskje', 'chat'],
];

const item = { title: 'Leseløftet', description: 'Status', presenter: 'Rektor', minutes: '20' };

/**
 * Every card action, pressed in turn: an item submitted, opened for change, changed and withdrawn
 * (each press with the item's id and version from the answer before), the report form shown,
 * saved as a draft, refused when sent incomplete, the channel linked, and the odd ones refused.
 */
async function pressEverything(user: string, locale: string): Promise<Record<string, string>> {
  const said: Record<string, string> = {};
  const at = (data: Record<string, unknown>) => answer(press(user, data, locale));
  said['koble'] = await at({ verb: 'koble', targets: 'programme:kulg' });
  said['sak-ny'] = await at({ verb: 'sak-ny', eventId: 'kulg-02' });
  said['sak-send (incomplete)'] = await at({ verb: 'sak-send', eventId: 'kulg-02', title: '' });
  const sent = await turn(press(user, { verb: 'sak-send', eventId: 'kulg-02', ...item }, locale));
  said['sak-send'] = sent.map(textOf).join('\n');
  const card = (sent[0]!.value as { body: { value: { actions: { data: Record<string, unknown> }[] } } }).body
    .value;
  const ids = card.actions.find((a) => a.data.verb === 'sak-endre')!.data;
  const { itemId, version } = ids as { itemId: string; version: number };
  said['sak-endre'] = await at({ verb: 'sak-endre', eventId: 'kulg-02', itemId, version });
  said['sak-lagre'] = await at({ verb: 'sak-lagre', eventId: 'kulg-02', itemId, version, ...item });
  said['sak-lagre (stale)'] = await at({ verb: 'sak-lagre', eventId: 'kulg-02', itemId, version, ...item });
  said['sak-trekk'] = await at({ verb: 'sak-trekk', eventId: 'kulg-02', itemId, version: version + 1 });
  said['sak-endre (withdrawn)'] = await at({
    verb: 'sak-endre',
    eventId: 'kulg-02',
    itemId,
    version: version + 2,
  });
  said['sak-ny (no meeting)'] = await at({ verb: 'sak-ny', eventId: 'finnes-ikke' });
  const report = { campaignId: '2020-H2', unitId: 'leknes-skole', version: 0, planVersion: 0 };
  said['rapport-vis'] = await at({ verb: 'rapport-vis', ...report });
  said['rapport-endre'] = await at({ verb: 'rapport-endre', ...report });
  said['rapport-lagre'] = await at({ verb: 'rapport-lagre', ...report, kartlegging: 'Utkast.' });
  said['rapport-send (incomplete)'] = await at({ verb: 'rapport-send', ...report, version: 1 });
  said['rapport-send (other unit)'] = await at({ verb: 'rapport-send', ...report, unitId: 'finnes-ikke' });
  said['rapport-avbryt'] = await at({ verb: 'rapport-avbryt', ...report });
  said['rapport-velg'] = await at({ verb: 'rapport-velg', campaignId: '2020-H2', unitId: 'leknes-skole' });
  said['rapport-velg (not hers)'] = await at({
    verb: 'rapport-velg',
    campaignId: '2020-H2',
    unitId: 'finnes-ikke',
  });
  said['varsler'] = await at({ verb: 'varsler' });
  said['varsler (choice)'] = await at({ verb: 'varsler', choice: 'digest' });
  said['varsler (back to all)'] = await at({ verb: 'varsler', choice: 'all' });
  // The reading assignment goes out on 27 December: run what is due then, press «Lest», come back.
  time.now = new Date('2020-12-28T09:00:00Z');
  await app.tick();
  const [plan] = await app.plans.list();
  said['lest'] = await at({
    verb: 'lest',
    messageId: reminderId('reading-assignment', plan!.key, 'kulg-02'),
  });
  said['lest-vis'] = await at({
    verb: 'lest-vis',
    messageId: reminderId('reading-assignment', plan!.key, 'kulg-02'),
  });
  said['marker-lest'] = await at({
    verb: 'marker-lest',
    planKey: plan!.key,
    eventId: 'kulg-02',
    from: 'digest',
  });
  said['marker-lest (lesing)'] = await at({
    verb: 'marker-lest',
    planKey: plan!.key,
    eventId: 'kulg-02',
    from: 'lesing',
  });
  time.now = START;
  said['marker-lest (not out)'] = await at({ verb: 'marker-lest', planKey: plan!.key, eventId: 'kulg-02' });
  said['marker-lest (no reading)'] = await at({ verb: 'marker-lest', planKey: 'finnes', eventId: 'ikke' });
  said['lest (withdrawn)'] = await at({ verb: 'lest', messageId: 'reading:finnes:ikke' });
  said['broadcast-lest'] = await at({ verb: 'broadcast-lest', broadcastId: 'finnes-ikke' });
  said['unknown verb'] = await at({ verb: 'finnes-ikke' });
  return said;
}

/** The source of {@link pressEverything}, so a verb added to the bot but not pressed here fails. */
const pressEverythingSource = pressEverything.toString();

function foundIn(said: Record<string, string>, words: RegExp): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [what, text] of Object.entries(said)) {
    // Quoted is quoted (a command to type, a name, what someone wrote), as in the fuzz suite.
    const hits = [...text.replace(/«[^»]*»/g, ' ').matchAll(words)].map((m) => m[0]);
    if (hits.length > 0) found[what] = [...new Set(hits)];
  }
  return found;
}

describe('one language per person, whatever the client’s locale or the command word', () => {
  it('presses every card action the bot knows', () => {
    const pressed = new Set(
      [...pressEverythingSource.matchAll(/verb: ["']([a-z-]+)["']/g)].map((m) => m[1]).concat('sprak'),
    );
    const unpressed = app.bot.verbs.filter((verb) => !pressed.has(verb));
    expect(unpressed).toEqual([]);
  });

  it('answers a person who has not chosen English in Norwegian bokmål, commands and card actions, from an en-US client', async () => {
    const said: Record<string, string> = {};
    for (const [text, where] of COMMANDS)
      said[`${text} (${where})`] = await answer(message(NORA, text, where, 'en-US'));
    Object.assign(said, await pressEverything(NORA, 'en-US'));
    said['språk norsk'] = await answer(message(NORA, 'språk norsk', 'chat', 'en-US'));
    said['sprak button'] = await answer(press(NORA, { verb: 'sprak', language: 'nb' }, 'en-US'));
    expect(foundIn(said, markers(ENGLISH))).toEqual({});
    expect(said['help (chat)']).toContain('Planpuls – hjelp');
    expect(said['link (channel)']).toContain('Koble kanalen');
    expect(said['sak-send']).toContain('Takk!');
    expect(said['lest']).toContain('Du markerte dette som lest 28. desember.');
    expect(said['sak-send (incomplete)']).toContain('Saken må ha en tittel.');
    expect(said['sak-endre (withdrawn)']).toBe('Saken er trukket tilbake.');
    expect(said['sak-ny (no meeting)']).toBe('Fant ikke møtet.');
    expect(said['rapport-send (incomplete)']).toContain('Ikke lagret: «Kartlegging» må fylles ut.');
    expect(said['rapport-vis']).toContain('tirsdag 15. desember 2020');
  });

  it('answers a person who chose English with `språk engelsk` in English, from a Norwegian client', async () => {
    const chosen = await answer(message(EDDIE, 'språk engelsk', 'chat', 'nb-NO'));
    expect(chosen).toBe('Saved. Planpuls speaks English with you.');
    const said: Record<string, string> = {};
    for (const [text, where] of COMMANDS)
      said[`${text} (${where})`] = await answer(message(EDDIE, text, where, 'nb-NO'));
    Object.assign(said, await pressEverything(EDDIE, 'nb-NO'));
    said['sprak button'] = await answer(press(EDDIE, { verb: 'sprak', language: 'en' }, 'nb-NO'));
    expect(foundIn(said, markers(NORWEGIAN))).toEqual({});
    expect(said['hjelp (chat)']).toContain('Planpuls – help');
    expect(said['koble (channel)']).toContain('Link this channel');
    expect(said['rapport (chat)']).toContain('Signs of good practice');
    expect(said['rapport-vis']).toContain('Save draft');
    expect(said['lest']).toContain('You marked this as read on 28 December.');
    // The domain's refusals and the dates on agenda and report cards, said in English too.
    expect(said['sak-send (incomplete)']).toContain('The item needs a title.');
    expect(said['rapport-send (incomplete)']).toContain('Not saved: «Assessment» must be filled in.');
    expect(said['rapport-vis']).toContain('Tuesday 15 December 2020');
    expect(said['sak-ny']).toContain('Sunday 13 December 2020');
    expect(said['sak-endre (withdrawn)']).toBe('The item has been withdrawn.');
    expect(said['sak-ny (no meeting)']).toBe('Meeting not found.');
  });

  it('tells a person who chose English when his report was submitted, in English', async () => {
    time.now = START;
    const unit = { campaignId: '2020-H2', unitId: 'leknes-skole' };
    const { report, localPlan } = await app.reports.reports.getWithPlan(unit.campaignId, unit.unitId);
    const summary = await answer(
      press(
        EDDIE,
        {
          verb: 'rapport-send',
          ...unit,
          version: report?.version ?? 0,
          planVersion: localPlan?.version ?? 0,
          kartlegging: 'K',
          analyse: 'A',
          mal: 'M',
          handlingIds: [''],
          handling_1: 'H',
          handlingFrist_1: '2021-03-01',
          handlingStatus_1: 'pågår',
          'tegn_ledelse-01': 'ja',
          'tegn_laering-01': 'delvis',
          'tegn_laering-02': 'nei',
          tidsressurser: 'T',
        },
        'nb-NO',
      ),
    );
    expect(summary).toContain('Submitted by Eddie Rektor Tuesday 1 December 2020 at 09:00.');
    expect(summary).toContain("The unit's leaders can edit the report until Tuesday 15 December 2020.");
  });

  it('switches a person’s language with the card’s button, for her next message too', async () => {
    const other = '00000000-0000-0000-0000-0000000000c3';
    const card = await answer(message(other, 'language', 'chat', 'en-US'));
    expect(card).toContain('Språk');
    // Each language by its own name, as in the tab.
    expect(card).toContain('English');
    expect(card).toContain('Norsk (bokmål)');
    expect(await answer(press(other, { verb: 'sprak', language: 'en' }, 'nb-NO'))).toContain(
      'Saved. Planpuls speaks English with you.',
    );
    expect(await answer(message(other, 'hjelp', 'chat', 'nb-NO'))).toContain('Planpuls – help');
    await answer(message(other, 'språk norsk', 'chat', 'nb-NO'));
    expect(await answer(message(other, 'help', 'chat', 'en-US'))).toContain('Planpuls – hjelp');
  });
});
