import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { messages } from '../../bot/i18n/index.js';
import type { Tables } from '../../bot/store/table-service.js';
import { importPlan } from '../../bot/use-cases/import-plan.js';
import { schoolYear } from '../../bot/domain/calendar/school-year.js';
import { ADMIN, COORDINATOR, MEMBER } from './app.js';
import { ENGLISH_WORDS, NORWEGIAN_WORDS, wordsIn } from './language-markers.js';
import { observedTables } from './observed-tables.js';
import { planYaml } from './plan-fixture.js';
import { createApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { createLogger, silentLogger } from '../../bot/log/logger.js';

/*
 * The fuzz suite's world: the real server on real storage with the fixture plan, callers of every
 * role, and a count of the writes that reach storage, so a refused request can be shown to have
 * changed nothing. Shared by `tests/fuzz.test.ts` (a bounded, seeded run) and `scripts/fuzz.ts`
 * (`npm run fuzz`, a long run).
 */

export const LEADER = '00000000-0000-0000-0000-0000000000b1';

/** Who calls: nobody, and a person of each role. */
export const CALLERS = {
  anonymous: undefined,
  member: MEMBER,
  leader: LEADER,
  coordinator: COORDINATOR,
  admin: ADMIN,
} as const;
export type Caller = keyof typeof CALLERS;

const WRITES = new Set(['createEntity', 'upsertEntity', 'updateEntity', 'deleteEntity', 'submitTransaction']);

export interface FuzzWorld {
  readonly app: App;
  readonly url: string;
  readonly writes: { count: number };
  readonly routes: readonly Route[];
  close(): Promise<void>;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
}

/** Routes the fuzzer leaves alone: the bot endpoint (its own fuzz) and static files. */
const SKIP = /^\/api\/messages$|^\/tab|^\/$|^\/favicon|^\/blank-auth|^\/dev\//;

/** The world on `tables` (fresh, empty storage). */
export async function fuzzWorld(tables: Tables): Promise<FuzzWorld> {
  const writes = { count: 0 };
  // Thousands of requests from one address: the rate limit is not what is being tested.
  const app = createApp({
    config: loadConfig({
      PORT: '0',
      ADMIN_AAD_OBJECT_IDS: ADMIN,
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_BURST: '1000000',
    }),
    // FUZZ_LOG=debug|info|warn|error shows the server's log (to see why a finding failed).
    logger: process.env.FUZZ_LOG ? createLogger({ level: process.env.FUZZ_LOG as 'error' }) : silentLogger,
    clock: { now: () => new Date('2026-11-23T08:00:00Z') },
    // Every successful write, so a refused request can be shown to have written nothing.
    tables: observedTables(tables, (_table, method) => void (WRITES.has(method) && writes.count++)),
    deliver: false,
  });
  const url = await app.listen();
  await importPlan({ plans: app.plans, clock: app.clock }, planYaml(), { schoolYear: schoolYear(2026) });
  const person = { roles: [], leads: [], networks: [], coordinates: [] };
  await app.people.save({
    ...person,
    aadObjectId: COORDINATOR,
    name: 'Kari Koordinator',
    roles: ['koordinator'],
    coordinates: ['kulg'],
  });
  await app.people.save({
    ...person,
    aadObjectId: LEADER,
    name: 'Rita Rektor',
    roles: ['enhetsleder'],
    leads: ['leknes-skole'],
  });
  await app.people.save({ ...person, aadObjectId: MEMBER, name: 'Mona Medlem', networks: ['kulg'] });
  const routes = (app.server.getDebugInfo().routes as { method: string; path: string }[])
    .map((r) => ({
      method: (r.method === 'del' ? 'DELETE' : r.method.toUpperCase()) as Route['method'],
      path: r.path,
    }))
    .filter((r) => !SKIP.test(r.path))
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
  return { app, url, writes, routes, close: () => app.close() };
}

/** Ids that exist in the fixture, and ids made to hurt: slashes, quotes, lone surrogates, length. */
const id = fc.oneof(
  fc.constantFrom(
    'leknes-skole',
    'kulg-01',
    'kulg-02.ics',
    'lp-01',
    '2026-H2',
    'kulg',
    'testkommune.2026-2027',
  ),
  fc.constantFrom(
    '%2F',
    'a%2Fb',
    "o'brien",
    '%ED%A0%80',
    '..',
    '%00',
    'x'.repeat(2000),
    '9999-H2',
    '2027-02-30',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc
    .string({ unit: 'binary', maxLength: 20 })
    .map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x'))),
);

const dateLike = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-13-01', '14.05.2026', '0000-00-00', '9999-12-31', '2026-09-01', ''),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

/** A JSON value of every kind, sometimes one that storage cannot hold. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'x'.repeat(70_000),
      '\ud800',
      'javascript:alert(1)',
      'http://example.org',
      '=cmd|x',
    ),
  },
  { weight: 1, arbitrary: dateLike },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.constantFrom('programme:kulg', 'unit:leknes-skole', 'conversation:\ud800', 'role:enhetsledere'),
      { maxLength: 6 },
    ),
  },
);

/** Bodies that pass for a route's real ones, to be mutated into nearly right ones. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  'POST /api/broadcasts': {
    title: 'Melding',
    text: 'Les **dette**.',
    link: 'https://example.org',
    reading: 'Kap. 2',
    audiences: ['programme:kulg'],
  },
  'PUT /api/broadcasts/:id': { title: 'Melding', text: 'Tekst', audiences: ['programme:kulg'], version: 1 },
  'POST /api/automation/broadcasts': { title: 'Melding', text: 'Tekst', audiences: ['programme:kulg'] },
  'POST /api/automation/keys': { name: 'Integrasjon' },
  'POST /api/reports/campaigns': {
    id: '2026-H2',
    title: 'Halvårsrapport',
    opens: '2026-12-01',
    deadline: '2026-12-15',
  },
  'PUT /api/units/:unitId/local-plan': {
    kartlegging: 'K',
    analyse: 'A',
    mal: 'M',
    actions: [{ text: 'Gjøre', deadline: '2027-01-15', status: 'pågår' }],
    version: 0,
  },
  'PUT /api/reports/:campaignId/units/:unitId/form': {
    action: 'draft',
    version: 0,
    planVersion: 0,
    kartlegging: 'K',
    actions: [{ id: '', text: 'Gjøre', deadline: '2027-01-15', status: 'pågår' }],
    signs: { 'ledelse-01': { answer: 'ja', comment: '' } },
    tidsressurser: 'T',
  },
  'POST /api/meetings/:eventId/agenda/items': { title: 'Sak', description: 'Om saken', minutes: 15 },
  'PUT /api/meetings/:eventId/agenda/items/:itemId': { title: 'Sak', description: 'Om saken', version: 1 },
  'PUT /api/meetings/:eventId/agenda/order': { order: ['a', 'b'], version: 1 },
  'POST /api/meetings/:eventId/agenda/items/:itemId/decision': { decision: 'accepted', version: 1 },
  'POST /api/links': { target: 'programme:kulg', conversationId: '19:kulg@thread.tacv2' },
  'DELETE /api/links': { target: 'programme:kulg', conversationId: '19:kulg@thread.tacv2' },
  'PUT /api/people/:id': {
    name: 'Per',
    roles: ['enhetsleder'],
    leads: ['leknes-skole'],
    networks: [],
    coordinates: [],
  },
  'PUT /api/me/language': { language: 'en' },
  'POST /api/feeds': { name: 'Min kalender', programmes: ['kulg'] },
  'POST /api/plan/roll-forward': { schoolYear: '2027-2028' },
};

/** A sample with one field changed, removed or added. */
function mutated(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  return fc.oneof(
    fc.constant(sample),
    fc.tuple(fc.constantFrom(...keys), anyValue).map(([key, value]) => ({ ...sample, [key]: value })),
    fc
      .constantFrom(...keys)
      .map((key) => Object.fromEntries(Object.entries(sample).filter(([k]) => k !== key))),
    fc.tuple(fc.string({ maxLength: 12 }), anyValue).map(([key, value]) => ({ ...sample, [key]: value })),
  );
}

export interface FuzzRequest {
  readonly caller: Caller;
  readonly method: Route['method'];
  readonly route: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  /** `undefined`: no body; a string: sent as it is. */
  readonly body: unknown;
}

const QUERY_KEYS = [
  'from',
  'to',
  'plan',
  'dryRun',
  'unit',
  'campaign',
  'campaignId',
  'format',
  'year',
  'token',
  'view',
];

export function requests(routes: readonly Route[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      route: fc.constantFrom(...routes),
      caller: fc.constantFrom(...(Object.keys(CALLERS) as Caller[])),
      params: fc.array(id, { minLength: 3, maxLength: 3 }),
      query: fc.dictionary(
        fc.constantFrom(...QUERY_KEYS),
        fc.oneof(dateLike, id, fc.string({ maxLength: 20 })),
        { maxKeys: 3 },
      ),
      language: fc.constantFrom('nb-NO', 'en-US', 'en', 'de', '*', ''),
      ifMatch: fc.option(
        fc.oneof(
          fc.constantFrom('"1"', 'W/"0"', '*', '"99999999999999999999"'),
          fc.string({ maxLength: 10 }),
        ),
      ),
      raw: fc.option(
        fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('{', '[1,2', 'null', '"x"', 'yaml: [')),
        { freq: 5 },
      ),
      body: fc.constant(undefined),
    })
    .chain((r) => {
      const key = `${r.route.method} ${r.route.path}`;
      const body: fc.Arbitrary<unknown> =
        r.route.method === 'GET'
          ? fc.constant(undefined)
          : r.raw !== null
            ? fc.constant(r.raw)
            : SAMPLES[key]
              ? mutated(SAMPLES[key]!)
              : fc.oneof(
                  fc.constant({}),
                  fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 5 }),
                );
      return body.map((b) => {
        let n = 0;
        const path = r.route.path.replace(/:\w+|\*/g, () => r.params[n++ % 3]!);
        const headers: Record<string, string> = {};
        if (r.language) headers['accept-language'] = r.language;
        if (r.ifMatch !== null) headers['if-match'] = r.ifMatch;
        return {
          caller: r.caller,
          method: r.route.method,
          route: key,
          path,
          query: r.query,
          headers,
          body: b,
        } as FuzzRequest;
      });
    });
}

