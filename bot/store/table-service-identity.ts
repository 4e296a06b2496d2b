import { TableClient, TableServiceClient } from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { tablesOf, type Tables } from './table-service.js';

export interface IdentityTablesOptions {
  /** `https://<account>.table.core.windows.net`. */
  accountUrl: string;
  prefix: string;
  /** Client id of a user-assigned managed identity; absent: the system identity or a developer login. */
  managedIdentityClientId?: string | undefined;
  /** Replaces DefaultAzureCredential; tests use it to stay off the network. */
  credential?: TokenCredential;
}

/** The credential Planpuls uses in Azure: managed identity there, `az login` on a developer's machine. */
export function storageCredential(managedIdentityClientId: string | undefined): TokenCredential {
  return new DefaultAzureCredential(managedIdentityClientId ? { managedIdentityClientId } : {});
}

/**
 * Tables in an Azure storage account reached with an Entra ID token (the identity needs the
 * "Storage Table Data Contributor" role), so no account key exists in the app's settings. Same
 * contract as `connectTables`: tables are created on first use, `ping` answers quickly.
 */
export function connectTablesWithIdentity(options: IdentityTablesOptions): Tables {
  const { accountUrl, prefix } = options;
  const credential = options.credential ?? storageCredential(options.managedIdentityClientId);
  return tablesOf(
    new TableServiceClient(accountUrl, credential, { retryOptions: { maxRetries: 0 } }),
    (fullName) => new TableClient(accountUrl, fullName, credential),
    prefix,
  );
}
