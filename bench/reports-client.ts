// The client of `bench:reports`, in its own process so that building 50 requests, 50 fetches and
// reading 50 replies do not run on the event loop of the server being measured. The parent sends
// `{ round }` messages over IPC; each answer is the latencies of that round, in milliseconds.
import { readFileSync } from 'node:fs';
import { actionInputs, ANSWERS, signInput } from '../bot/domain/reports/report.js';

export interface RoundRequest {
  url: string;
  verb: string;
  version: number;
  leaders: number;
  /** The first leader (and school) of the round, counting from 0. */
  first: number;
  signIds: string[];
  /** All at once (default), or one after another. */
  sequential?: boolean;
  /** Only open connections (see warmUp); answers no latencies. */
  warmUpOnly?: boolean;
}

const template = JSON.parse(readFileSync('tests/payloads/card-action-invoke.json', 'utf8'));
export const leader = (i: number) => `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`;

/** The form's first action row. */
const action = actionInputs(1);

export function invoke(i: number, verb: string, version: number, signIds: string[]) {
  const data: Record<string, unknown> = {
    verb,
    campaignId: '2026-H2',
    unitId: `skole-${i + 1}`,
    version,
    kartlegging: 'Elevundersøkelsen og observasjon.',
    analyse: 'Mobbing skjer mest i friminuttene.',
    mal: 'Alle elever opplever et trygt skolemiljø.',
    planVersion: 0, // no local plan yet: the submit makes the report the unit's plan
    handlingIds: ['', '', ''],
    [action.text]: 'Flere voksne ute i friminuttene.',
    [action.deadline]: '2027-03-01',
    [action.status]: 'pågår',
    tidsressurser: 'To timer i uka.',
    ...Object.fromEntries(signIds.map((id, n) => [signInput(id), ANSWERS[n % ANSWERS.length]])),
  };
  return {
    ...template,
    id: `f:bench-${verb}-${i}`,
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:${leader(i)}`, name: `Rektor ${i + 1}`, aadObjectId: leader(i) },
    conversation: {
      conversationType: 'personal',
      tenantId: template.conversation.tenantId,
      id: `a:chat-${i}`,
    },
    channelData: { tenant: template.channelData.tenant, source: { name: 'message' } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

async function one(r: RoundRequest, i: number, body: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${r.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const reply = (await response.json()) as { statusCode: number; value: unknown };
  const ms = performance.now() - started;
  if (response.status !== 200 || reply.statusCode !== 200) throw new Error(`invoke ${i}: ${response.status}`);
  const expected = { 'rapport-send': 'Sendt inn av', 'rapport-lagre': 'Utkastet er lagret' }[r.verb];
  const text = JSON.stringify(reply.value);
  if (expected && !text.includes(expected))
    throw new Error(`invoke ${i} not accepted: ${text.slice(0, 300)}`);
  return ms;
}

/**
 * Teams' side is never cold: before the first round, the client loads fetch, opens its
 * connections and runs its own code for posting an invoke and reading a JSON reply, against
 * answers that touch neither the bot nor storage (GET /api/me without an identity is a 401; a
 * POST to a path that does not exist is a 404).
 */
async function warmUp(r: RoundRequest): Promise<void> {
  const body = JSON.stringify(invoke(0, 'rapport-lagre', 0, r.signIds));
  for (let pass = 0; pass < 3; pass++)
    await Promise.all(
      Array.from({ length: r.leaders }, async () => {
        await (await fetch(`${r.url}/api/me`)).json();
        await (await fetch(`${r.url}/api/bench-warm-up`, { method: 'POST', body })).json();
      }),
    );
}

/** Runs one round: the request bodies are built before the clock starts. */
export async function round(r: RoundRequest): Promise<number[]> {
  if (r.warmUpOnly) {
    await warmUp(r);
    return [];
  }
  const bodies = Array.from({ length: r.leaders }, (_, i) =>
    JSON.stringify(invoke(r.first + i, r.verb, r.version, r.signIds)),
  );
  if (!r.sequential) return Promise.all(bodies.map((body, i) => one(r, r.first + i, body)));
  const out: number[] = [];
  for (let i = 0; i < r.leaders; i++) out.push(await one(r, r.first + i, bodies[i]!));
  return out;
}

if (process.send) {
  process.on('message', (r: RoundRequest) => {
    const cpu = process.cpuUsage();
    round(r).then(
      (ms) => {
        const used = process.cpuUsage(cpu);
        process.send!({ ms, cpuMs: (used.user + used.system) / 1000 });
      },
      (error: unknown) => process.send!({ error: String(error) }),
    );
  });
}
