import type { Server } from 'restify';
import type { Logger } from '../../log/logger.js';
import type { Tables } from '../../store/table-service.js';

/** `GET /healthz`: 200 only while storage answers. */
export function healthRoutes(server: Server, deps: { tables: Tables; logger: Logger }): void {
  server.get('/healthz', async (_req, res) => {
    try {
      await deps.tables.ping();
      res.json(200, { status: 'ok' });
    } catch (error) {
      deps.logger.warn('health check: storage does not answer', { error });
      res.json(503, { status: 'unavailable', reason: 'storage' });
    }
  });
}
