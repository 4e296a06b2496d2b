import { z } from 'zod';
import { ConfigError } from '../domain/errors.js';
import { DEFAULT_CAMPAIGNS, type CampaignDefaults } from '../domain/reports/campaign.js';
import { DEFAULT_DIGEST_SCHEDULE, type DigestSchedule } from '../domain/digest/digest-week.js';

/**
 * Everything Planpuls reads from the environment, validated once at start-up into a frozen
 * object. Nothing else in the code reads `process.env`.
 */
const port = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** The delegated scope the app registration exposes for the tab (README, deploy step 1). */
export const DEFAULT_TAB_SCOPE = 'access_as_user';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3978),
  HOST: optionalText,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  STORAGE_CONNECTION_STRING: optionalText,
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'må starte med en bokstav og bare ha bokstaver og tall (høyst 40)')
    .default('planpuls'),
  DATA_DIR: z.string().min(1).default('.data'),
  AZURITE_PORT: port.default(10002),
  DEMO_PLAN: z.string().min(1).default('data/plans/vestvagoy-2020-2021.yaml'),
  IMPORT_DEMO_ON_EMPTY: z.enum(['true', 'false']).default('true'),
  TIME_ZONE: z.string().default('Europe/Oslo'),
  /** The weekly digest: weekday (1 = Monday … 7 = Sunday) and local time. */
  DIGEST_WEEKDAY: z.coerce
    .number({ message: 'må være et heltall' })
    .int('må være et heltall')
    .min(1, 'må være 1–7 (1 = mandag)')
    .max(7, 'må være 1–7 (1 = mandag)')
    .default(DEFAULT_DIGEST_SCHEDULE.weekday),
  DIGEST_TIME: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'må være et klokkeslett TT:MM')
    .default(DEFAULT_DIGEST_SCHEDULE.time),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  ADMIN_AAD_OBJECT_IDS: z.string().default(''),
  PUBLIC_URL: optionalText,
  STORAGE_ACCOUNT_URL: optionalText,
  AZURE_CLIENT_ID: optionalText,
  TAB_APP_ID: optionalText,
  ENTRA_TENANT_ID: optionalText,
  ENTRA_AUDIENCES: optionalText,
  ENTRA_ISSUERS: optionalText,
  ENTRA_JWKS_URL: optionalText,
  ENTRA_SCOPE: z
    .string()
    .trim()
    .regex(/^[^\s/]{1,120}$/, 'må være ett scope-navn uten mellomrom eller «/» (høyst 120 tegn)')
    .default(DEFAULT_TAB_SCOPE),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(300),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  REPORT_H1_OPENS: z.string().trim().default(DEFAULT_CAMPAIGNS.h1Opens),
  REPORT_H2_OPENS: z.string().trim().default(DEFAULT_CAMPAIGNS.h2Opens),
  REPORT_DEADLINE_DAY: z.coerce
    .number({ message: 'må være et heltall' })
    .int('må være et heltall')
    .min(1, 'må være 1–31')
    .max(31, 'må være 1–31')
    .default(DEFAULT_CAMPAIGNS.deadlineDay),
  REPORT_REMINDER_DAYS: z.string().trim().default(DEFAULT_CAMPAIGNS.reminderDays.join(',')),
});

/** Every setting Planpuls reads; the infrastructure test checks Bicep's app settings against it. */
export const SETTING_NAMES: readonly string[] = Object.keys(Env.shape);

/**
 * What the Azure deployment (`infra/`) must set as app settings: bot credentials, storage through
 * managed identity, the public URL, the first admins, and the proxy in front of App Service.
 */
export const PRODUCTION_SETTINGS = [
  'NODE_ENV',
  'MICROSOFT_APP_ID',
  'MICROSOFT_APP_PASSWORD',
  'MICROSOFT_APP_TENANT_ID',
  'MICROSOFT_APP_TYPE',
  'STORAGE_ACCOUNT_URL',
  'AZURE_CLIENT_ID',
  'PUBLIC_URL',
  'ADMIN_AAD_OBJECT_IDS',
  'TRUST_PROXY',
] as const;

export interface BotCredentials {
  readonly appId: string;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  /** Local mode: no bot credentials, loopback only, demo conveniences allowed. */
  readonly localMode: boolean;
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Absent: start the embedded Azurite. */
  readonly storageConnectionString: string | undefined;
  readonly tablePrefix: string;
  readonly dataDir: string;
  readonly azuritePort: number;
  readonly demoPlanPath: string;
  readonly importDemoOnEmpty: boolean;
  readonly timeZone: string;
  readonly bot: BotCredentials | undefined;
  /** Entra object ids of the first admins (kommunalsjef); more are appointed in the app. */
  readonly adminAadObjectIds: readonly string[];
  /** Public base URL of the server, for links in cards; defaults to the local address. */
  readonly publicUrl: string;
  /** Table endpoint reached with managed identity (`https://<account>.table.core.windows.net`). */
  readonly storageAccountUrl: string | undefined;
  /** Client id of the user-assigned managed identity; absent: the system identity or a developer login. */
  readonly azureClientId: string | undefined;
  /** How the tab API checks Entra ID tokens; absent in local mode. */
  readonly entra: EntraSettings | undefined;
  readonly rateLimit: RateLimitSettings;
  /** When half-year report campaigns open, are due and remind. */
  readonly reports: CampaignDefaults;
  /** When the weekly digest goes out (local time in `timeZone`). */
  readonly digest: DigestSchedule;
}

