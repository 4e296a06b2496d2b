import { createApp, FEATURES, type App } from '../../bot/app.js';
import { digestFeature } from '../../bot/features/digest/digest-feature.js';
import type { Core } from '../../bot/features/core.js';
import type { Feature } from '../../bot/features/feature.js';
import { loadConfig } from '../../bot/config/config.js';
import type { Clock } from '../../bot/domain/clock.js';
import { silentLogger } from '../../bot/log/logger.js';
import { importPlan } from '../../bot/use-cases/import-plan.js';
import { planYaml } from './plan-fixture.js';
import { freshTables } from './storage.js';
import type { Tables } from '../../bot/store/table-service.js';

export const ADMIN = '00000000-0000-0000-0000-0000000000a1';
export const COORDINATOR = '00000000-0000-0000-0000-0000000000a2';
export const MEMBER = '00000000-0000-0000-0000-0000000000a5';

/** The real app (not listening) on fresh real storage, with the fixture plan and the demo admin. */
export async function appWithPlan(
  clock: Clock = { now: () => new Date('2026-11-23T08:00:00Z') },
  tables: Tables = freshTables().tables,
  features: readonly ((core: Core) => Feature)[] = FEATURES,
): Promise<App> {
  const app = createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
    logger: silentLogger,
    clock,
    tables,
    deliver: false,
    features,
  });
  await importPlan({ plans: app.plans, clock }, planYaml());
  await app.people.save({
    aadObjectId: COORDINATOR,
    name: 'Koordinator',
    roles: ['koordinator'],
    leads: [],
    networks: [],
    coordinates: ['kulg'],
  });
  return app;
}

/**
 * Every feature but the weekly digest: for worlds whose tests count the jobs a tick runs over
 * weeks of plan time (each Monday's digest would be one more job).
 */
export const FEATURES_WITHOUT_DIGEST = FEATURES.filter((build) => build !== digestFeature);

/** Another instance of the app on the same storage, as after a restart (no plan import). */
export function restartedApp(clock: Clock, tables: Tables): App {
  return createApp({
    config: loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }),
    logger: silentLogger,
    clock,
    tables,
    deliver: false,
  });
}

/** Records that the bot is installed in a team channel reached through `serviceUrl`. */
export function installChannel(
  app: App,
  conversationId: string,
  serviceUrl: string,
  teamId = '19:team@thread.tacv2',
) {
  return app.registry.record({
    conversationId,
    kind: 'channel',
    teamId,
    teamName: 'Oppvekst',
    channelName: 'KULG',
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId, conversationType: 'channel' },
      bot: { id: '28:planpuls' },
    },
  });
}

/**
 * The app with the fixture plan listening on a free port, installed in the KULG network's channel
 * (reached through `serviceUrl`, in the team whose General channel is `teamId`), and that channel
 * linked to KULG by the admin.
 */
export async function listeningWithKulgChannel(
  clock: Clock,
  channel: string,
  serviceUrl: string,
  teamId: string,
): Promise<{ app: App; url: string }> {
  const app = await appWithPlan(clock);
  const url = await app.listen();
  await installChannel(app, channel, serviceUrl, teamId);
  await app.links.add({
    target: { kind: 'programme', id: 'kulg' },
    conversationId: channel,
    linkedBy: ADMIN,
    linkedAt: '',
  });
  return { app, url };
}
