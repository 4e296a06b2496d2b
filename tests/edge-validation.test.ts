import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { ADMIN, appWithPlan, COORDINATOR } from './support/app.js';
import { planFixture } from './support/plan-fixture.js';

/**
 * Bad input at the HTTP edge, through the real server on real storage: each refusal is a 400 at
 * once that names the field in the person's language, and nothing is stored. (Issue #17, points
 * 1, 2, 3 and 9; issue #18, points 3 and 4.)
 */
const clock = { now: () => new Date('2026-11-23T08:00:00Z') };
let app: App;
let url: string;

beforeAll(async () => {
  app = await appWithPlan(clock);
  url = await app.listen();
});
afterAll(() => app.close());

const call = (user: string | undefined, path: string, method = 'GET', body?: unknown, language = 'nb') =>
  fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'accept-language': language,
      ...(user ? { [DEV_USER_HEADER]: user } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const refusal = async (response: Response) => {
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...error };
};
const message = {
  title: 'Ny plan for skolevegring',
  text: 'Les **utkastet** før møtet.',
  link: 'https://example.org/plan',
  audiences: ['programme:kulg'],
};
const storedBroadcasts = async () => (await app.broadcasts.broadcasts.list()).length;

describe('broadcasts at the edge', () => {
  it('refuses a title of 100,000 characters with 400 naming the title, in Norwegian and English', async () => {
    const before = await storedBroadcasts();
    const long = { ...message, title: 'x'.repeat(100_000) };
    expect(await refusal(await call(ADMIN, '/api/broadcasts', 'POST', long))).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      message: '«Tittel» er for lang (100000 tegn, høyst 200).',
    });
    expect((await refusal(await call(ADMIN, '/api/broadcasts', 'POST', long, 'en'))).message).toBe(
      '«Title» is too long (100000 characters, at most 200).',
    );
    expect(await storedBroadcasts()).toBe(before);
  });

  it('refuses a long link, a long reading and 5,000 audiences, naming each', async () => {
    const response = await call(ADMIN, '/api/broadcasts', 'POST', {
      ...message,
      link: `https://example.org/${'a'.repeat(5000)}`,
      reading: 'r'.repeat(50_000),
      audiences: Array.from({ length: 5000 }, () => 'programme:kulg'),
    });
    const { status, message: said } = await refusal(response);
    expect(status).toBe(400);
    expect(said).toContain('«Lenke» er for lang');
    expect(said).toContain('«Lesebestilling» er for lang');
    expect(said).toContain('«Mottakere» kan ha høyst');
  });

  it('gives titles the markdown and link rule the body has: no javascript: or http: links', async () => {
    for (const title of [
      '[Klikk](javascript:alert(1))',
      'Se [her](http://example.org)',
      'javascript:alert(1)',
    ]) {
      const refused = await refusal(await call(ADMIN, '/api/broadcasts', 'POST', { ...message, title }));
      expect(refused.status, title).toBe(400);
      expect(refused.message).toMatch(/^«Tittel»: Lenken «.+» må begynne med https:\/\/\.$/);
    }
    const reading = await refusal(
      await call(ADMIN, '/api/broadcasts', 'POST', { ...message, reading: '[x](javascript:alert(1))' }),
    );
    expect(reading.message).toMatch(
      /^«Lesebestilling»: Lenken «javascript:alert\(1\)?» må begynne med https:\/\/\.$/,
    );
  });

  it('refuses an audience with a lone surrogate at once instead of failing on send', async () => {
    const refused = await refusal(
      await call(ADMIN, '/api/broadcasts', 'POST', { ...message, audiences: ['conversation:\ud800'] }),
    );
    expect(refused).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(refused.message).toBe('«Mottakere nr. 1» inneholder tegn som ikke er gyldig tekst.');
    const unknown = await refusal(
      await call(ADMIN, '/api/broadcasts', 'POST', { ...message, audiences: ['programme:a/b'] }, 'en'),
    );
    expect(unknown.message).toBe('«Recipients no. 1» is not valid.');
  });

  it('refuses a malformed broadcast id or send time with 400, and a well-formed unknown id with 404', async () => {
    expect((await call(ADMIN, '/api/broadcasts/%2F/status')).status).toBe(400);
    expect((await call(ADMIN, '/api/broadcasts/no-such-id/status')).status).toBe(404);
    const { broadcast } = (await (await call(ADMIN, '/api/broadcasts', 'POST', message)).json()) as {
      broadcast: { id: string };
    };
    const late = await refusal(
      await call(ADMIN, `/api/broadcasts/${broadcast.id}/send`, 'POST', { sendAt: 'i morgen' }, 'en'),
    );
    expect(late).toMatchObject({ status: 400, message: '«sendAt» must be a point in time (ISO 8601).' });
  });

  it('answers DELETE /api/automation/keys/%2F with 400 at once, not 503 after retries', async () => {
    const started = Date.now();
    const response = await call(ADMIN, '/api/automation/keys/%2F', 'DELETE');
    expect(response.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await call(ADMIN, '/api/automation/keys/0123abcd', 'DELETE')).status).toBe(404);
  });
});

