import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { messages } from '../bot/i18n/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fuzzWorld,
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
        expect(violations(outcome, request.headers['accept-language']), `${request.caller} ${request.method} ${request.path}`).toEqual([]);
      }),
      { seed: 20261203, numRuns: 1500, endOnFailure: true },
    );
  }, 300_000);
});

describe('card actions under random data', () => {
  it('answer every verb from every role without a server error', async () => {
    // Where a handler would post a message of its own: a connector that takes anything.
    const connector = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"1"}');
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    try {
      await fc.assert(
        fc.asyncProperty(invokes(world.app.bot.verbs, serviceUrl), async (invoke) => {
          const { status, body } = await sendInvoke(world, invoke);
          const label = `${invoke.caller} ${JSON.stringify((invoke.activity.value as { action: unknown }).action).slice(0, 300)}`;
          expect(status, `${label} → ${body.slice(0, 300)}`).toBeLessThan(500);
          const answer = JSON.parse(body || '{}') as { statusCode?: number; value?: unknown };
          expect(answer.statusCode ?? 200, `${label} → ${body.slice(0, 300)}`).toBeLessThan(500);
          // Bad card data is refused with a reason, never answered as a failed turn or as storage down.
          const failures = (['nb', 'en'] as const).flatMap((l) => [
            messages(l).errors.turnFailed,
            messages(l).errors.storageUnreachable,
          ]);
          expect(failures, `${label} → ${body.slice(0, 300)}`).not.toContain(answer.value);
        }),
        { seed: 20261203, numRuns: Number(process.env.FUZZ_INVOKES ?? 500), endOnFailure: true },
      );
    } finally {
      connector.close();
    }
  }, 300_000);
});
