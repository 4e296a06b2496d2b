import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { checkCard } from './support/adaptive-card.js';
import { ADMIN, appWithPlan, COORDINATOR, MEMBER } from './support/app.js';

let connector: LocalConnector;
beforeAll(async () => {
  connector = await startLocalConnector();
});
afterAll(() => connector.close());

const TEAM = '19:oppvekst-general@thread.tacv2';

function payload(name: string, change: (a: Record<string, any>) => void = () => {}): Partial<Activity> {
  const activity = JSON.parse(readFileSync(new URL(`./payloads/${name}.json`, import.meta.url), 'utf8'));
  activity.serviceUrl = connector.url;
  change(activity);
  return activity;
}

async function turn(app: App, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const replies: Partial<Activity>[] = [];
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity(activity, async (context) => {
    await app.bot.run(context);
  });
  replies.push(...adapter.activeQueue.splice(0));
  return replies;
}

async function channels(app: App) {
  return (await app.registry.list({ teamId: TEAM }))
    .map((i) => [i.conversationId, i.channelName ?? null, i.status])
    .sort();
}

describe('the installation registry, fed with real Teams activity payloads', () => {
  it('records every channel of a team when installed, fetched from the Teams API', async () => {
    const app = await appWithPlan();
    connector.teams.set(TEAM, [
      { id: TEAM },
      { id: '19:kulg@thread.tacv2', name: 'KULG' },
      { id: '19:ibsm@thread.tacv2', name: 'Kjernenettverk IBSM' },
    ]);
    await turn(app, payload('team-install'));
    expect(await channels(app)).toEqual([
      ['19:ibsm@thread.tacv2', 'Kjernenettverk IBSM', 'active'],
      ['19:kulg@thread.tacv2', 'KULG', 'active'],
      [TEAM, null, 'active'],
    ]);
    const general = await app.registry.get(TEAM);
    expect(general?.reference).toMatchObject({
      serviceUrl: connector.url,
      conversation: { id: TEAM, tenantId: '00000000-0000-0000-0000-00000000d0c0' },
    });
    expect(general?.teamName).toBe('Oppvekst');
  });

  it('follows channels being created, renamed and deleted, and the team being renamed and uninstalled', async () => {
    const app = await appWithPlan();
    connector.teams.set(TEAM, [{ id: TEAM }]);
    await turn(app, payload('team-install'));
    await turn(app, payload('channel-event'));
    expect(await channels(app)).toContainEqual(['19:ressursgruppe@thread.tacv2', 'Ressursgruppe', 'active']);

    await turn(
      app,
      payload(
        'channel-event',
        (a) => ((a.channelData.eventType = 'channelRenamed'), (a.channelData.channel.name = 'Ressursgruppa')),
      ),
    );
    expect(await channels(app)).toContainEqual(['19:ressursgruppe@thread.tacv2', 'Ressursgruppa', 'active']);

    await turn(
      app,
      payload('channel-event', (a) => (a.channelData.eventType = 'channelDeleted')),
    );
    expect(await channels(app)).toContainEqual(['19:ressursgruppe@thread.tacv2', 'Ressursgruppa', 'stale']);

    await turn(
      app,
      payload(
        'channel-event',
        (a) => ((a.channelData.eventType = 'teamRenamed'), (a.channelData.team.name = 'Oppvekst Vestvågøy')),
      ),
    );
    expect((await app.registry.get(TEAM))?.teamName).toBe('Oppvekst Vestvågøy');

    await turn(
      app,
      payload('team-install', (a) => (a.action = 'remove')),
    );
    expect((await channels(app)).map((c) => c[2])).toEqual(['stale', 'stale']);
    expect((await app.registry.get(TEAM))?.staleReason).toBe('appen er avinstallert');
  });

  it('records a personal chat, with whose it is, from any message', async () => {
    const app = await appWithPlan();
    await turn(
      app,
      payload('personal-message', (a) => (a.text = 'hjelp')),
    );
    const [personal] = await app.registry.list({ userAadObjectId: '00000000-0000-0000-0000-0000000000A1' });
    expect(personal).toMatchObject({
      kind: 'personal',
      conversationId: 'a:1demo-personal-conversation',
      status: 'active',
    });
  });
});