describe('storage refusals', () => {
  it('answers a value too large for Azure Tables as 400, not as storage being down', async () => {
    const broadcast = {
      ...message,
      id: 'too-large',
      text: 'x'.repeat(100_000),
      createdBy: ADMIN,
      createdAt: clock.now().toISOString(),
      status: 'draft' as const,
      previews: 0,
    };
    await expect(app.broadcasts.broadcasts.save(broadcast)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      reasons: [{ code: 'STORED_VALUE_TOO_LARGE' }],
    });
  });
});

describe('ids and dates in the plan routes', () => {
  it('answers an .ics with a plan key that is no key (a/b) with 400 at once, without login', async () => {
    const started = Date.now();
    const refused = await refusal(await call(undefined, '/api/events/kulg-01.ics?plan=a%2Fb'));
    expect(refused).toMatchObject({ status: 400, code: 'BAD_REQUEST', message: '«plan» er ikke gyldig.' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await call(undefined, '/api/events/%2F%23.ics')).status).toBe(404);
    expect((await call(undefined, '/api/events/kulg-01.ics?plan=no-such-plan.2026-2027')).status).toBe(404);
  });

  it('refuses a date that is not in the calendar (30 February) in the events range', async () => {
    const refused = await refusal(await call(undefined, '/api/events?from=2026-02-30'));
    expect(refused).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: '«from» må være en dato på formen ÅÅÅÅ-MM-DD, ikke «2026-02-30».',
    });
  });
});

