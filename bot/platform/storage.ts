import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { startAzurite } from '../store/embedded-azurite.js';
import { connectTables, type Tables } from '../store/table-service.js';

/**
 * The configured storage account, or the embedded Azurite (with data under DATA_DIR) when no
 * connection string is set.
 */
export async function openStorage(
  config: Config,
  logger: Logger,
): Promise<{ tables: Tables; stop(): Promise<void> }> {
  if (config.storageConnectionString) {
    logger.info('using the configured storage account');
    return {
      tables: connectTables(config.storageConnectionString, config.tablePrefix),
      stop: async () => {},
    };
  }
  const azurite = await startAzurite({
    location: join(config.dataDir, 'azurite'),
    port: config.azuritePort,
    logger: logger.child({ component: 'azurite' }),
  });
  return { tables: connectTables(azurite.connectionString, config.tablePrefix), stop: azurite.stop };
}
