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

  it('requires the tab scope access_as_user unless ENTRA_SCOPE names another, and refuses a malformed one', () => {
    const withBot = {
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: 'tenant',
    };
    expect(loadConfig(withBot).entra?.scope).toBe('access_as_user');
    expect(loadConfig({ ...withBot, ENTRA_SCOPE: 'Planpuls.Use' }).entra?.scope).toBe('Planpuls.Use');
    expect(problemsOf({ ...withBot, ENTRA_SCOPE: 'api://host/app/access_as_user' })[0]).toMatch(
      /^ENTRA_SCOPE: /,
    );
  });

  it('refuses an unknown time zone', () => {
    expect(problemsOf({ TIME_ZONE: 'Europe/Atlantis' })).toEqual([
      'TIME_ZONE: ukjent tidssone «Europe/Atlantis»',
    ]);
  });

  it('takes the report campaign dates and reminder days from the environment, with today’s defaults', () => {
    expect(loadConfig({}).reports).toEqual({
      h1Opens: '06-01',
      h2Opens: '12-01',
      deadlineDay: 15,
      reminderDays: [7, 1],
    });
    const config = loadConfig({
      REPORT_H1_OPENS: '05-20',
      REPORT_H2_OPENS: '11-25',
      REPORT_DEADLINE_DAY: '28',
      REPORT_REMINDER_DAYS: '3, 14,1',
    });
    expect(config.reports).toEqual({
      h1Opens: '05-20',
      h2Opens: '11-25',
      deadlineDay: 28,
      reminderDays: [14, 3, 1],
    });
    expect(Object.isFrozen(config.reports)).toBe(true);
  });

  it('names each bad report setting in Norwegian', () => {
    expect(
      problemsOf({ REPORT_H1_OPENS: '02-30', REPORT_H2_OPENS: '12-20', REPORT_REMINDER_DAYS: '7,7,x' }),
    ).toEqual([
      'REPORT_H1_OPENS: «02-30» er ikke en dato på formen MM-DD (f.eks. 12-01)',
      'REPORT_DEADLINE_DAY: fristen (dag 15) må komme etter åpningen 12-20 (REPORT_H2_OPENS) i samme måned',
      'REPORT_REMINDER_DAYS: «7,7,x» må være ulike hele dager før fristen (1–60), kommaseparert, f.eks. 7,1',
    ]);
    expect(problemsOf({ REPORT_DEADLINE_DAY: '32' })).toEqual(['REPORT_DEADLINE_DAY: må være 1–31']);
    expect(problemsOf({ REPORT_DEADLINE_DAY: '31' })).toEqual([
      'REPORT_DEADLINE_DAY: dag 31 finnes ikke i måneden REPORT_H1_OPENS åpner (06-01)',
    ]);
  });
});
