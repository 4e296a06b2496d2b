import { readFileSync } from 'node:fs';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { silentLogger } from '../bot/log/logger.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { sakCommand, submitItemAction } from '../bot/teams/agenda/agenda-handlers.js';
import { agendaTexts } from '../bot/i18n/agenda.js';
import { messages } from '../bot/i18n/index.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { COORDINATOR, MEMBER, listeningWithKulgChannel } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';

// The fixture's KULG meeting is 2020-05-14: items until 2020-04-23, the agenda out on 2020-05-07.
const time = { now: new Date('2020-04-20T10:00:00Z') };
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
});
afterAll(async () => {
  await app.close();
  await connector.close();
});

const call = (user: string, path: string, method = 'GET', body?: unknown) =>
  fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: user },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const item = (title: string) => ({ title, description: 'Om saken', presenter: 'Rektor', minutes: 20 });

type Agenda = { version: number; items: { id: string; title: string; version: number }[] };
/** The agenda as the coordinator sees it now: changes name the versions it shows. */
const agendaNow = async () =>
  (await (await call(COORDINATOR, '/api/meetings/kulg-01/agenda')).json()) as Agenda;

function sender() {
  return new OutboxSender({
    queue: app.outbox,
    connector: createBotConnector(),
    clock,
    logger: silentLogger,
  });
}

function invoke(user: string, data: Record<string, unknown>): Partial<Activity> {
  const activity = JSON.parse(
    readFileSync(new URL('./payloads/card-action-invoke.json', import.meta.url), 'utf8'),
  );
  activity.serviceUrl = connector.url;
  activity.from.aadObjectId = user;
  activity.value.action = { type: 'Action.Execute', verb: data.verb, data };
  return activity;
}

async function inTurn<T>(activity: Partial<Activity>, run: (context: TurnContext) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await new TestAdapter(async () => {}).processActivity(activity, async (context) => {
    result = await run(context);
  });
  return result as T;
}

