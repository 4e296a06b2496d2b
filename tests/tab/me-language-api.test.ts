import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { freshTables } from '../support/storage.js';
import { MEMBER, startTabServer } from './support/tab-server.js';

let app: App;
let url: string;

beforeAll(async () => {
  ({ app, url } = await startTabServer(freshTables().tables));
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const me = async (user = MEMBER) =>
  (await (await fetch(`${url}/api/me`, { headers: { [DEV_USER_HEADER]: user } })).json()) as {
    language: string;
  };
const choose = (body: unknown, user: string | null = MEMBER, language = 'nb-NO') =>
  fetch(`${url}/api/me/language`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      'accept-language': language,
      ...(user ? { [DEV_USER_HEADER]: user } : {}),
    },
    body: JSON.stringify(body),
  });

/** The member writes `hjelp` to the bot from an English Teams client; the help card's title. */
async function helpTitle(): Promise<string> {
  const activity = JSON.parse(
    readFileSync(new URL('../payloads/personal-message.json', import.meta.url), 'utf8'),
  ) as Activity;
  activity.from = { ...activity.from, aadObjectId: MEMBER };
  activity.locale = 'en-US';
  const adapter = new TestAdapter((context) => app.bot.run(context));
  await adapter.processActivity(activity, (context) => app.bot.run(context));
  const [reply] = adapter.activeQueue.splice(0);
  return (reply?.attachments?.[0]?.content as { body: { text: string }[] }).body[0]!.text;
}

describe('the person’s one language through the API', () => {
  it('is Norwegian bokmål until the person chooses, and the bot speaks it too', async () => {
    expect((await me()).language).toBe('nb');
    expect(await helpTitle()).toBe('Planpuls – hjelp');
  });

  it('is saved by PUT /api/me/language, answered by GET /api/me, and followed by the bot', async () => {
    const response = await choose({ language: 'en' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ language: 'en' });
    expect((await me()).language).toBe('en');
    expect(await helpTitle()).toBe('Planpuls – help');

    expect((await choose({ language: 'nb' })).status).toBe(200);
    expect((await me()).language).toBe('nb');
    expect(await helpTitle()).toBe('Planpuls – hjelp');
  });

  it('refuses a language Planpuls does not have, in Norwegian, and saves nothing', async () => {
    const response = await choose({ language: 'de' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      '«language» må være «nb» (norsk) eller «en» (engelsk).',
    );
    expect((await me()).language).toBe('nb');
  });

  it('answers 401 without an identity', async () => {
    expect((await choose({ language: 'en' }, null)).status).toBe(401);
  });
});
