import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import type { ConversationRef } from '../bot/domain/conversations/conversation-ref.js';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { AUTOMATION_KEY_HEADER } from '../bot/http/routes/broadcast-routes.js';
import { messages } from '../bot/i18n/index.js';
import { silentLogger } from '../bot/log/logger.js';
import { acknowledgeAction } from '../bot/teams/agenda/agenda-handlers.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { checkCard } from './support/adaptive-card.js';
import { ADMIN, appWithPlan, COORDINATOR, MEMBER } from './support/app.js';
import { planFixture, planYaml } from './support/plan-fixture.js';

const LEADER = '00000000-0000-0000-0000-0000000000b1';
const clock = { now: () => new Date() };
let app: App;
let url: string;
let connector: LocalConnector;

const ref = (id: string, type: 'channel' | 'personal'): ConversationRef => ({
  channelId: 'msteams',
  serviceUrl: connector.url,
  conversation: { id, conversationType: type, tenantId: 'tenant' },
  bot: { id: '28:planpuls' },
});

async function channel(id: string, ...targets: string[]) {
  await app.registry.record({
    conversationId: id,
    kind: 'channel',
    teamId: '19:t',
    channelName: id,
    reference: ref(id, 'channel'),
  });
  for (const t of targets) {
    const [kind, target] = t.split(':') as ['programme' | 'unit', string];
    await app.links.add({ target: { kind, id: target }, conversationId: id, linkedBy: ADMIN, linkedAt: '' });
  }
}

async function personal(id: string, user: string) {
  await app.registry.record({
    conversationId: id,
    kind: 'personal',
    userAadObjectId: user,
    reference: ref(id, 'personal'),
  });
}

beforeAll(async () => {
  connector = await startLocalConnector();
  app = await appWithPlan(clock);
  // Networks by their full names, and one (IBSM) that no channel is linked to.
  const plan = planFixture();
  plan.programmes[1].name = 'LP – Læringsmiljø og pedagogisk analyse';
  plan.programmes.push({ id: 'ibsm', name: 'IBSM – Inkluderende barnehage- og skolemiljø', kind: 'program' });
  await importPlan({ plans: app.plans, clock }, planYaml(plan));
  url = await app.listen();
  await app.sender.stop(); // each test drives its own sender
  await app.people.save({
    aadObjectId: LEADER,
    name: 'Rektor',
    roles: ['enhetsleder'],
    leads: ['leknes-skole'],
    networks: ['lp'],
    coordinates: [],
  });
  await channel('19:kulg@thread.tacv2', 'programme:kulg');
  await channel('19:lp@thread.tacv2', 'programme:lp');
  await channel('19:leknes@thread.tacv2', 'unit:leknes-skole', 'programme:lp');
  await channel('19:gone@thread.tacv2', 'programme:lp');
  connector.uninstalled.add('19:gone@thread.tacv2');
  await personal('a:leader', LEADER);
  await personal('a:admin', ADMIN);
});
afterAll(async () => {
  await app.close();
  await connector.close();
});

const call = (
  user: string | undefined,
  path: string,
  method = 'GET',
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(user ? { [DEV_USER_HEADER]: user } : {}), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const json = async <T>(response: Response) => (await response.json()) as T;
const sender = (more = {}) =>
  new OutboxSender({
    queue: app.outbox,
    connector: createBotConnector(),
    clock,
    logger: silentLogger,
    onNotInstalled: (id, reason) => app.registry.markStale(id, reason),
    pollMs: 20,
    ...more,
  });
async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 30));
  }
}
async function drain() {
  const s = sender();
  while ((await s.drainOnce()) > 0);
}

const message = {
  title: 'Ny plan for skolevegring',
  text: 'Les **utkastet** før møtet, og se [veilederen](https://example.org/veileder).',
  link: 'https://example.org/plan',
  reading: 'Kapittel 2 i utkastet',
};