describe('a group chat', () => {
  it('is recorded with its topic as its name, as Teams gives it', async () => {
    const app = await appWithPlan();
    await turn(
      app,
      payload('personal-message', (a) => {
        a.text = '<at>Planpuls</at> hjelp';
        a.conversation = {
          conversationType: 'groupChat',
          isGroup: true,
          tenantId: a.conversation.tenantId,
          id: '19:ledergruppa@thread.v2',
          name: 'Oppvekst ledergruppe',
        };
      }),
    );
    expect(await app.registry.get('19:ledergruppa@thread.v2')).toMatchObject({
      kind: 'groupChat',
      channelName: 'Oppvekst ledergruppe',
    });
  });
});

describe('linking a channel with koble', () => {
  async function installedApp() {
    const app = await appWithPlan();
    connector.teams.set(TEAM, [{ id: TEAM }, { id: '19:kulg@thread.tacv2', name: 'KULG' }]);
    await turn(app, payload('team-install'));
    return app;
  }
  const koble = (from: string) =>
    payload('channel-mention', (a) => {
      a.text = '<at>Planpuls</at> koble';
      a.from.aadObjectId = from;
      a.conversation.id = '19:kulg@thread.tacv2;messageid=1';
    });

  it('answers a coordinator with a card to pick networks, programmes and units from', async () => {
    const app = await installedApp();
    const [reply] = await turn(app, koble(COORDINATOR));
    const card = reply?.attachments?.[0]?.content as Record<string, any>;
    expect(checkCard(card).problems).toEqual([]);
    const choices = card.body
      .find((b: { id?: string }) => b.id === 'targets')
      .choices.map((c: { value: string }) => c.value);
    expect(choices).toEqual(['programme:kulg', 'programme:lp', 'unit:leknes-skole']);
    expect(card.actions[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'koble',
      fallback: { type: 'Action.Submit' },
    });
  });

  it('refuses a member politely, in Norwegian', async () => {
    const app = await installedApp();
    const [reply] = await turn(app, koble(MEMBER));
    expect(reply?.text).toMatch(/^Beklager, bare kommunalsjefen og koordinatorene kan koble kanaler\./);
  });

  it('saves the links chosen in the card and answers in the Universal Actions format', async () => {
    const app = await installedApp();
    const [response] = await turn(app, payload('card-action-invoke'));
    expect(response?.type).toBe('invokeResponse');
    const body = (response?.value as { status: number; body: Record<string, any> }).body;
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(body.value)).toContain('Lagret. Kanalen er koblet til: KULG, Leknes skole.');
    const links = (await app.links.all())
      .map((l) => [l.target.kind, l.target.id, l.conversationId, l.linkedBy])
      .sort();
    expect(links).toEqual([
      ['programme', 'kulg', '19:kulg@thread.tacv2', COORDINATOR],
      ['unit', 'leknes-skole', '19:kulg@thread.tacv2', COORDINATOR],
    ]);
  });

  it('checks the role on the server whatever the card says, and stores nothing for a member', async () => {
    const app = await installedApp();
    const [response] = await turn(
      app,
      payload('card-action-invoke', (a) => (a.from.aadObjectId = MEMBER)),
    );
    const body = (response?.value as { body: Record<string, any> }).body;
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value).toMatch(/^Beklager/);
    expect(await app.links.all()).toEqual([]);
  });

  it('links the conversation the action came from, not one named in the card data', async () => {
    const app = await installedApp();
    await turn(
      app,
      payload(
        'card-action-invoke',
        (a) => (a.value.action.data.conversationId = '19:elsewhere@thread.tacv2'),
      ),
    );
    expect(new Set((await app.links.all()).map((l) => l.conversationId))).toEqual(
      new Set(['19:kulg@thread.tacv2']),
    );
  });

  it('refuses an unknown target with a clear message and keeps the old links', async () => {
    const app = await installedApp();
    await turn(app, payload('card-action-invoke'));
    const [response] = await turn(
      app,
      payload('card-action-invoke', (a) => (a.value.action.data.targets = 'programme:finnesikke')),
    );
    expect((response?.value as { body: { value: string } }).body.value).toBe(
      'Ukjent nettverk, program eller enhet: «programme:finnesikke».',
    );
    expect(await app.links.all()).toHaveLength(2);
  });

  it('accepts the Action.Submit fallback as a message with a value', async () => {
    const app = await installedApp();
    await turn(
      app,
      payload('channel-mention', (a) => {
        a.text = undefined;
        a.from.aadObjectId = ADMIN;
        a.conversation.id = '19:kulg@thread.tacv2;messageid=1';
        a.value = { verb: 'koble', targets: 'programme:lp' };
      }),
    );
    expect((await app.links.all()).map((l) => l.target.id)).toEqual(['lp']);
  });
});
