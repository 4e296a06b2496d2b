import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, PRODUCTION_SETTINGS, SETTING_NAMES } from '../bot/config/config.js';

const bicep = readFileSync(new URL('../infra/azure.bicep', import.meta.url), 'utf8');
const parameters = JSON.parse(
  readFileSync(new URL('../infra/azure.parameters.json', import.meta.url), 'utf8'),
) as {
  parameters: Record<string, { value: unknown }>;
};

const engines = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string };
  }
).engines.node;
const ciScript = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');

/** The web app's `appSettings` as written in the Bicep: name to value expression. */
function appSettings(): Map<string, string> {
  const block = /appSettings: \[([\s\S]*?)\n\s*\]/.exec(bicep)?.[1] ?? '';
  const settings = new Map<string, string>();
  for (const match of block.matchAll(/\{ name: '([A-Z0-9_]+)', value: (.+?) \}/g)) {
    settings.set(match[1]!, match[2]!);
  }
  return settings;
}

/** What App Service would hand the app: literals as written, parameters and outputs as a deployment fills them. */
const DEPLOYED: Record<string, string> = {
  botAppId: '7a0e5d1c-2b3f-4e6a-8c9d-0f1e2d3c4b5a',
  botAppPassword: 'secret-from-the-registration',
  tenantId: '3c1e6f2a-9b7d-4e5c-8a1f-0d2b4c6e8f10',
  tabAppId: '',
  'storage.properties.primaryEndpoints.table': 'https://planpulsabc123.table.core.windows.net/',
  'identity.properties.clientId': '9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a',
  "'https://${hostName}'": 'https://planpuls.azurewebsites.net',
  adminAadObjectIds: '0b5c8e2f-1a3d-4f6b-9c7e-2d4f6a8b0c1e',
};

function deployedEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, expression] of appSettings()) {
    const literal = /^'([^'$]*)'$/.exec(expression);
    const value = literal ? literal[1] : DEPLOYED[expression];
    if (value === undefined) throw new Error(`the test does not know how to fill ${name} = ${expression}`);
    env[name] = value;
  }
  return env;
}

/** Settings App Service itself reads; not ours. */
const PLATFORM_SETTINGS = /^(SCM_|WEBSITE_|WEBSITES_)/;

describe("the Azure infrastructure (infra/azure.bicep) versus the app's config", () => {
  it('provides every setting the app requires in production', () => {
    const missing = PRODUCTION_SETTINGS.filter((name) => !appSettings().has(name));
    expect(missing).toEqual([]);
  });

  it('sets nothing the app does not read (no typos)', () => {
    const unknown = [...appSettings().keys()].filter(
      (name) => !SETTING_NAMES.includes(name) && !PLATFORM_SETTINGS.test(name),
    );
    expect(unknown).toEqual([]);
  });

  it('yields a configuration the app accepts in production, on managed identity and without keys', () => {
    const config = loadConfig(deployedEnvironment());
    expect(config).toMatchObject({
      env: 'production',
      localMode: false,
      host: '0.0.0.0',
      storageConnectionString: undefined,
      storageAccountUrl: 'https://planpulsabc123.table.core.windows.net',
      azureClientId: DEPLOYED['identity.properties.clientId'],
      importDemoOnEmpty: false,
      rateLimit: { trustProxy: true },
    });
    expect(config.entra?.audiences).toContain(DEPLOYED.botAppId);
    expect(config.entra?.issuers).toContain(`https://login.microsoftonline.com/${DEPLOYED.tenantId}/v2.0`);
  });

  it('runs Node 24 on Linux, the newest Node CI tests and `engines` names, with /healthz as the health check', () => {
    expect(bicep).toMatch(/kind: 'app,linux'/);
    const runtime = /linuxFxVersion: 'NODE\|(\d+)-lts'/.exec(bicep)?.[1];
    expect(runtime).toBe('24');
    const majors = [...engines.matchAll(/\^(\d+)\./g)].map((m) => m[1]);
    expect(majors.at(-1)).toBe(runtime);
    expect(ciScript).toContain(`node@${runtime}`);
    expect(bicep).toMatch(/healthCheckPath: '\/healthz'/);
    expect(bicep).toMatch(/httpsOnly: true/);
  });

  it('gives a user-assigned identity "Storage Table Data Contributor" on a key-less storage account', () => {
    expect(bicep).toMatch(/'Microsoft\.ManagedIdentity\/userAssignedIdentities@/);
    expect(bicep).toMatch(/storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'/);
    expect(bicep).toMatch(/principalId: identity\.properties\.principalId/);
    expect(bicep).toMatch(/allowSharedKeyAccess: false/);
    expect(bicep).toMatch(/type: 'UserAssigned'/);
  });

  it('registers the bot at our /api/messages with the Teams channel', () => {
    expect(bicep).toMatch(/'Microsoft\.BotService\/botServices@[\d-]+' = \{[\s\S]*?kind: 'azurebot'/);
    expect(bicep).toMatch(/endpoint: 'https:\/\/\$\{hostName\}\/api\/messages'/);
    expect(bicep).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
  });

  it('has a parameters file for exactly the Bicep parameters, covering every one without a default', () => {
    const declared = [...bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm)].map((m) => ({
      name: m[1]!,
      required: !m[2],
    }));
    const given = Object.keys(parameters.parameters);
    expect(given.filter((name) => !declared.some((p) => p.name === name))).toEqual([]);
    expect(declared.filter((p) => p.required && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
  });

  it('keeps the bot secret a secure parameter', () => {
    expect(bicep).toMatch(/@secure\(\)\nparam botAppPassword string/);
  });
});