describe('broadcasts', () => {
  it('reaches each conversation once through three overlapping audiences, with status per recipient', async () => {
    const draft = await json<{ broadcast: { id: string } }>(
      await call(ADMIN, '/api/broadcasts', 'POST', {
        ...message,
        audiences: [
          'programme:lp',
          'unit:leknes-skole',
          'conversation:19:lp@thread.tacv2',
          'role:enhetsleder',
        ],
      }),
    );
    const id = draft.broadcast.id;
    const sent = await call(ADMIN, `/api/broadcasts/${id}/send`, 'POST', {});
    expect(sent.status).toBe(202);
    expect((await json<{ recipients: number }>(sent)).recipients).toBe(4); // lp, leknes, gone, the leader's chat
    await drain();

    for (const id of ['19:lp@thread.tacv2', '19:leknes@thread.tacv2', 'a:leader'])
      expect(connector.received.get(id)).toHaveLength(1);
    expect(connector.received.has('19:kulg@thread.tacv2')).toBe(false);
    expect(connector.received.has('19:gone@thread.tacv2')).toBe(false);

    const status = await json<{
      counts: Record<string, number>;
      recipients: { conversationId: string; state: string; error: string | null }[];
    }>(await call(ADMIN, `/api/broadcasts/${id}/status`));
    expect(status.counts).toEqual({ sent: 3, 'not-installed': 1 });
    expect(status.recipients.find((r) => r.conversationId === '19:gone@thread.tacv2')).toMatchObject({
      state: 'not-installed',
      error: expect.stringContaining('403'),
    });

    const card = (connector.received.get('a:leader')![0]!.activity as { attachments: { content: unknown }[] })
      .attachments[0]!.content;
    expect(checkCard(card).problems).toEqual([]);
    expect(checkCard(card).bytes).toBeLessThan(80 * 1024);
    expect(JSON.stringify(card)).toContain('broadcast-lest');

    // "Lest" from the card, by the leader, twice: one acknowledgement.
    for (let i = 0; i < 2; i++) {
      const activity = JSON.parse(
        readFileSync(new URL('./payloads/card-action-invoke.json', import.meta.url), 'utf8'),
      ) as Partial<Activity> & { from: { aadObjectId: string } };
      activity.from.aadObjectId = LEADER;
      let reply: unknown;
      await new TestAdapter(async () => {}).processActivity(activity, async (context) => {
        reply = await acknowledgeAction(app.broadcasts).handle(
          context,
          { verb: 'broadcast-lest', broadcastId: id },
          messages('nb'),
        );
      });
      expect(reply).toEqual({ message: 'Takk, du er registrert som ferdig med lesingen.' });
    }
    const after = await json<{ acknowledgements: { aadObjectId: string }[] }>(
      await call(ADMIN, `/api/broadcasts/${id}/status`),
    );
    expect(after.acknowledgements.map((a) => a.aadObjectId)).toEqual([LEADER]);
  });

  it('previews in the sender’s own personal chat only', async () => {
    const before = connector.stats.accepted;
    const { broadcast } = await json<{ broadcast: { id: string } }>(
      await call(ADMIN, '/api/broadcasts', 'POST', { ...message, audiences: ['programme:kulg'] }),
    );
    expect((await call(ADMIN, `/api/broadcasts/${broadcast.id}/preview`, 'POST', {})).status).toBe(202);
    await drain();
    expect(connector.stats.accepted).toBe(before + 1);
    expect(JSON.stringify(connector.received.get('a:admin')!.at(-1)!.activity)).toContain('Forhåndsvisning');
    expect(connector.received.has('19:kulg@thread.tacv2')).toBe(false);
  });

  it('keeps the text’s paragraphs and line breaks in the posted card, as Teams shows them', async () => {
    const { broadcast } = await json<{ broadcast: { id: string } }>(
      await call(ADMIN, '/api/broadcasts', 'POST', {
        ...message,
        text: 'Hei alle,\r\n\r\nFørste avsnitt.\nNy linje.\n\nTo ting:\n- kapittel 2\n- tiltakslista\n \nHilsen Kari',
        audiences: ['programme:kulg'],
      }),
    );
    expect((await call(ADMIN, `/api/broadcasts/${broadcast.id}/preview`, 'POST', {})).status).toBe(202);
    await drain();
    const card = (
      connector.received.get('a:admin')!.at(-1)!.activity as {
        attachments: { content: { body: unknown[] } }[];
      }
    ).attachments[0]!.content;
    expect(checkCard(card).problems).toEqual([]);
    const texts = (card.body as { type: string; text?: string; weight?: string }[])
      .filter((b) => b.type === 'TextBlock' && !b.weight)
      .map((b) => b.text);
    expect(texts).toEqual([
      'Hei alle,',
      'Første avsnitt.\n\nNy linje.',
      'To ting:\n\n- kapittel 2\n- tiltakslista',
      'Hilsen Kari',
    ]);
  });

  it('schedules a send for later and cancels it before anything goes out', async () => {
    const { broadcast } = await json<{ broadcast: { id: string } }>(
      await call(ADMIN, '/api/broadcasts', 'POST', { ...message, audiences: ['programme:kulg'] }),
    );
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call(ADMIN, `/api/broadcasts/${broadcast.id}/send`, 'POST', { sendAt })).status).toBe(202);
    expect((await call(ADMIN, `/api/broadcasts/${broadcast.id}/cancel`, 'POST', {})).status).toBe(200);
    await drain();
    const status = await json<{ counts: Record<string, number> }>(
      await call(ADMIN, `/api/broadcasts/${broadcast.id}/status`),
    );
    expect(status.counts).toEqual({ cancelled: 1 });
    expect(connector.received.has('19:kulg@thread.tacv2')).toBe(false);
  });

  it('cancels a running send: some went out, the rest is cancelled, nothing more arrives', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `19:many${i}@thread.tacv2`);
    for (const id of many) await channel(id);
    const { broadcast } = await json<{ broadcast: { id: string } }>(
      await call(ADMIN, '/api/broadcasts', 'POST', {
        ...message,
        audiences: many.map((id) => `conversation:${id}`),
      }),
    );
    connector.faults = { slowRate: 1, slowMs: 150 };
    const running = sender({ maxInFlight: 2, batchSize: 2 }); // slow enough to stop halfway
    expect((await call(ADMIN, `/api/broadcasts/${broadcast.id}/send`, 'POST', {})).status).toBe(202);
    running.start();
    const postedTo = () => many.filter((id) => connector.received.has(id)).length;
    await until(() => postedTo() >= 3);
    expect((await call(ADMIN, `/api/broadcasts/${broadcast.id}/cancel`, 'POST', {})).status).toBe(200);
    await until(async () => {
      const s = await json<{ counts: Record<string, number> }>(
        await call(ADMIN, `/api/broadcasts/${broadcast.id}/status`),
      );
      return !s.counts.queued && !s.counts.sent; // posted copies are deleted, the rest cancelled
    });
    const reached = postedTo();
    await new Promise((r) => setTimeout(r, 500));
    await running.stop();
    connector.faults = {};
    expect(postedTo()).toBe(reached); // nothing more arrived
    const status = await json<{ counts: Record<string, number> }>(
      await call(ADMIN, `/api/broadcasts/${broadcast.id}/status`),
    );
    expect(reached).toBeGreaterThanOrEqual(3);
    expect(reached).toBeLessThan(30);
    expect(status.counts.cancelled).toBe(30 - reached);
    expect(status.counts.deleted).toBe(reached);
  });
});

