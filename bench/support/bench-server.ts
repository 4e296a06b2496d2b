import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import type { Clock } from '../../bot/domain/clock.js';
import { silentLogger } from '../../bot/log/logger.js';
import { startAzurite } from '../../bot/store/embedded-azurite.js';
import { connectTables, type Tables } from '../../bot/store/table-service.js';
import { observedTables } from '../../tests/support/observed-tables.js';

export const BENCH_ADMIN = '00000000-0000-0000-0000-0000000000a1';

export interface BenchServer {
  /** The app (local mode, nothing delivered), on `tables`. */
  readonly app: App;
  /** What the app reads and writes through: `storage`, observed when the bench counts calls. */
  readonly tables: Tables;
  /** The same account, not observed: for seeding, which no figure counts. */
  readonly storage: Tables;
  /** Stops the app and Azurite and removes Azurite's data. */
  close(): Promise<void>;
}

export interface BenchServerOptions {
  /** Names the data folder and the tables' prefix (`bench<name>`). */
  readonly name: string;
  readonly clock: Clock;
  /** Each storage call the app makes, by table and method, after it succeeded (and failed). */
  readonly seen?: (table: string, method: string) => void;
  readonly failed?: (table: string, method: string) => void;
}

/**
 * A fresh embedded Azurite with its data on disk (as `npm start` runs it) and the real app on it,
 * the kommunalsjef (`BENCH_ADMIN`) configured as admin: what every bench of a large municipality
 * starts from.
 */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), `planpuls-bench-${options.name}-`));
  const azurite = await startAzurite({ location: dir, port: 0, logger: silentLogger });
  const storage = connectTables(azurite.connectionString, `bench${options.name}`);
  const tables = options.seen ? observedTables(storage, options.seen, options.failed) : storage;
  const app = createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: BENCH_ADMIN }),
    logger: silentLogger,
    clock: options.clock,
    tables,
    deliver: false,
  });
  return {
    app,
    tables,
    storage,
    async close() {
      await app.close();
      await azurite.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
