import { DefaultAzureCredential, type AccessToken, type TokenCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config/config.js';
import { ConfigError, StorageError } from '../bot/domain/errors.js';
import { silentLogger } from '../bot/log/logger.js';
import { openStorage } from '../bot/platform/storage.js';
import { connectTablesWithIdentity, storageCredential } from '../bot/store/table-service-identity.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  MICROSOFT_APP_ID: '7a0e5d1c-2b3f-4e6a-8c9d-0f1e2d3c4b5a',
  MICROSOFT_APP_PASSWORD: 'secret',
  MICROSOFT_APP_TENANT_ID: '3c1e6f2a-9b7d-4e5c-8a1f-0d2b4c6e8f10',
};
const ACCOUNT = 'https://planpulsdata.table.core.windows.net';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** Entra ID when it will not issue a token; records what it was asked for. */
function refusingCredential(): TokenCredential & { scopes: string[] } {
  const scopes: string[] = [];
  return {
    scopes,
    getToken: async (scope: string | string[]): Promise<AccessToken | null> => {
      scopes.push(...[scope].flat());
      throw new Error('no managed identity here');
    },
  };
}

describe('storage through managed identity', () => {
  it('lets production run on STORAGE_ACCOUNT_URL without any connection string', () => {
    const config = loadConfig({
      ...PRODUCTION,
      STORAGE_ACCOUNT_URL: `${ACCOUNT}/`,
      AZURE_CLIENT_ID: 'mi-client',
    });
    expect(config.storageAccountUrl).toBe(ACCOUNT);
    expect(config.storageConnectionString).toBeUndefined();
    expect(config.azureClientId).toBe('mi-client');
  });

  it('refuses an account URL that is not https, in Norwegian', () => {
    expect(problemsOf({ STORAGE_ACCOUNT_URL: 'http://planpulsdata.table.core.windows.net' })).toEqual([
      'STORAGE_ACCOUNT_URL: «http://planpulsdata.table.core.windows.net» er ikke en https-adresse til en tabelltjeneste',
    ]);
  });

  it('refuses both an account URL and a connection string', () => {
    expect(
      problemsOf({ STORAGE_ACCOUNT_URL: ACCOUNT, STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }),
    ).toEqual(['STORAGE_ACCOUNT_URL: sett enten den eller STORAGE_CONNECTION_STRING, ikke begge']);
  });

  it('still refuses production with neither', () => {
    expect(problemsOf(PRODUCTION)).toEqual([
      'STORAGE_CONNECTION_STRING: mangler (NODE_ENV=production bruker aldri innebygd Azurite)',
    ]);
  });

  it('uses DefaultAzureCredential with the user-assigned identity by default', () => {
    expect(storageCredential('mi-client')).toBeInstanceOf(DefaultAzureCredential);
    expect(() => connectTablesWithIdentity({ accountUrl: ACCOUNT, prefix: 'p' })).not.toThrow();
  });

  it('asks Entra ID for a storage token, and reports a refusal as storage unavailable', async () => {
    const credential = refusingCredential();
    const config = loadConfig({ ...PRODUCTION, STORAGE_ACCOUNT_URL: ACCOUNT });
    const { tables } = await openStorage(config, silentLogger, credential);
    await expect(tables.ping()).rejects.toBeInstanceOf(StorageError);
    await expect(tables.table('plans')).rejects.toBeInstanceOf(StorageError);
    expect(new Set(credential.scopes)).toEqual(new Set(['https://storage.azure.com/.default']));
  });
});
