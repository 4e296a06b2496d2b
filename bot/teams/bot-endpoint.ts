import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';

/** The request handler for the Bot Framework endpoint, keeping botbuilder out of the HTTP layer. */
export function botEndpoint(adapter: CloudAdapter, bot: ActivityHandler) {
  return (req: Request, res: Response): Promise<void> =>
    adapter.process(req, res, (context) => bot.run(context));
}
