import type { Server } from 'restify';
import type { Authenticator } from './http/auth/authenticator.js';
import { healthRoutes } from './http/routes/health.js';
import { messageRoutes } from './http/routes/messages.js';
import { tabRoutes } from './http/routes/tab.js';
import { createAdapter } from './teams/adapter.js';
import { botEndpoint, unverifiedCallersAre401 } from './teams/bot-endpoint.js';
import type { PlanpulsBot } from './teams/planpuls-bot.js';
import { createCore, type Core, type CoreDeps } from './features/core.js';
import type { Feature, FeatureApis } from './features/feature.js';
import { botFor, startBackground, tickFor } from './features/register.js';
import { adminFeature } from './features/admin/admin-feature.js';
import { agendaFeature } from './features/agenda/agenda-feature.js';
import { broadcastsFeature } from './features/broadcasts/broadcasts-feature.js';
import { calendarFeature } from './features/calendar/calendar-feature.js';
import { channelsFeature } from './features/channels/channels-feature.js';
import { digestFeature } from './features/digest/digest-feature.js';
import { myWorkFeature } from './features/my-work/my-work-feature.js';
import { profileFeature } from './features/profile/profile-feature.js';
import { remindersFeature } from './features/reminders/reminders-feature.js';
import { reportsFeature } from './features/reports/reports-feature.js';
import { statusFeature } from './features/status/status-feature.js';

/**
 * The features, each built from the core services. Their order is the order of the help card's
 * commands, of the plan-change listeners and of the routes.
 */
export const FEATURES = [
  channelsFeature,
  profileFeature,
  calendarFeature,
  agendaFeature,
  remindersFeature,
  broadcastsFeature,
  reportsFeature,
  statusFeature,
  myWorkFeature,
  adminFeature,
  digestFeature,
] as const;

type AnyFeature = ReturnType<(typeof FEATURES)[number]>;

export interface AppDeps extends CoreDeps {
  /** The features to build (default `FEATURES`); a test may add one of its own. */
  features?: readonly ((core: Core) => Feature)[];
  /** Run the outbox sender and the scheduler while listening (default true). */
  deliver?: boolean;
  /** Where the tab's Vite build is (default `tab/dist/`). */
  tabDist?: URL;
}

/** The core services, each feature's API by its name (`app.reports` …), the bot, and the server's life. */
export type App = Omit<Core, 'authenticate'> &
  FeatureApis<AnyFeature> & {
    readonly authenticate: Authenticator;
    readonly server: Server;
    readonly bot: PlanpulsBot;
    /** Runs what is due now (the scheduler's tick); returns how many jobs ran. */
    tick(): Promise<number>;
    /** Brings what the features derive from the stored plans in line (at start-up and after imports). */
    syncAllReminders(): Promise<void>;
    /** Starts listening; resolves with the base URL. */
    listen(): Promise<string>;
    close(): Promise<void>;
  };

/** Builds the core, the features and the server around them. Reads no environment. */
export function createApp(deps: AppDeps): App {
  const core = createCore(deps);
  const { config, logger, server } = core;
  const features = (deps.features ?? FEATURES).map((build) => build(core));
  const bot = botFor(core, features);
  const tick = tickFor(core, features);

  healthRoutes(server, { tables: core.tables, logger });
  const adapter = createAdapter(config.bot, logger.child({ component: 'bot' }));
  messageRoutes(server, {
    handle: unverifiedCallersAre401(botEndpoint(adapter, bot), logger.child({ component: 'bot' })),
  });
  tabRoutes(server, {
    distDir: deps.tabDist ?? new URL('../tab/dist/', import.meta.url),
    tabConfig: {
      clientId: config.entra?.appId ?? config.bot?.appId,
      scope: config.entra?.scope,
      publicUrl: config.publicUrl,
      localMode: config.localMode,
    },
  });
  for (const feature of features) feature.routes?.(server);

  const apis = Object.fromEntries(features.map((f) => [f.name, f.api])) as FeatureApis<AnyFeature>;
  let stopBackground: (() => Promise<void>) | undefined;
  return {
    ...core,
    ...apis,
    bot,
    tick,
    syncAllReminders: core.plansChanged.check,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          if (deps.deliver !== false) stopBackground = startBackground(core, tick);
          resolve(`http://${config.host}:${server.address().port}`);
        });
      }),
    close: async () => {
      await stopBackground?.();
      await core.sender.stop();
      await core.heartbeat.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
