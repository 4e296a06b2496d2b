import type { Request, Response, Server } from 'restify';

/** `POST /api/messages`: the Bot Framework endpoint; the Teams adapter checks the caller's token. */
export function messageRoutes(
  server: Server,
  deps: { handle: (req: Request, res: Response) => Promise<void> },
): void {
  server.post('/api/messages', deps.handle);
}
