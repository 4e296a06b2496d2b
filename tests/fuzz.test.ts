import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyConnector,
  fuzzWorld,
  invokeViolations,
  invokes,
  requests,
  send,
  sendInvoke,
  violations,
  type FuzzWorld,
} from './support/fuzz.js';
import { freshTables } from './support/storage.js';

/*
 * Random and mutated requests to every route of the real server, as every role: none may answer
 * 5xx, a refusal must change nothing in storage and say what was wrong. Seeded, so a failure
 * reproduces; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).
 */

let world: FuzzWorld;
beforeAll(async () => {
  world = await fuzzWorld(freshTables().tables);
});
afterAll(() => world.close());

describe('the HTTP API under random requests', () => {
  it('covers every API route the server has', () => {
    expect(world.routes.length).toBeGreaterThan(40);
  });

  it('never answers 5xx, and every refusal wrote nothing and says why', async () => {
    await fc.assert(
      fc.asyncProperty(requests(world.routes), async (request) => {
        const outcome = await send(world, request);
        expect(
          violations(outcome, request.headers['accept-language']),
          `${request.caller} ${request.method} ${request.path}`,
        ).toEqual([]);
      }),
      { seed: 20261203, numRuns: 1500, endOnFailure: true },
    );
  }, 300_000);
});

describe('card actions under random data', () => {
  it('answer every verb from every role without a server error', async () => {
    // Where a handler would post a message of its own: a connector that takes anything.
    const connector = await anyConnector();
    try {
      await fc.assert(
        fc.asyncProperty(invokes(world.app.bot.verbs, connector.serviceUrl), async (invoke) => {
          const { status, body } = await sendInvoke(world, invoke);
          const action = JSON.stringify((invoke.activity.value as { action: unknown }).action).slice(0, 300);
          expect(invokeViolations(status, body), `${invoke.caller} ${action}`).toEqual([]);
        }),
        { seed: 20261203, numRuns: Number(process.env.FUZZ_INVOKES ?? 500), endOnFailure: true },
      );
    } finally {
      connector.close();
    }
  }, 300_000);
});
