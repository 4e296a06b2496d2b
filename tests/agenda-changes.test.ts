import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { OutboxSender } from '../bot/delivery/outbox-sender.js';
import { ConflictError } from '../bot/domain/errors.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { silentLogger } from '../bot/log/logger.js';
import { createTableAgenda } from '../bot/store/table-agenda.js';
import { createBotConnector } from '../bot/teams/bot-connector.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { COORDINATOR, MEMBER, listeningWithKulgChannel } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';
import { freshTables } from './support/storage.js';

// The fixture's KULG meeting is 2020-05-14: items until 2020-04-23, the agenda out on 2020-05-07.
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

type Item = {
  id: string;
  title: string;
  status: string;
  version: number;
  mayEdit: boolean;
  submitterName: string;
};
type Agenda = { version: number; items: Item[]; mayManage: boolean; maySubmit: boolean };

const call = (user: string, path: string, method = 'GET', body?: unknown) =>
  fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: user },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const agenda = async (user: string) =>
  (await (await call(user, '/api/meetings/kulg-01/agenda')).json()) as Agenda;
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string } }).error.message;
const input = (title: string) => ({ title, description: 'Om saken', presenter: 'Rektor', minutes: 20 });

async function submit(user: string, title: string): Promise<Item> {
  const response = await call(user, '/api/meetings/kulg-01/agenda/items', 'POST', input(title));
  expect(response.status).toBe(201);
  return ((await response.json()) as { item: Item }).item;
}
const itemPath = (id: string) => `/api/meetings/kulg-01/agenda/items/${id}`;

