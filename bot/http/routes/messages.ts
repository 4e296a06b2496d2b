import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';

/** `POST /api/messages`: the Bot Framework endpoint; the adapter checks the caller's token. */
export function messageRoutes(server: Server, deps: { adapter: CloudAdapter; bot: ActivityHandler }): void {
  server.post('/api/messages', async (req, res) => {
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  });
}