export interface EntraSettings {
  /** The Entra app the tab signs in with (TAB_APP_ID, else the bot's app id). */
  readonly appId: string;
  readonly tenantId: string;
  /** Accepted `aud` values: the tab's app id and its Application ID URI. */
  readonly audiences: readonly string[];
  /** Accepted `iss` values: the tenant's v2.0 and v1 issuers. */
  readonly issuers: readonly string[];
  readonly jwksUrl: string;
  /**
   * The delegated scope the tab asks for (`api://<host>/<app id>/<scope>`) and the tab API
   * requires in a token's `scp`: app-only tokens and tokens for other scopes are refused.
   */
  readonly scope: string;
}

export interface RateLimitSettings {
  /** Sustained requests per minute per client IP on the public endpoints. */
  readonly perMinute: number;
  /** Requests a client may make at once before the sustained rate applies. */
  readonly burst: number;
  /** Take the client IP from the last `X-Forwarded-For` entry (App Service's front end adds it). */
  readonly trustProxy: boolean;
}

/** Names of settings whose values never reach a log. */
export const SECRET_SETTINGS = ['MICROSOFT_APP_PASSWORD', 'STORAGE_CONNECTION_STRING'] as const;

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'miljøet'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';

  if (!isValidTimeZone(e.TIME_ZONE)) problems.push(`TIME_ZONE: ukjent tidssone «${e.TIME_ZONE}»`);

  let bot: BotCredentials | undefined;
  if (e.MICROSOFT_APP_ID) {
    const needsPassword = e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI';
    if (needsPassword && !e.MICROSOFT_APP_PASSWORD) {
      problems.push('MICROSOFT_APP_PASSWORD: mangler (kreves sammen med MICROSOFT_APP_ID)');
    }
    if (e.MICROSOFT_APP_TYPE !== 'MultiTenant' && !e.MICROSOFT_APP_TENANT_ID) {
      problems.push(
        `MICROSOFT_APP_TENANT_ID: mangler (kreves for MICROSOFT_APP_TYPE=${e.MICROSOFT_APP_TYPE})`,
      );
    }
    bot = {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
    };
  } else if (production) {
    problems.push('MICROSOFT_APP_ID: mangler (NODE_ENV=production krever bot-legitimasjon)');
  }
  if (e.STORAGE_ACCOUNT_URL && !/^https:\/\/[^/]+\/?$/.test(e.STORAGE_ACCOUNT_URL)) {
    problems.push(
      `STORAGE_ACCOUNT_URL: «${e.STORAGE_ACCOUNT_URL}» er ikke en https-adresse til en tabelltjeneste`,
    );
  }
  if (e.STORAGE_ACCOUNT_URL && e.STORAGE_CONNECTION_STRING) {
    problems.push('STORAGE_ACCOUNT_URL: sett enten den eller STORAGE_CONNECTION_STRING, ikke begge');
  }
  if (production && !e.STORAGE_CONNECTION_STRING && !e.STORAGE_ACCOUNT_URL) {
    problems.push('STORAGE_CONNECTION_STRING: mangler (NODE_ENV=production bruker aldri innebygd Azurite)');
  }

  const localMode = bot === undefined;
  const host = e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0');
  if (localMode && !isLoopback(host)) {
    problems.push(
      `HOST: «${host}» er ikke loopback; uten bot-legitimasjon lytter Planpuls bare på 127.0.0.1`,
    );
  }
  const adminAadObjectIds = e.ADMIN_AAD_OBJECT_IDS.split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  for (const id of adminAadObjectIds) {
    if (!GUID.test(id)) problems.push(`ADMIN_AAD_OBJECT_IDS: «${id}» er ikke en GUID (Entra-objekt-id)`);
  }
  let publicUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${e.PORT}`;
  if (e.PUBLIC_URL) {
    if (!URL.canParse(e.PUBLIC_URL)) problems.push(`PUBLIC_URL: «${e.PUBLIC_URL}» er ikke en URL`);
    else publicUrl = e.PUBLIC_URL.replace(/\/$/, '');
  }
  const entra = bot ? entraSettings(e, bot, publicUrl, problems) : undefined;
  const reports = reportSettings(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    env: e.NODE_ENV,
    localMode,
    host,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    storageConnectionString: e.STORAGE_CONNECTION_STRING,
    tablePrefix: e.TABLE_PREFIX,
    dataDir: e.DATA_DIR,
    azuritePort: e.AZURITE_PORT,
    demoPlanPath: e.DEMO_PLAN,
    importDemoOnEmpty: e.IMPORT_DEMO_ON_EMPTY === 'true',
    timeZone: e.TIME_ZONE,
    bot: bot && Object.freeze(bot),
    adminAadObjectIds: Object.freeze(adminAadObjectIds),
    publicUrl,
    storageAccountUrl: e.STORAGE_ACCOUNT_URL?.replace(/\/$/, ''),
    azureClientId: e.AZURE_CLIENT_ID,
    entra: entra && Object.freeze(entra),
    rateLimit: Object.freeze({
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      burst: e.RATE_LIMIT_BURST,
      trustProxy: e.TRUST_PROXY === 'true',
    }),
    reports,
    digest: Object.freeze({ weekday: e.DIGEST_WEEKDAY, time: e.DIGEST_TIME }),
  });
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A month-day that exists every year (in a common year, so not 29 February). */
function validMonthDay(value: string): boolean {
  return MONTH_DAY.test(value) && new Date(`2027-${value}T00:00:00Z`).toISOString().slice(5, 10) === value;
}

/**
 * Campaign dates: each half opens on a month-day that exists every year (no 29 February), and its
 * deadline day (in the opening month) comes after it; reminders are whole days before the
 * deadline, 1–60, each once.
 */
function reportSettings(e: z.infer<typeof Env>, problems: string[]): CampaignDefaults {
  for (const name of ['REPORT_H1_OPENS', 'REPORT_H2_OPENS'] as const) {
    const value = e[name];
    if (!validMonthDay(value))
      problems.push(`${name}: «${value}» er ikke en dato på formen MM-DD (f.eks. 12-01)`);
    else if (!validMonthDay(`${value.slice(0, 3)}${String(e.REPORT_DEADLINE_DAY).padStart(2, '0')}`))
      problems.push(
        `REPORT_DEADLINE_DAY: dag ${e.REPORT_DEADLINE_DAY} finnes ikke i måneden ${name} åpner (${value})`,
      );
    else if (Number(value.slice(3)) >= e.REPORT_DEADLINE_DAY)
      problems.push(
        `REPORT_DEADLINE_DAY: fristen (dag ${e.REPORT_DEADLINE_DAY}) må komme etter åpningen ${value} (${name}) i samme måned`,
      );
  }
  const parts = e.REPORT_REMINDER_DAYS.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const days = parts.map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 60) || new Set(days).size !== days.length)
    problems.push(
      `REPORT_REMINDER_DAYS: «${e.REPORT_REMINDER_DAYS}» må være ulike hele dager før fristen (1–60), kommaseparert, f.eks. 7,1`,
    );
  return Object.freeze({
    h1Opens: e.REPORT_H1_OPENS,
    h2Opens: e.REPORT_H2_OPENS,
    deadlineDay: e.REPORT_DEADLINE_DAY,
    reminderDays: Object.freeze([...days].sort((a, b) => b - a)),
  });
}

/**
 * The tab's Entra ID token rules. The tab signs in with TAB_APP_ID (default: the bot's app id, the
 * usual single registration for bot and SSO) in the bot's tenant; tests point JWKS and issuer at
 * a loopback server.
 */
function entraSettings(
  e: z.infer<typeof Env>,
  bot: BotCredentials,
  publicUrl: string,
  problems: string[],
): EntraSettings | undefined {
  const tenantId = e.ENTRA_TENANT_ID ?? bot.tenantId;
  if (!tenantId) {
    if (e.NODE_ENV === 'production') {
      problems.push('ENTRA_TENANT_ID: mangler (fanen godtar bare tokener fra én kjent tenant)');
    }
    return undefined;
  }
  const appId = e.TAB_APP_ID ?? bot.appId;
  const list = (value: string | undefined) =>
    value
      ?.split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const host = URL.canParse(publicUrl) ? new URL(publicUrl).host : 'localhost';
  const jwksUrl = e.ENTRA_JWKS_URL ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
  if (!URL.canParse(jwksUrl)) problems.push(`ENTRA_JWKS_URL: «${jwksUrl}» er ikke en URL`);
  return {
    appId,
    tenantId,
    audiences: list(e.ENTRA_AUDIENCES) ?? [appId, `api://${host}/${appId}`],
    issuers: list(e.ENTRA_ISSUERS) ?? [
      `https://login.microsoftonline.com/${tenantId}/v2.0`,
      `https://sts.windows.net/${tenantId}/`,
    ],
    jwksUrl,
    scope: e.ENTRA_SCOPE,
  };
}

/** The config as it may be logged: secrets replaced. */
export function redactedConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    storageConnectionString: config.storageConnectionString ? '[hemmelig]' : undefined,
    bot: config.bot
      ? { ...config.bot, appPassword: config.bot.appPassword ? '[hemmelig]' : undefined }
      : undefined,
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('nb-NO', { timeZone: zone });
    return true;
  } catch {
    // An unknown zone is reported as a config problem by the caller.
    return false;
  }
}