describe('agenda items and their deadline', () => {
  it('takes an item submitted before the deadline', async () => {
    const response = await call(MEMBER, '/api/meetings/kulg-01/agenda/items', 'POST', item('Skolevegring'));
    expect(response.status).toBe(201);
    expect(((await response.json()) as { item: { status: string } }).item.status).toBe('submitted');
  });

  it('takes an item from the submit card (sak-send) and answers in Norwegian', async () => {
    const activity = invoke(MEMBER, { verb: 'sak-send', eventId: 'kulg-01', ...item('Fra kortet') });
    const reply = await inTurn(activity, (context) =>
      submitItemAction(app.agenda).handle(context, activity.value.action.data, messages('nb')),
    );
    expect(JSON.stringify(reply.card)).toContain('Takk! Saken «Fra kortet» er meldt inn.');
    expect(checkCard(reply.card).problems).toEqual([]);
  });

  it('answers `sak` in the linked channel with a valid submit card for the next meeting', async () => {
    const activity = invoke(MEMBER, {});
    const reply = await inTurn(activity, (context) =>
      sakCommand(app.agenda).handle(context, '', messages('nb')),
    );
    const card = (reply as { attachments: { content: Record<string, unknown> }[] }).attachments[0]!.content;
    expect(JSON.stringify(card)).toContain('Meld inn sak til Ledermøte KULG torsdag 14. mai 2020');
    expect(JSON.stringify(card)).toContain('torsdag 23. april 2020');
    expect(checkCard(card)).toEqual({ problems: [], bytes: expect.any(Number) });
    expect(checkCard(card).bytes).toBeLessThan(80 * 1024);
  });

  it('refuses a late item with the deadline named, in Norwegian', async () => {
    time.now = new Date('2020-04-24T10:00:00Z');
    const response = await call(MEMBER, '/api/meetings/kulg-01/agenda/items', 'POST', item('For sent'));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Fristen for å melde inn saker til dette møtet var torsdag 23. april 2020. Be koordinatoren om å ta saken inn.',
    );
    const activity = invoke(MEMBER, { verb: 'sak-send', eventId: 'kulg-01', ...item('For sent') });
    const reply = await inTurn(activity, (context) =>
      submitItemAction(app.agenda).handle(context, activity.value.action.data, messages('nb')),
    );
    // The form comes back with what she typed and the reason, so nothing she wrote is lost.
    const form = JSON.stringify(reply.card);
    expect(form).toContain('Fristen for å melde inn saker til dette møtet var torsdag 23. april 2020');
    expect(form).toContain('"value":"For sent"');
    expect(form).toContain('"value":"Om saken"');
    expect(checkCard(reply.card).problems).toEqual([]);
  });

  it('refuses a late item in English, with the reason by code, when the client asks for English', async () => {
    time.now = new Date('2020-04-24T10:00:00Z');
    const response = await fetch(`${url}/api/meetings/kulg-01/agenda/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB', [DEV_USER_HEADER]: MEMBER },
      body: JSON.stringify({ ...item('For sent'), title: '' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'BAD_REQUEST',
        message: 'The item needs a title.',
        details: [{ code: 'ITEM_TITLE_MISSING', params: {} }],
      },
    });
    const late = await fetch(`${url}/api/meetings/kulg-01/agenda/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB', [DEV_USER_HEADER]: MEMBER },
      body: JSON.stringify(item('For sent')),
    });
    expect(((await late.json()) as { error: { message: string } }).error.message).toBe(
      'The deadline for items for this meeting was Thursday 23 April 2020. Ask the coordinator to take the item in.',
    );
  });

  it('answers `sak` in a linked channel whose networks meet no more with that, not with «koble»', async () => {
    time.now = new Date('2030-01-02T10:00:00Z');
    const reply = await inTurn(invoke(MEMBER, {}), (context) =>
      sakCommand(app.agenda).handle(context, '', messages('nb')),
    );
    expect(reply).toBe('KULG har ingen flere møter i planen.');
  });

  it("answers `sak` after a meeting's deadline with the next meeting that still takes items", async () => {
    time.now = new Date('2020-04-24T10:00:00Z');
    const reply = await inTurn(invoke(MEMBER, {}), (context) =>
      sakCommand(app.agenda).handle(context, '', messages('nb')),
    );
    const card = JSON.stringify((reply as { attachments: { content: unknown }[] }).attachments[0]!.content);
    expect(card).not.toContain('14. mai 2020');
    expect(card).toMatch(/Meld inn sak til [^"]+ 2021/);
  });

  it('lets the coordinator accept a late item, and not a member claiming to', async () => {
    const byMember = await call(MEMBER, '/api/meetings/kulg-01/agenda/items', 'POST', {
      ...item('Snik'),
      acceptLate: true,
    });
    expect(byMember.status).toBe(400);
    const response = await call(COORDINATOR, '/api/meetings/kulg-01/agenda/items', 'POST', {
      ...item('Sen, men viktig'),
      acceptLate: true,
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { item: Record<string, unknown> }).item).toMatchObject({
      status: 'accepted',
      late: true,
    });
  });
});

