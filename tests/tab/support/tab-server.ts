import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createApp, type App } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config/config.js';
import type { Tables } from '../../../bot/store/table-service.js';
import { silentLogger } from '../../../bot/log/logger.js';
import { importPlan } from '../../../bot/use-cases/import-plan.js';
import { ADMIN, MEMBER, installChannel } from '../../support/app.js';
import { tabPlanYaml, TODAY } from './tab-plan.js';

export { ADMIN, MEMBER };
export const CHANNEL = '19:kulg-kanal@thread.tacv2';
const DIST = new URL('../../../tab/dist/', import.meta.url);

/** Builds the tab unless `npm test` (or `npm run build:tab`) already did. */
export async function ensureTabBuilt(): Promise<void> {
  if (existsSync(new URL('index.html', DIST))) return;
  await build({
    configFile: fileURLToPath(new URL('../../../tab/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}

/**
 * The real server on a free loopback port in local mode, on the given storage, with the tab's
 * plan imported, a named member, a configured admin and one channel the bot is installed in.
 */
export async function startTabServer(tables: Tables, weeks?: number): Promise<{ app: App; url: string }> {
  const clock = { now: () => new Date(`${TODAY}T08:00:00Z`) };
  const app = createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
    logger: silentLogger,
    clock,
    tables,
    deliver: false,
  });
  await importPlan({ plans: app.plans, clock }, tabPlanYaml(weeks));
  await app.people.save({
    aadObjectId: MEMBER,
    name: 'Mona Medlem',
    roles: ['medlem'],
    leads: [],
    networks: [],
    coordinates: [],
  });
  await installChannel(app, CHANNEL, 'http://127.0.0.1:9/');
  return { app, url: await app.listen() };
}