describe('report campaigns', () => {
  const open = (body: unknown, language = 'nb') =>
    call(ADMIN, '/api/reports/campaigns', 'POST', body, language).then(refusal);

  it('refuses a deadline that is not in the calendar (30 February) and stores nothing', async () => {
    expect(
      await open({ id: 'kartlegging', deadline: '2027-02-30', questions: [{ text: 'Hva?' }] }),
    ).toMatchObject({
      status: 400,
      message: '«Frist» må være en dato på formen ÅÅÅÅ-MM-DD, ikke «2027-02-30».',
    });
    expect(await app.reports.campaigns.get('kartlegging')).toBeUndefined();
  });

  it('refuses an opening that is no date, and a deadline before the opening', async () => {
    expect((await open({ id: 'kartlegging', opens: '2026-13-01', deadline: '2027-01-15' })).message).toBe(
      '«Åpner» må være en dato på formen ÅÅÅÅ-MM-DD, ikke «2026-13-01».',
    );
    expect(
      (
        await open(
          { id: 'kartlegging', opens: '2027-01-20', deadline: '2027-01-15', questions: [{ text: 'Hva?' }] },
          'en',
        )
      ).message,
    ).toBe('"Opens" cannot be after "Deadline".');
  });

  it('refuses a half year far from now (9999-H2) with the years it may be', async () => {
    expect(await open({ id: '9999-H2' })).toMatchObject({
      status: 400,
      message: 'Året må være mellom 2025 og 2031, ikke 9999.',
    });
    expect(await app.reports.campaigns.get('9999-H2')).toBeUndefined();
  });

  it('refuses a long title and javascript: links in a question, naming them', async () => {
    const refused = await open({
      id: 'kartlegging',
      title: 't'.repeat(1000),
      deadline: '2027-01-15',
      questions: [{ text: 'Se [her](javascript:alert(1))' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('«Tittel» er for lang (1000 tegn, høyst 200).');
    expect(refused.message).toContain('«Spørsmål nr. 1»: Lenken');
  });
});

describe('the plan file', () => {
  it('refuses an event description of 200,000 characters in the dry run and the import alike', async () => {
    const plan = planFixture();
    plan.calendar[0].description = 'x'.repeat(200_000);
    const where = `calendar[0] (${plan.calendar[0].id}).description`;
    // A dry run answers what it found (200, valid: false), as it always has; the import refuses.
    const dryRun = await call(ADMIN, '/api/plan/import?dryRun=true', 'POST', plan);
    const checked = (await dryRun.json()) as { valid: boolean; issues: { where: string }[] };
    expect(checked.valid).toBe(false);
    expect(checked.issues.map((i) => i.where)).toContain(where);
    const refused = await call(ADMIN, '/api/plan/import', 'POST', plan);
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { code: string; details: { where: string }[] } };
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.details.map((d) => d.where)).toContain(where);
  });
});

describe('agenda ids', () => {
  it('answers a meeting or item id that is no id with 400 naming it, before any lookup', async () => {
    expect(await refusal(await call(ADMIN, '/api/meetings/a%2Fb/agenda'))).toMatchObject({
      status: 400,
      message: '«eventId» er ikke gyldig.',
    });
    const item = await refusal(
      await call(
        ADMIN,
        '/api/meetings/kulg-01/agenda/items/%23x/decision',
        'POST',
        { status: 'accepted' },
        'en',
      ),
    );
    expect(item).toMatchObject({ status: 400, message: '«itemId» is not valid.' });
    const decision = await refusal(
      await call(ADMIN, '/api/meetings/kulg-01/agenda/items/x/decision', 'POST', {
        status: 'maybe',
        version: 1,
      }),
    );
    expect(decision).toMatchObject({ status: 400, message: '«status» må være «accepted» eller «declined».' });
  });
});

describe('administration ids', () => {
  it('refuses a person id, a conversation id or a unit id that is no id, with 400 naming it', async () => {
    const person = { roles: [], leads: [], networks: [], coordinates: [] };
    expect(await refusal(await call(ADMIN, '/api/people/a%2Fb', 'PUT', person))).toMatchObject({
      status: 400,
      message: '«id» er ikke gyldig.',
    });
    const many = await refusal(
      await call(ADMIN, `/api/people/${ADMIN}`, 'PUT', { ...person, roles: Array(1000).fill('admin') }),
    );
    expect(many).toMatchObject({ status: 400, message: '«roles» kan ha høyst 100 (har 1000).' });
    const unlink = await call(ADMIN, '/api/links?target=programme:kulg&conversationId=%2F%3F', 'DELETE');
    expect(await refusal(unlink)).toMatchObject({ status: 400, message: '«conversationId» er ikke gyldig.' });
    expect((await call(ADMIN, '/api/units/a%2Fb/local-plan')).status).toBe(400);
    expect((await call(ADMIN, '/api/events/a%2Fb/reads')).status).toBe(400);
  });
});

describe('refusals from use cases and routes, in the person’s language', () => {
  it('says in English what used to be said in Norwegian only', async () => {
    expect((await refusal(await call(undefined, '/api/broadcasts', 'GET', undefined, 'en'))).message).toBe(
      'You must be signed in.',
    );
    expect(
      (
        await refusal(
          await call(ADMIN, '/api/broadcasts/00000000-0000-0000-0000-000000000000/cancel', 'POST', {}, 'en'),
        )
      ).message,
    ).toBe('Message not found.');
    const link = { target: 'unit:atlantis', conversationId: '19:x@thread.tacv2' };
    expect((await refusal(await call(ADMIN, '/api/links', 'POST', link, 'en'))).message).toBe(
      'Unknown network, programme or unit: «unit:atlantis».',
    );
    const order = await call(ADMIN, '/api/meetings/kulg-01/agenda/order', 'PUT', { ids: [] }, 'en');
    expect(await refusal(order)).toMatchObject({
      status: 400,
      message: 'Send «version», the version of the agenda you saw.',
    });
  });
});

describe('who may send where, in English', () => {
  it('names the networks out of a coordinator’s reach in English', async () => {
    const refused = await refusal(
      await call(
        COORDINATOR,
        '/api/broadcasts',
        'POST',
        { ...message, audiences: ['programme:lp', 'role:admin'] },
        'en',
      ),
    );
    expect(refused).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(refused.message).toBe(
      'You can only send to networks you coordinate, not to LP and everyone with the admin role.',
    );
  });
});

describe('agenda items under the card markdown rule', () => {
  it('refuses a javascript: link in an item’s title or description, from the tab as from a card', async () => {
    const item = {
      title: '[Se her](javascript:alert(1))',
      description: 'Om saken',
      presenter: 'Rektor',
      minutes: 20,
    };
    const refused = await refusal(await call(ADMIN, '/api/meetings/kulg-01/agenda/items', 'POST', item));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(
      /^«Tittel»: Lenken «javascript:alert\(1\)?» må begynne med https:\/\/\.$/,
    );
    const description = { ...item, title: 'Lesing', description: 'Se http://example.org' };
    const said = await refusal(
      await call(ADMIN, '/api/meetings/kulg-01/agenda/items', 'POST', description, 'en'),
    );
    expect(said.message).toBe('«Description»: The link «http://example.org» must start with https://.');
  });
});