export interface Outcome {
  readonly status: number;
  readonly body: string;
  readonly writes: number;
}

export async function send(world: FuzzWorld, request: FuzzRequest): Promise<Outcome> {
  const query = new URLSearchParams(request.query).toString();
  const headers: Record<string, string> = { ...request.headers };
  const who = CALLERS[request.caller];
  if (who) headers[DEV_USER_HEADER] = who;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['content-type'] = typeof request.body === 'string' ? 'text/plain' : 'application/json';
  }
  const before = world.writes.count;
  const response = await fetch(`${world.url}${request.path}${query ? `?${query}` : ''}`, {
    method: request.method,
    headers,
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text, writes: world.writes.count - before };
}

/**
 * What an answer broke: a 5xx, a refusal that wrote, one that does not say what was wrong, or one
 * not in the caller's language (English for `en…`, else Norwegian; quoted input is not judged).
 */
export function violations(outcome: Outcome, acceptLanguage = ''): string[] {
  const found: string[] = [];
  if (outcome.status >= 500) found.push(`answered ${outcome.status}: ${outcome.body.slice(0, 300)}`);
  if (outcome.status >= 400 && outcome.status < 500) {
    if (outcome.writes > 0)
      found.push(`refused with ${outcome.status} but wrote ${outcome.writes} time(s) to storage`);
    let message = '';
    try {
      const error = (JSON.parse(outcome.body) as { error?: { message?: string } }).error;
      message = error?.message ?? '';
    } catch {
      // Not JSON: says nothing a client can show.
    }
    if (message.trim().length < 10)
      found.push(`refused with ${outcome.status} without saying why: ${outcome.body.slice(0, 200)}`);
    const own = message.replace(/«[^»]*»|"[^"]*"|“[^”]*”|`[^`]*`/g, ' ');
    const english = acceptLanguage.toLowerCase().startsWith('en');
    const slips = wordsIn(own, english ? NORWEGIAN_WORDS : ENGLISH_WORDS);
    if (slips.length > 0)
      found.push(`refused in the wrong language (${slips.join(', ')}): ${message.slice(0, 200)}`);
  }
  return found;
}

