import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';

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
