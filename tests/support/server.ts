import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import type { Clock } from '../../bot/domain/clock.js';
import { silentLogger } from '../../bot/log/logger.js';
import type { Tables } from '../../bot/store/table-service.js';

/** The real app on a free loopback port, on the given storage. */
export async function startTestServer(
  tables: Tables,
  clock: Clock = { now: () => new Date('2026-11-23T08:00:00Z') },
): Promise<{ app: App; url: string }> {
  const app = createApp({ config: loadConfig({ PORT: '0' }), logger: silentLogger, clock, tables });
  return { app, url: await app.listen() };
}
