import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { startAzurite } from '../store/embedded-azurite.js';
import { connectTables, type Tables } from '../store/table-service.js';
import { connectTablesWithIdentity } from '../store/table-service-identity.js';
import type { TokenCredential } from '@azure/identity';

/**
 * The storage account at STORAGE_ACCOUNT_URL through managed identity (Azure), the one in the
 * connection string, or the embedded Azurite (with data under DATA_DIR) when no
 * connection string is set. `embedded` tells which: the embedded one should end with us.
 */
export async function openStorage(
  config: Config,
  logger: Logger,
  /** Replaces DefaultAzureCredential for STORAGE_ACCOUNT_URL; tests stay off the network with it. */
  credential?: TokenCredential,
): Promise<{ tables: Tables; stop(): Promise<void>; embedded: boolean }> {
  if (config.storageAccountUrl) {
    logger.info('using the storage account through managed identity', { account: config.storageAccountUrl });
    const tables = connectTablesWithIdentity({
      accountUrl: config.storageAccountUrl,
      prefix: config.tablePrefix,
      managedIdentityClientId: config.azureClientId,
      ...(credential ? { credential } : {}),
    });
    return { tables, stop: async () => {}, embedded: false };
  }
  if (config.storageConnectionString) {
    logger.info('using the configured storage account');
    return {
      tables: connectTables(config.storageConnectionString, config.tablePrefix),
      stop: async () => {},
      embedded: false,
    };
  }
  const azurite = await startAzurite({
    location: join(config.dataDir, 'azurite'),
    port: config.azuritePort,
    logger: logger.child({ component: 'azurite' }),
  });
  return {
    tables: connectTables(azurite.connectionString, config.tablePrefix),
    stop: azurite.stop,
    embedded: true,
  };
}