/** Field names card actions read, so random data sometimes hits a handler's real inputs. */
const CARD_FIELDS = [
  'unitId',
  'campaignId',
  'messageId',
  'eventId',
  'itemId',
  'version',
  'language',
  'targets',
  'title',
  'description',
  'kartlegging',
  'analyse',
  'mal',
  'tegn_ledelse-01',
  'svar_q1',
  'handling_1_tekst',
  'handling_1_frist',
  'handling_1_status',
];

export interface FuzzInvoke {
  readonly caller: Exclude<Caller, 'anonymous'>;
  readonly activity: Record<string, unknown>;
}

/** `adaptiveCard/action` invokes for every verb the bot has, with random data, from every role. */
export function invokes(verbs: readonly string[], serviceUrl: string): fc.Arbitrary<FuzzInvoke> {
  const data = fc.dictionary(
    fc.oneof(fc.constantFrom(...CARD_FIELDS), fc.string({ maxLength: 8 })),
    anyValue,
    { maxKeys: 6 },
  );
  return fc
    .record({
      caller: fc.constantFrom('member', 'leader', 'coordinator', 'admin') as fc.Arbitrary<
        FuzzInvoke['caller']
      >,
      verb: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...verbs) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      ),
      data,
      personal: fc.boolean(),
      locale: fc.constantFrom('nb-NO', 'en-US'),
      trigger: fc.constantFrom('manual', 'automatic'),
    })
    .map(({ caller, verb, data, personal, locale, trigger }) => {
      const aadObjectId = CALLERS[caller];
      const conversation = personal
        ? { conversationType: 'personal', tenantId: 'tenant', id: `a:${caller}` }
        : {
            conversationType: 'channel',
            isGroup: true,
            tenantId: 'tenant',
            id: '19:kulg@thread.tacv2;messageid=1',
          };
      return {
        caller,
        activity: {
          type: 'invoke',
          name: 'adaptiveCard/action',
          id: `f:${Math.random().toString(36).slice(2)}`,
          channelId: 'msteams',
          serviceUrl,
          from: { id: `29:${caller}`, name: caller, aadObjectId },
          recipient: { id: '28:planpuls', name: 'Planpuls' },
          conversation,
          locale,
          channelData: personal
            ? { tenant: { id: 'tenant' } }
            : {
                tenant: { id: 'tenant' },
                channel: { id: '19:kulg@thread.tacv2' },
                team: { id: '19:team@thread.tacv2' },
              },
          value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger },
        },
      };
    });
}

