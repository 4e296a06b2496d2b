import { readFile } from 'node:fs/promises';
import type { Server } from 'restify';

/** Serves the tab's page (a placeholder until the tab is built). */
export function tabRoutes(server: Server, deps: { tabDir: URL }): void {
  const page = async (_req: unknown, res: import('restify').Response) => {
    const html = await readFile(new URL('index.html', deps.tabDir), 'utf8');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  };
  server.get('/', page);
  server.get('/tab', page);
}
