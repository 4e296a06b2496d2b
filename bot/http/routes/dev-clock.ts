import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import type { OffsetClock } from '../../platform/offset-clock.js';
import { invalidInput, refuse } from '../../use-cases/refusals.js';
import { route } from '../respond.js';
import { parseRequest } from '../validate.js';

/** Either field; which one is given, and whether it reads as a time, offsetFrom says. */
const clockBody = z.object({
  advanceTo: z.string().max(40).optional(),
  offsetMs: z.number().optional(),
});

export interface DevClockDeps {
  logger: Logger;
  clock: OffsetClock;
  /** Runs what is due now (the app's scheduler tick). */
  tick(): Promise<number>;
}

/**
 * `POST /api/dev/clock {advanceTo | offsetMs}`: local mode only (main.ts registers it only without
 * bot credentials, which also pins the server to loopback), and refused from anywhere but
 * loopback all the same. Moves the app's clock, then runs a tick, so reminders due by the new
 * time are sent now instead of at 08:00 some day. `GET` tells the current time and offset.
 */
export function devClockRoutes(server: Server, deps: DevClockDeps): void {
  server.get(
    '/api/dev/clock',
    route(deps.logger, async (req, res) => {
      if (!isLoopback(req))
        return void res.json(403, { error: { code: 'FORBIDDEN', message: 'loopback only' } });
      res.json(200, { now: deps.clock.now().toISOString(), offsetMs: deps.clock.offsetMs() });
    }),
  );
  server.post(
    '/api/dev/clock',
    route(deps.logger, async (req, res) => {
      if (!isLoopback(req))
        return void res.json(403, { error: { code: 'FORBIDDEN', message: 'loopback only' } });
      const { body } = parseRequest(req, { body: clockBody });
      deps.clock.setOffset(offsetFrom(body, deps.clock.now().getTime() - deps.clock.offsetMs()));
      deps.logger.warn('dev clock moved', {
        now: deps.clock.now().toISOString(),
        offsetMs: deps.clock.offsetMs(),
      });
      const ran = await deps.tick();
      res.json(200, { now: deps.clock.now().toISOString(), offsetMs: deps.clock.offsetMs(), ran });
    }),
  );
}

function offsetFrom(body: { advanceTo?: unknown; offsetMs?: unknown }, systemNow: number): number {
  if (typeof body.offsetMs === 'number' && Number.isFinite(body.offsetMs)) return body.offsetMs;
  if (typeof body.advanceTo === 'string') {
    const target = Date.parse(body.advanceTo);
    if (!Number.isNaN(target)) return target - systemNow;
  }
  throw refuse(invalidInput, 'DEV_CLOCK_INPUT');
}

function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