describe('what the sender reads about where a broadcast goes', () => {
  const RITA = '00000000-0000-0000-0000-0000000000b7';

  it('names each place (team › channel, the person of a personal chat) and counts conversations, not audiences', async () => {
    await app.people.save({
      aadObjectId: RITA,
      name: 'Rita Rektor',
      roles: ['enhetsleder'],
      leads: [],
      networks: [],
      coordinates: [],
    });
    await app.registry.record({
      conversationId: '19:oppvekst-kulg@thread.tacv2',
      kind: 'channel',
      teamId: '19:oppvekst',
      teamName: 'Oppvekst',
      channelName: 'KULG',
      reference: ref('19:oppvekst-kulg@thread.tacv2', 'channel'),
    });
    await app.registry.record({
      conversationId: 'a:rita',
      kind: 'personal',
      userAadObjectId: RITA,
      reference: { ...ref('a:rita', 'personal'), user: { id: '29:rita', name: 'R. Rektor' } },
    });
    // Four audiences; Rita's chat is reached twice (her role and her chat): three conversations.
    const { broadcast } = await json<{ broadcast: { id: string } }>(
      await call(ADMIN, '/api/broadcasts', 'POST', {
        ...message,
        audiences: [
          'conversation:19:oppvekst-kulg@thread.tacv2',
          'role:enhetsleder',
          'conversation:a:rita',
          'conversation:19:oppvekst-kulg@thread.tacv2',
        ],
      }),
    );
    const where = (r: { kind: string; name?: string; team?: string; channel?: string }) =>
      r.kind === 'channel' ? `${r.team} › ${r.channel}` : `${r.name} (${r.kind})`;

    const preview = await call(ADMIN, `/api/broadcasts/${broadcast.id}/audience`);
    expect(preview.status).toBe(200);
    const { recipients } = await json<{ recipients: { kind: string; name?: string }[] }>(preview);
    expect(recipients.map(where)).toEqual(['Oppvekst › KULG', 'Rektor (personal)', 'Rita Rektor (personal)']);
    expect((await call(MEMBER, `/api/broadcasts/${broadcast.id}/audience`)).status).toBe(403);

    const sent = await json<{ recipients: number }>(
      await call(ADMIN, `/api/broadcasts/${broadcast.id}/send`, 'POST', {}),
    );
    expect(sent.recipients).toBe(3);
    const { broadcasts } = await json<{ broadcasts: { id: string; recipients?: number }[] }>(
      await call(ADMIN, '/api/broadcasts'),
    );
    expect(broadcasts.find((b) => b.id === broadcast.id)?.recipients).toBe(3);

    type Status = {
      recipients: { kind: string; name?: string; state: string }[];
      actions: { cancel: boolean };
    };
    const queued = await json<Status>(await call(ADMIN, `/api/broadcasts/${broadcast.id}/status`));
    expect(queued.actions.cancel).toBe(true);
    await drain();
    const status = await json<Status>(await call(ADMIN, `/api/broadcasts/${broadcast.id}/status`));
    expect(status.recipients.map((r) => `${where(r)}: ${r.state}`).sort()).toEqual([
      'Oppvekst › KULG: sent',
      'Rektor (personal): sent',
      'Rita Rektor (personal): sent',
    ]);

    // Everything is out: nothing is left to cancel, and the server says so.
    expect(status.actions.cancel).toBe(false);
    const cancel = await call(ADMIN, `/api/broadcasts/${broadcast.id}/cancel`, 'POST', {});
    expect(cancel.status).toBe(409);
    expect((await json<{ error: { message: string } }>(cancel)).error.message).toBe(
      'Meldingen er allerede sendt til alle; det er ingenting å avbryte.',
    );
  });

  it('shows a scheduled broadcast as sent once its time has come', async () => {
    const { broadcast } = await json<{ broadcast: { id: string } }>(
      await call(ADMIN, '/api/broadcasts', 'POST', { ...message, audiences: ['programme:kulg'] }),
    );
    const sendAt = new Date(Date.now() + 1_500).toISOString();
    await call(ADMIN, `/api/broadcasts/${broadcast.id}/send`, 'POST', { sendAt });
    const statusOf = async () =>
      (
        await json<{ broadcasts: { id: string; status: string }[] }>(await call(ADMIN, '/api/broadcasts'))
      ).broadcasts.find((b) => b.id === broadcast.id)?.status;
    expect(await statusOf()).toBe('scheduled');
    await new Promise((r) => setTimeout(r, 1_600));
    expect(await statusOf()).toBe('sent');
  });
});

