import { TableClient, TableServiceClient } from '@azure/data-tables';
import { toStoreError } from './table-errors.js';

/** Hands out table clients for one storage account, with our table-name prefix. */
export interface Tables {
  /** A client for `<prefix><name>`; the table is created on first use. */
  table(name: string): Promise<TableClient>;
  /** Resolves when storage answers a request. */
  ping(): Promise<void>;
}

const PING_TIMEOUT_MS = 3000;

export function connectTables(connectionString: string, prefix: string): Tables {
  // Only the local emulator on loopback is reached over plain HTTP.
  const allowInsecureConnection = isLoopbackHttp(connectionString);
  return tablesOf(
    // The health check should answer quickly, so its client does not retry.
    TableServiceClient.fromConnectionString(connectionString, {
      allowInsecureConnection,
      retryOptions: { maxRetries: 0 },
    }),
    (fullName) => TableClient.fromConnectionString(connectionString, fullName, { allowInsecureConnection }),
    prefix,
  );
}

/**
 * The `Tables` contract over any way of reaching an account: tables are created once, on first
 * use (a failed creation is tried again next time), and `ping` answers within a few seconds.
 */
export function tablesOf(
  service: TableServiceClient,
  clientFor: (fullName: string) => TableClient,
  prefix: string,
): Tables {
  const ready = new Map<string, Promise<TableClient>>();

  const table = (name: string): Promise<TableClient> => {
    const fullName = `${prefix}${name}`;
    let client = ready.get(fullName);
    if (!client) {
      const created = clientFor(fullName);
      client = created.createTable().then(
        () => created,
        (error: unknown) => {
          ready.delete(fullName);
          throw toStoreError(error, `tabellen ${fullName}`);
        },
      );
      ready.set(fullName, client);
    }
    return client;
  };

  const ping = async (): Promise<void> => {
    try {
      await service
        .listTables({ abortSignal: AbortSignal.timeout(PING_TIMEOUT_MS) })
        .byPage({ maxPageSize: 1 })
        .next();
    } catch (error) {
      throw toStoreError(error, 'lagringskontoen');
    }
  };
  return { table, ping };
}

function isLoopbackHttp(connectionString: string): boolean {
  if (/UseDevelopmentStorage=true/i.test(connectionString)) return true;
  const endpoint = /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  if (!endpoint) return false;
  const url = new URL(endpoint);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
