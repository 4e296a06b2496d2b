import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from '../log/logger.js';

/**
 * The request handler for the Bot Framework endpoint, keeping botbuilder out of the HTTP layer.
 * `started` is called when the turn's logic begins, that is once the request was verified.
 */
export function botEndpoint(adapter: CloudAdapter, bot: ActivityHandler) {
  return (req: Request, res: Response, started: () => void = () => undefined): Promise<void> =>
    adapter.process(req, res, (context) => {
      started();
      return bot.run(context);
    });
}

/**
 * botbuilder 4.23 answers a token with a bad signature 500 (jsonwebtoken's error is not its
 * AuthenticationError), though the turn never starts. A request that fails before the turn's
 * logic ran was not verified, so it gets 401, like a missing or foreign token. (The turn tells
 * its request through a closure, not an AsyncLocalStorage: on Node 20 that puts a hook on every
 * promise of the process, about a tenth of the CPU of a report invoke.)
 */
export function unverifiedCallersAre401(
  handle: (req: Request, res: Response, started: () => void) => Promise<void>,
  logger: Logger,
): (req: Request, res: Response) => Promise<void> {
  return (req, res) => {
    let started = false;
    const status = res.status.bind(res);
    res.status = (code: number) => {
      if (code !== 500 || started) return status(code);
      logger.warn('bot request rejected: token not verified');
      return status(401);
    };
    return handle(req, res, () => (started = true));
  };
}
