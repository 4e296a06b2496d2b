import type { Activity, ActivityHandler } from 'botbuilder';
// botbuilder's own clean-up of an incoming activity (timestamps to Dates), as `process()` runs it.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';
import type { Request, Response } from 'restify';
import type { ErrorBody } from '../http/respond.js';
import { RETRY_AFTER_S } from '../http/respond.js';
import type { Logger } from '../log/logger.js';
import type { PlanpulsAdapter } from './adapter.js';

/** Handles one Bot Framework request; calls `started` once the request was verified and the turn begins. */
export type BotRequestHandler = (req: Request, res: Response, started: () => void) => Promise<void>;

/**
 * The request handler for the Bot Framework endpoint, keeping botbuilder out of the HTTP layer.
 * It answers what botbuilder's `process()` answers (400 for a body that is no activity, the
 * invoke response or 200), but a failure is thrown, not answered, so `unverifiedCallersAre401`
 * decides what the caller is told.
 */
export function botEndpoint(adapter: PlanpulsAdapter, bot: ActivityHandler): BotRequestHandler {
  return async (req, res, started = () => undefined) => {
    const body: unknown = req.body;
    if (!isActivityLike(body)) {
      answer(res, 400, {
        error: { code: 'BAD_ACTIVITY', message: 'The body is not a Bot Framework activity.' },
      });
      return;
    }
    const activity = validateAndFixActivity(body as Activity);
    const invokeResponse = await adapter.runTurn(req.header('authorization') ?? '', activity, (context) => {
      started();
      return bot.run(context);
    });
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body) res.send(invokeResponse.body);
    res.end();
  };
}

/** What a Bot Framework caller is told; fixed texts, for a machine, never the error's own message. */
const UNAUTHORIZED: ErrorBody = {
  error: { code: 'UNAUTHORIZED', message: 'The request carries no valid Bot Framework token.' },
};
const AUTH_UNAVAILABLE: ErrorBody = {
  error: {
    code: 'AUTH_UNAVAILABLE',
    message: 'The Bot Framework signing keys cannot be fetched right now; try again shortly.',
  },
};
const INTERNAL: ErrorBody = { error: { code: 'INTERNAL', message: 'The turn failed; the error is logged.' } };

/**
 * Answers the requests `botEndpoint` could not. One that failed before the turn's logic began was
 * not verified: 401, whatever botbuilder threw (jsonwebtoken's errors for a bad signature are not
 * its AuthenticationError), unless the signing keys or the credentials could not be fetched:
 * then nobody can be verified, and the caller (the Bot Framework retries) gets 503 with
 * Retry-After. One that failed after it (the turn error handler itself failed) is a 500. The
 * body is always a fixed code and text; the error, which can hold a URL and a DNS message, goes
 * to the log. (The turn tells its request through a closure, not an AsyncLocalStorage: on Node 20
 * that puts a hook on every promise of the process, about a tenth of the CPU of a report invoke.)
 */
export function unverifiedCallersAre401(
  handle: BotRequestHandler,
  logger: Logger,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    let started = false;
    try {
      await handle(req, res, () => (started = true));
    } catch (error) {
      if (started) {
        logger.error('bot turn failed beyond its error handler', { error });
        answer(res, 500, INTERNAL);
      } else if (isVerificationOutage(error)) {
        logger.warn('bot request not verified: signing keys or credentials out of reach', { error });
        res.header('Retry-After', String(RETRY_AFTER_S));
        answer(res, 503, AUTH_UNAVAILABLE);
      } else {
        logger.warn('bot request rejected: token not verified', { error });
        answer(res, 401, UNAUTHORIZED);
      }
    }
  };
}

function answer(res: Response, status: number, body: ErrorBody): void {
  if (res.headersSent) return;
  res.status(status);
  res.json(body);
}

function isActivityLike(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof (body as { type?: unknown }).type === 'string'
  );
}

/** Network failures under node-fetch, undici and Node's sockets. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * botframework-connector fetches the OpenID metadata and keys with node-fetch: a network failure
 * is a FetchError, a non-200 answer an AuthenticationError with a 5xx status code. Either may be
 * the cause of another error.
 */
function isVerificationOutage(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { statusCode, code } = e as { statusCode?: unknown; code?: unknown };
    if (typeof statusCode === 'number' && statusCode >= 500) return true;
    if (e.name === 'FetchError' || e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  }
  return false;
}