describe('who a send does not reach, and why', () => {
  const STIAN = '00000000-0000-0000-0000-0000000000c1';
  const NINA = '00000000-0000-0000-0000-0000000000c2';
  const IBSM = 'IBSM – Inkluderende barnehage- og skolemiljø';
  type Unreached = { audience: string; reason: string; name?: string };

  it('names the leaders without a personal chat and the network without a channel, sends to the rest, and keeps who was left out', async () => {
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
    const { broadcast } = await json<{ broadcast: { id: string } }>(
      await call(ADMIN, '/api/broadcasts', 'POST', {
        ...message,
        audiences: ['role:enhetsleder', 'programme:ibsm'],
      }),
    );
    const preview = await json<{ recipients: { name?: string }[]; unreached: Unreached[] }>(
      await call(ADMIN, `/api/broadcasts/${broadcast.id}/audience`),
    );
    expect(preview.recipients.length).toBeGreaterThan(0);
    const expected = [
      { audience: 'role:enhetsleder', reason: 'no-personal-chat', name: 'Stian Styrer' },
      { audience: 'role:enhetsleder', reason: 'no-personal-chat', name: 'Nina Nord' },
      { audience: 'programme:ibsm', reason: 'no-linked-channel', name: IBSM },
    ];
    expect([...preview.unreached].sort((a, b) => a.audience.localeCompare(b.audience))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(preview.unreached).toHaveLength(3);

    const sent = await call(ADMIN, `/api/broadcasts/${broadcast.id}/send`, 'POST', {});
    expect(sent.status).toBe(202);
    const result = await json<{ recipients: number; unreached: Unreached[] }>(sent);
    expect(result.recipients).toBe(preview.recipients.length);
    expect(result.unreached).toEqual(preview.unreached);

    // Afterwards the list and the status still say who was left out, as it stood at the send.
    const { broadcasts } = await json<{ broadcasts: { id: string; unreached?: Unreached[] }[] }>(
      await call(ADMIN, '/api/broadcasts'),
    );
    expect(broadcasts.find((b) => b.id === broadcast.id)?.unreached).toEqual(preview.unreached);
    const status = await json<{ broadcast: { unreached?: Unreached[] } }>(
      await call(ADMIN, `/api/broadcasts/${broadcast.id}/status`),
    );
    expect(status.broadcast.unreached).toEqual(preview.unreached);
  });

  it('refuses a send that reaches nobody, saying who and why, and leaves it a draft', async () => {
    const { broadcast } = await json<{ broadcast: { id: string } }>(
      await call(ADMIN, '/api/broadcasts', 'POST', {
        ...message,
        audiences: ['role:koordinator', 'programme:ibsm'],
      }),
    );
    const preview = await json<{ recipients: unknown[]; unreached: Unreached[] }>(
      await call(ADMIN, `/api/broadcasts/${broadcast.id}/audience`),
    );
    expect(preview.recipients).toEqual([]);
    expect(preview.unreached).toEqual([
      { audience: 'role:koordinator', reason: 'no-personal-chat', name: 'Koordinator' },
      { audience: 'programme:ibsm', reason: 'no-linked-channel', name: IBSM },
    ]);
    const refused = await call(ADMIN, `/api/broadcasts/${broadcast.id}/send`, 'POST', {});
    expect(refused.status).toBe(400);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toBe(
      `Meldingen når ingen: Koordinator har ikke Planpuls i en personlig chat ennå; ${IBSM} har ingen koblet kanal.`,
    );
    expect((await app.broadcasts.broadcasts.get(broadcast.id))?.status).toBe('draft');
  });
});

describe('who may send where', () => {
  it('refuses a member, in Norwegian', async () => {
    const response = await call(MEMBER, '/api/broadcasts', 'POST', {
      ...message,
      audiences: ['programme:kulg'],
    });
    expect(response.status).toBe(403);
    expect((await json<{ error: { message: string } }>(response)).error.message).toBe(
      'Beklager, bare kommunalsjefen og koordinatorer kan sende meldinger.',
    );
  });

  it('refuses a coordinator a network she does not coordinate, and allows her own', async () => {
    const refused = await call(COORDINATOR, '/api/broadcasts', 'POST', {
      ...message,
      audiences: ['programme:kulg', 'programme:lp'],
    });
    expect(refused.status).toBe(403);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toBe(
      'Du kan bare sende til nettverk du koordinerer, ikke til LP – Læringsmiljø og pedagogisk analyse.',
    );
    const allowed = await call(COORDINATOR, '/api/broadcasts', 'POST', {
      ...message,
      audiences: ['programme:kulg'],
    });
    expect(allowed.status).toBe(201);
  });

  it('refuses HTML in the text, in Norwegian', async () => {
    const response = await call(ADMIN, '/api/broadcasts', 'POST', {
      ...message,
      text: '<b>Hei</b>',
      audiences: ['programme:kulg'],
    });
    expect(response.status).toBe(400);
    expect((await json<{ error: { message: string } }>(response)).error.message).toContain(
      'HTML vises ikke i Teams',
    );
  });
});

describe('the automation API', () => {
  it('queues a broadcast with a valid key, and answers 401 to a bad, missing or revoked key', async () => {
    expect((await call(MEMBER, '/api/automation/keys', 'POST', { name: 'x' })).status).toBe(403);
    const created = await call(ADMIN, '/api/automation/keys', 'POST', { name: 'skoleskyss' });
    expect(created.status).toBe(201);
    const { id, key } = await json<{ id: string; key: string }>(created);
    const listed = await json<{ keys: Record<string, unknown>[] }>(await call(ADMIN, '/api/automation/keys'));
    expect(JSON.stringify(listed)).not.toContain(key.split('.')[1]);

    const body = { ...message, audiences: ['programme:kulg'] };
    const ok = await call(undefined, '/api/automation/broadcasts', 'POST', body, {
      [AUTOMATION_KEY_HEADER]: key,
    });
    expect(ok.status).toBe(202);
    expect((await json<{ recipients: number }>(ok)).recipients).toBe(1);

    const bad = await call(undefined, '/api/automation/broadcasts', 'POST', body, {
      [AUTOMATION_KEY_HEADER]: `${key.slice(0, -2)}xx`,
    });
    expect(bad.status).toBe(401);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toBe(
      'Ugyldig eller tilbakekalt automasjonsnøkkel.',
    );
    expect((await call(undefined, '/api/automation/broadcasts', 'POST', body)).status).toBe(401);

    expect((await call(ADMIN, `/api/automation/keys/${id}`, 'DELETE')).status).toBe(200);
    const revoked = await call(undefined, '/api/automation/broadcasts', 'POST', body, {
      [AUTOMATION_KEY_HEADER]: key,
    });
    expect(revoked.status).toBe(401);
  });
});
