import { describe, expect, it } from 'vitest';
import { ConfigError } from '../domain/errors.js';
import { loadConfig, redactedConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('loadConfig', () => {
  it('runs in local mode on loopback with no settings at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ localMode: true, host: '127.0.0.1', port: 3978, bot: undefined });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses production without bot credentials or storage, naming both', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'MICROSOFT_APP_ID: mangler (NODE_ENV=production krever bot-legitimasjon)',
      'STORAGE_CONNECTION_STRING: mangler (NODE_ENV=production bruker aldri innebygd Azurite)',
    ]);
  });

  it('names a malformed port', () => {
    expect(problemsOf({ PORT: 'abc' })[0]).toMatch(/^PORT: /);
  });

  it('refuses to listen beyond loopback in local mode', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })[0]).toMatch(/^HOST: /);
  });

  it('needs the password and tenant with an app id', () => {
    expect(problemsOf({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001' })).toEqual([
      'MICROSOFT_APP_PASSWORD: mangler (kreves sammen med MICROSOFT_APP_ID)',
      'MICROSOFT_APP_TENANT_ID: mangler (kreves for MICROSOFT_APP_TYPE=SingleTenant)',
    ]);
  });

  it('listens on all interfaces with credentials and never logs secrets', () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'super-secret',
      MICROSOFT_APP_TENANT_ID: 'tenant',
      STORAGE_CONNECTION_STRING: 'AccountKey=also-secret',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(JSON.stringify(redactedConfig(config))).not.toMatch(/secret/);
  });

  it('refuses an unknown time zone', () => {
    expect(problemsOf({ TIME_ZONE: 'Europe/Atlantis' })).toEqual([
      'TIME_ZONE: ukjent tidssone «Europe/Atlantis»',
    ]);
  });
});