describe('concurrent changes to an agenda item', () => {
  it('lets one of two concurrent edits win and refuses the other in Norwegian, overwriting nothing', async () => {
    const item = await submit(MEMBER, 'Samtidig');
    const [a, b] = await Promise.all([
      call(MEMBER, itemPath(item.id), 'PUT', { ...input('Versjon A'), version: item.version }),
      call(COORDINATOR, itemPath(item.id), 'PUT', { ...input('Versjon B'), version: item.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await errorOf(loser)).toBe(
      'Saken ble endret av noen andre etter at du åpnet den. Ingenting er lagret; last på nytt og prøv igjen.',
    );
    const winner = a.status === 200 ? 'Versjon A' : 'Versjon B';
    const stored = (await agenda(COORDINATOR)).items.find((i) => i.id === item.id)!;
    expect(stored).toMatchObject({ title: winner, version: 2 });
  });

  it('stores exactly one of ten writers racing on the same version in the store itself', async () => {
    const store = createTableAgenda(freshTables().tables);
    const base = {
      id: 'sak-1',
      planKey: 'p',
      eventId: 'e',
      title: 'Start',
      description: '',
      presenter: '',
      minutes: 10,
      submittedBy: MEMBER,
      submittedAt: '2020-04-20T10:00:00Z',
      status: 'submitted' as const,
      late: false,
      order: 1,
      version: 1,
    };
    await store.addItem(base);
    // Each writer reads on its own, as ten instances would.
    const readers = await Promise.all(Array.from({ length: 10 }, () => store.items('p', 'e')));
    const results = await Promise.allSettled(
      readers.map(([before], n) =>
        store.updateItems([{ before: before!, after: { ...before!, title: `Skriver ${n}`, version: 2 } }]),
      ),
    );
    const won = results.flatMap((r, n) => (r.status === 'fulfilled' ? [n] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    const [stored] = await store.items('p', 'e');
    expect(stored).toMatchObject({ title: `Skriver ${won[0]}`, version: 2 });
    await expect(store.addItem(base)).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a decision on an item changed since the coordinator saw it', async () => {
    const item = await submit(MEMBER, 'Endres underveis');
    expect(
      (await call(MEMBER, itemPath(item.id), 'PUT', { ...input('Endret'), version: item.version })).status,
    ).toBe(200);
    const stale = await call(COORDINATOR, `${itemPath(item.id)}/decision`, 'POST', {
      status: 'declined',
      version: item.version,
    });
    expect(stale.status).toBe(409);
    expect((await agenda(COORDINATOR)).items.find((i) => i.id === item.id)).toMatchObject({
      status: 'submitted',
      title: 'Endret',
    });
  });

  it('refuses a reorder and a publish made on an agenda that changed since, and stores neither', async () => {
    const seen = await agenda(COORDINATOR);
    await submit(MEMBER, 'Kom inn etterpå');
    const ids = [...seen.items].reverse().map((i) => i.id);
    const reorder = await call(COORDINATOR, '/api/meetings/kulg-01/agenda/order', 'PUT', {
      ids,
      version: seen.version,
    });
    expect(reorder.status).toBe(409);
    expect(await errorOf(reorder)).toMatch(/^Sakslisten ble endret av noen andre/);
    const publish = await call(COORDINATOR, '/api/meetings/kulg-01/agenda/publish', 'POST', {
      version: seen.version,
    });
    expect(publish.status).toBe(409);
    const after = await agenda(COORDINATOR);
    expect(after.items.map((i) => i.id).slice(0, ids.length)).toEqual(seen.items.map((i) => i.id));
    expect((after as unknown as { publication: unknown }).publication).toBeNull();
    // With the version it now shows, the same reorder goes through.
    const fresh = await call(COORDINATOR, '/api/meetings/kulg-01/agenda/order', 'PUT', {
      ids,
      version: after.version,
    });
    expect(fresh.status).toBe(200);
    expect((await agenda(COORDINATOR)).items.slice(0, ids.length).map((i) => i.id)).toEqual(ids);
  });

  it('refuses a decision, a reorder and a publish that name no version, in Norwegian, and stores none', async () => {
    const item = await submit(MEMBER, 'Uten versjon');
    const before = await agenda(COORDINATOR);
    const decide = await call(COORDINATOR, `${itemPath(item.id)}/decision`, 'POST', { status: 'accepted' });
    expect(decide.status).toBe(400);
    expect(await errorOf(decide)).toBe('Send med «version», versjonen av saken du endrer.');
    const ids = [...before.items].reverse().map((i) => i.id);
    const reorder = await call(COORDINATOR, '/api/meetings/kulg-01/agenda/order', 'PUT', { ids });
    expect(reorder.status).toBe(400);
    expect(await errorOf(reorder)).toBe('Send med «version», versjonen av sakslisten du så.');
    const publish = await call(COORDINATOR, '/api/meetings/kulg-01/agenda/publish', 'POST', { now: true });
    expect(publish.status).toBe(400);
    expect(await errorOf(publish)).toBe('Send med «version», versjonen av sakslisten du så.');
    const after = (await agenda(COORDINATOR)) as Agenda & { publication: unknown };
    expect(after.version).toBe(before.version);
    expect(after.items.find((i) => i.id === item.id)?.status).toBe('submitted');
    expect(after.publication).toBeNull();
  });
});

describe('editing and withdrawing items', () => {
  it('lists items with version, status, submitter and whether the caller may edit each', async () => {
    const mine = await submit(MEMBER, 'Min sak');
    const theirs = await submit(OTHER_MEMBER, 'Ikke min sak');
    const forMember = await agenda(MEMBER);
    expect(forMember.items.find((i) => i.id === mine.id)).toMatchObject({
      version: 1,
      status: 'submitted',
      submitterName: 'Lokal bruker',
      mayEdit: true,
    });
    expect(forMember.items.some((i) => i.id === theirs.id)).toBe(false); // undecided, not theirs
    const forCoordinator = await agenda(COORDINATOR);
    expect(forCoordinator.mayManage).toBe(true);
    expect(forCoordinator.items.find((i) => i.id === theirs.id)).toMatchObject({ mayEdit: true });
    expect(forCoordinator.version).toBe(forCoordinator.items.reduce((sum, i) => sum + i.version, 0));
  });

  it('lets the submitter edit her item before the deadline, and refuses others with 403 in Norwegian', async () => {
    const item = await submit(MEMBER, 'Før endring');
    const byOther = await call(OTHER_MEMBER, itemPath(item.id), 'PUT', { ...input('Kapret'), version: 1 });
    expect(byOther.status).toBe(403);
    expect(await errorOf(byOther)).toMatch(/^Beklager, bare den som meldte inn saken/);
    expect((await call(OTHER_MEMBER, `${itemPath(item.id)}?version=1`, 'DELETE')).status).toBe(403);
    expect((await call(MEMBER, itemPath(item.id), 'PUT', input('Uten versjon'))).status).toBe(400);
    const edited = await call(MEMBER, itemPath(item.id), 'PUT', { ...input('Etter endring'), version: 1 });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { item: Item }).item).toMatchObject({
      title: 'Etter endring',
      version: 2,
    });
  });

  it('lets the submitter withdraw her item, which then leaves the agenda', async () => {
    const item = await submit(MEMBER, 'Trekkes');
    const response = await call(MEMBER, `${itemPath(item.id)}?version=1`, 'DELETE');
    expect(response.status).toBe(200);
    expect((await agenda(COORDINATOR)).items.find((i) => i.id === item.id)).toMatchObject({
      status: 'withdrawn',
      mayEdit: false,
    });
    const decide = await call(COORDINATOR, `${itemPath(item.id)}/decision`, 'POST', {
      status: 'accepted',
      version: 2,
    });
    expect(decide.status).toBe(400);
    expect(await errorOf(decide)).toBe('Saken er trukket tilbake.');
  });

  it('after the deadline refuses the submitter with the deadline named, and lets the coordinator', async () => {
    const item = await submit(MEMBER, 'Sent endret');
    time.now = new Date('2020-04-24T10:00:00Z');
    try {
      const late = await call(MEMBER, itemPath(item.id), 'PUT', { ...input('For sent'), version: 1 });
      expect(late.status).toBe(403);
      expect(await errorOf(late)).toBe(
        'Fristen for saker til dette møtet var torsdag 23. april 2020. Be koordinatoren om å endre saken.',
      );
      expect((await agenda(MEMBER)).items.find((i) => i.id === item.id)?.mayEdit).toBe(false);
      const byCoordinator = await call(COORDINATOR, itemPath(item.id), 'PUT', {
        ...input('Rettet av koordinator'),
        version: 1,
      });
      expect(byCoordinator.status).toBe(200);
    } finally {
      time.now = new Date('2020-04-20T10:00:00Z');
    }
  });

  it('tells the submitter in her personal chat when the coordinator withdraws her item', async () => {
    await app.registry.record({
      conversationId: 'a:member-chat',
      kind: 'personal',
      userAadObjectId: MEMBER,
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: 'a:member-chat', conversationType: 'personal' },
        bot: { id: '28:planpuls' },
      },
    });
    const item = await submit(MEMBER, 'Tas ut av koordinator');
    expect((await call(COORDINATOR, `${itemPath(item.id)}?version=1`, 'DELETE')).status).toBe(200);
    const notice = await app.outbox.message(`agenda-withdrawn-${item.id}-2`);
    expect(JSON.stringify(notice?.activity)).toContain(
      'Saken din «Tas ut av koordinator» er trukket fra sakslisten til Ledermøte KULG torsdag 14. mai 2020 av koordinatoren.',
    );
    const own = await submit(MEMBER, 'Tar selv ut');
    expect((await call(MEMBER, `${itemPath(own.id)}?version=1`, 'DELETE')).status).toBe(200);
    expect(await app.outbox.message(`agenda-withdrawn-${own.id}-2`)).toBeUndefined();
  });

  it('updates the published agenda card with «Oppdatert» when an accepted item is withdrawn', async () => {
    const stays = await submit(MEMBER, 'Blir stående');
    const goes = await submit(MEMBER, 'Trekkes etter publisering');
    for (const item of [stays, goes])
      expect(
        (await call(COORDINATOR, `${itemPath(item.id)}/decision`, 'POST', { status: 'accepted', version: 1 }))
          .status,
      ).toBe(200);
    const { version } = await agenda(COORDINATOR);
    const published = await call(COORDINATOR, '/api/meetings/kulg-01/agenda/publish', 'POST', {
      now: true,
      version,
    });
    expect(published.status).toBe(200);
    const sender = () =>
      new OutboxSender({ queue: app.outbox, connector: createBotConnector(), clock, logger: silentLogger });
    await sender().drainOnce();
    expect(JSON.stringify(connector.received.get(CHANNEL)![0]!.activity)).toContain(
      'Trekkes etter publisering',
    );

    const withdrawn = await call(MEMBER, `${itemPath(goes.id)}?version=2`, 'DELETE');
    expect(withdrawn.status).toBe(200);
    await sender().drainOnce();
    const posts = connector.received.get(CHANNEL)!;
    expect(posts).toHaveLength(1); // the same card, revised
    const latest = posts[0]!.versions.at(-1) as { attachments: { content: Record<string, unknown> }[] };
    const shown = JSON.stringify(latest);
    expect(shown).toContain('Oppdatert');
    expect(shown).toContain('Blir stående');
    expect(shown).not.toContain('Trekkes etter publisering');
    expect(checkCard(latest.attachments[0]!.content).problems).toEqual([]);
  });
});
