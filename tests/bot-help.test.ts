import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { appWithPlan } from './support/app.js';
import { checkCard } from './support/adaptive-card.js';

function payload(name: string, change: Partial<Activity> = {}): Partial<Activity> {
  const activity = JSON.parse(
    readFileSync(new URL(`./payloads/${name}.json`, import.meta.url), 'utf8'),
  ) as Activity;
  return { ...activity, ...change };
}

function cardOf(reply: Partial<Activity>): Record<string, any> {
  const attachment = reply.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(checkCard(attachment?.content).problems).toEqual([]);
  return attachment?.content as Record<string, any>;
}

const app = await appWithPlan();
const adapter = () => new TestAdapter((context) => app.bot.run(context));

// One conversation turn per row: what the user writes (as a real Teams payload) and the card title.
const turns: [string, Partial<Activity>, string, boolean][] = [
  ['hjelp in a personal chat', payload('personal-message'), 'Planpuls – hjelp', false],
  [
    'help in a personal chat, from someone who has not chosen English',
    payload('personal-message', { text: 'help' }),
    'Planpuls – hjelp',
    false,
  ],
  [
    'unknown text in Norwegian',
    payload('personal-message', { text: 'hei på deg' }),
    'Planpuls – hjelp',
    true,
  ],
  [
    'unknown text from an English client, in Norwegian all the same',
    payload('personal-message', { text: 'hello', locale: 'en-US' }),
    'Planpuls – hjelp',
    true,
  ],
  ['an @mention with help in a channel', payload('channel-mention'), 'Planpuls – hjelp', false],
];

describe('the bot answers with a help card', () => {
  it.each(turns)('%s', async (_name, activity, title, notUnderstood) => {
    await adapter()
      .send(activity)
      .assertReply((reply) => {
        const card = cardOf(reply);
        expect(card.body[0].text).toBe(title);
        expect(JSON.stringify(card).includes('understand') || JSON.stringify(card).includes('forstod')).toBe(
          notUnderstood,
        );
      })
      .startTest();
  });
});