/** Posts an invoke to the bot endpoint; answers the HTTP status and the invoke response's. */
export async function sendInvoke(
  world: FuzzWorld,
  invoke: FuzzInvoke,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${world.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(invoke.activity),
  });
  return { status: response.status, body: await response.text() };
}

/** What an invoke's answer broke: a 5xx, or bad card data answered as a failed turn or as storage down. */
export function invokeViolations(status: number, body: string): string[] {
  if (status >= 500) return [`answered ${status}: ${body.slice(0, 300)}`];
  let answer: { statusCode?: number; value?: unknown } = {};
  try {
    answer = JSON.parse(body || '{}') as typeof answer;
  } catch {
    return [`answered with no invoke response: ${body.slice(0, 200)}`];
  }
  if ((answer.statusCode ?? 200) >= 500)
    return [`invoke response ${answer.statusCode}: ${body.slice(0, 300)}`];
  const failures = (['nb', 'en'] as const).flatMap((l) => [
    messages(l).errors.turnFailed,
    messages(l).errors.storageUnreachable,
  ]);
  return failures.includes(answer.value as string) ? [`answered as a failure: ${String(answer.value)}`] : [];
}

/** A Bot Connector that takes any message, for handlers that post one of their own; answers its URL. */
export async function anyConnector(): Promise<{ serviceUrl: string; close(): void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => void server.close(),
  };
}
