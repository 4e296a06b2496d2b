import type { Request, Response, Server } from 'restify';

/** `POST /api/messages`: the Bot Framework endpoint; the Teams adapter checks the caller's token. */
export function messageRoutes(
  server: Server,
  deps: { handle: (req: Request, res: Response) => Promise<void> },
): void {
  // restify tells async handlers from callback ones by the `async` keyword, so keep it here.
  server.post('/api/messages', async (req, res) => {
    await deps.handle(req, res);
  });
}
