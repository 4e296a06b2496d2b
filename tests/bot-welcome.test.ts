import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { startLocalConnector, type LocalConnector } from '../tools/local-connector.js';
import { appWithPlan, MEMBER } from './support/app.js';

const TEAM = '19:oppvekst-general@thread.tacv2';
const BOT = '28:00000000-0000-0000-0000-00000000b07';
let connector: LocalConnector;
beforeAll(async () => {
  connector = await startLocalConnector();
  connector.teams.set(TEAM, [{ id: TEAM }, { id: '19:kulg@thread.tacv2', name: 'KULG' }]);
});
afterAll(() => connector.close());

function payload(name: string, change: (a: Record<string, any>) => void = () => {}): Partial<Activity> {
  const activity = JSON.parse(readFileSync(new URL(`./payloads/${name}.json`, import.meta.url), 'utf8'));
  activity.serviceUrl = connector.url;
  change(activity);
  return activity;
}

/** Teams' two events for one install in a team: installationUpdate, then the bot added as a member. */
const teamInstall = () => payload('team-install');
const teamMemberAdded = () =>
  payload('team-install', (a) => {
    a.type = 'conversationUpdate';
    delete a.action;
    a.membersAdded = [{ id: BOT }];
  });
const teamUninstall = () => payload('team-install', (a) => (a.action = 'remove'));

/** The same two for a personal install, from a client in English. */
const personal = (a: Record<string, any>) => {
  a.conversation = { conversationType: 'personal', tenantId: a.conversation.tenantId, id: 'a:1welcome' };
  a.from = { id: '29:1-demo-medlem', aadObjectId: MEMBER };
  a.channelData = { tenant: { id: a.conversation.tenantId } };
  a.locale = 'en-US';
};
const personalInstall = () => payload('team-install', personal);
const personalMemberAdded = () =>
  payload('team-install', (a) => {
    personal(a);
    a.type = 'conversationUpdate';
    delete a.action;
    a.membersAdded = [{ id: BOT }];
  });

async function said(app: App, activity: Partial<Activity>): Promise<string[]> {
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity(activity, (context) => app.bot.run(context));
  return adapter.activeQueue.splice(0).map((reply) => reply.text ?? '');
}

describe('a short welcome where Planpuls is installed, once', () => {
  it('welcomes a team once, in Norwegian, with `koble` in a channel as the first thing to do', async () => {
    const app = await appWithPlan();
    const first = [...(await said(app, teamInstall())), ...(await said(app, teamMemberAdded()))];
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^Hei, og velkommen til Planpuls!/);
    expect(first[0]).toContain('«@Planpuls koble» i kanalen til et nettverk');

    // Removed and added again: Teams sends both events again; the team was welcomed already.
    await said(app, teamUninstall());
    expect([...(await said(app, teamInstall())), ...(await said(app, teamMemberAdded()))]).toEqual([]);
  });

  it('welcomes a person once in her personal chat, in Norwegian though her client is in English', async () => {
    const app = await appWithPlan();
    const first = [...(await said(app, personalMemberAdded())), ...(await said(app, personalInstall()))];
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('Her i chatten får du lesebestillinger');
    expect(first[0]).toContain('«hjelp»');
    expect(await said(app, personalInstall())).toEqual([]);
    // She gets answers as before.
    expect(
      await said(
        app,
        payload('personal-message', (a) => (a.conversation.id = 'a:1welcome')),
      ),
    ).toHaveLength(1);
  });
});