describe('publishing the agenda', () => {
  it('refuses a member who tries to publish, in Norwegian', async () => {
    const response = await call(MEMBER, '/api/meetings/kulg-01/agenda/publish', 'POST', {});
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^Beklager/);
  });

  it('schedules the agenda for 7 days before the meeting by default', async () => {
    const { version } = await agendaNow();
    const response = await call(COORDINATOR, '/api/meetings/kulg-01/agenda/publish', 'POST', { version });
    expect(response.status).toBe(200);
    const { publication } = (await response.json()) as {
      publication: { sendAt: string; recipients: number };
    };
    expect(publication.sendAt).toBe('2020-05-07T06:00:00.000Z'); // 08:00 in Oslo, summer time
    expect(publication.recipients).toBe(1);
    expect(await sender().drainOnce()).toBe(0); // not due yet
    expect(connector.received.size).toBe(0);
  });

  it('posts once when due, then revises the same card with "Oppdatert" after a change', async () => {
    const listed = await agendaNow();
    const first = listed.items.find((i) => i.title === 'Skolevegring')!;
    time.now = new Date('2020-05-07T06:00:01Z');
    expect(
      (
        await call(COORDINATOR, `/api/meetings/kulg-01/agenda/items/${first.id}/decision`, 'POST', {
          status: 'accepted',
          version: first.version,
        })
      ).status,
    ).toBe(200);
    await sender().drainOnce();
    const posted = connector.received.get(CHANNEL)!;
    expect(posted).toHaveLength(1);
    const shown = JSON.stringify(posted[0]!.activity);
    expect(shown).toContain('Skolevegring');

    const other = listed.items.find((i) => i.title === 'Fra kortet')!;
    await call(COORDINATOR, `/api/meetings/kulg-01/agenda/items/${other.id}/decision`, 'POST', {
      status: 'accepted',
      version: other.version,
    });
    const { version } = await agendaNow();
    const reordered = await call(COORDINATOR, '/api/meetings/kulg-01/agenda/order', 'PUT', {
      ids: [other.id, first.id],
      version,
    });
    expect(reordered.status).toBe(200);
    await sender().drainOnce();
    const after = connector.received.get(CHANNEL)!;
    expect(after).toHaveLength(1); // the same card, not a new post
    expect(after[0]!.versions.length).toBeGreaterThan(0);
    const latest = JSON.stringify(after[0]!.versions.at(-1) ?? after[0]!.activity);
    expect(latest).toContain('Oppdatert');
    expect(latest.indexOf('Fra kortet')).toBeLessThan(latest.indexOf('Skolevegring'));
    const card = (after[0]!.versions.at(-1) as { attachments: { content: unknown }[] }).attachments[0]!
      .content;
    expect(checkCard(card).problems).toEqual([]);
    expect(checkCard(card).bytes).toBeLessThan(80 * 1024);
  });
});

describe('texts', () => {
  it('has every agenda text in English too', () => {
    expect(Object.keys(agendaTexts('en'))).toEqual(Object.keys(agendaTexts('nb')));
  });
});

describe('through the bot, with real Teams payloads', () => {
  async function run(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const adapter = new TestAdapter((context) => app.bot.run(context));
    await adapter.processActivity(activity, (context) => app.bot.run(context));
    return adapter.activeQueue.splice(0);
  }

  it('answers `@Planpuls sak` in the KULG channel with the submit card', async () => {
    time.now = new Date('2020-04-20T10:00:00Z');
    const activity = JSON.parse(
      readFileSync(new URL('./payloads/channel-mention.json', import.meta.url), 'utf8'),
    );
    activity.serviceUrl = connector.url;
    activity.text = '<at>Planpuls</at> sak';
    activity.conversation.id = `${CHANNEL};messageid=1`;
    activity.channelData.channel = { id: CHANNEL };
    const [reply] = await run(activity);
    const card = (reply as { attachments: { content: Record<string, unknown> }[] }).attachments[0]!.content;
    expect(JSON.stringify(card)).toContain('"verb":"sak-send"');
    expect(checkCard(card).problems).toEqual([]);
  });

  it('runs `sak-send` from an Action.Execute invoke and answers in the Universal Actions format', async () => {
    const activity = invoke(MEMBER, { verb: 'sak-send', eventId: 'kulg-01', ...item('Via boten') });
    const [response] = await run(activity);
    expect(response?.type).toBe('invokeResponse');
    expect(JSON.stringify(response?.value)).toContain('Takk! Saken «Via boten» er meldt inn.');
    const listed = (await (await call(COORDINATOR, '/api/meetings/kulg-01/agenda')).json()) as {
      items: { title: string; submittedBy: string }[];
    };
    expect(listed.items).toContainEqual(expect.objectContaining({ title: 'Via boten', submittedBy: MEMBER }));
  });
});
