import { randomUUID } from 'node:crypto';
import type { Server } from 'restify';
import type { Config } from '../config/config.js';
import type { Clock } from '../domain/clock.js';
import { OutboxSender } from '../delivery/outbox-sender.js';
import type { Outbox, OutboxQueue } from '../delivery/ports.js';
import { SenderHeartbeat } from '../delivery/sender-heartbeat.js';
import { devAuthenticator, type Authenticator } from '../http/auth/authenticator.js';
import { entraAuthenticator } from '../http/auth/entra-authenticator.js';
import { rateLimit } from '../http/rate-limit.js';
import { createHttpServer } from '../http/server.js';
import type { Logger } from '../log/logger.js';
import { systemClock } from '../platform/system-clock.js';
import { createTableDueJobs } from '../store/table-due-jobs.js';
import { createTableInstallations } from '../store/table-installations.js';
import { createTableLanguagePreferences } from '../store/table-language-preferences.js';
import { createTableLinks } from '../store/table-links.js';
import { createTableNotificationChoices } from '../store/table-notification-choices.js';
import { createTableOutbox } from '../store/table-outbox.js';
import { createTablePeopleRepository } from '../store/table-people-repository.js';
import { createTablePlanRepository } from '../store/table-plan-repository.js';
import { createTableSenders } from '../store/table-senders.js';
import type { Tables } from '../store/table-service.js';
import { createTableTeamsUserIds } from '../store/table-teams-user-ids.js';
import { createBotConnector } from '../teams/bot-connector.js';
import { botTokenProvider } from '../teams/bot-token.js';
import type { AccessDeps } from '../use-cases/access.js';
import type { PlanAdminDeps } from '../use-cases/admin/plan-admin.js';
import type { DueJobs } from '../use-cases/due-jobs.js';
import type { InstallationRegistry } from '../use-cases/installation-registry.js';
import type { LanguagePreferences } from '../use-cases/language-preferences.js';
import type { LinkRepository } from '../use-cases/link-repository.js';
import type { NotificationChoices } from '../use-cases/notification-choices.js';
import type { PeopleRepository } from '../use-cases/people-repository.js';
import type { PlanRepository } from '../use-cases/plan-repository.js';
import { planWatch } from '../use-cases/plan-watch.js';
import type { ReadPlanDeps } from '../use-cases/read-plan.js';
import type { TeamsDirectory } from '../use-cases/teams-directory.js';
import type { TeamsUserIds } from '../use-cases/teams-user-ids.js';

export interface CoreDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  /**
   * Real time, for telling downtime from a moved clock (local mode's dev clock moves `clock`
   * alone). Default: `clock`.
   */
  realClock?: Clock;
  tables: Tables;
  /**
   * Who sent a tab API request. Default: in local mode the dev-user header; with credentials an
   * Entra ID access token for the tab (`config.entra`); without a known tenant nobody (fail closed).
   */
  authenticate?: Authenticator;
}

/**
 * What every feature may use: the plan, people, where Planpuls is installed and linked, the due
 * jobs, the outbox and its sender, the HTTP server, and who is asking. Features get this and
 * nothing of each other.
 */
export interface Core {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly realClock: Clock;
  readonly tables: Tables;
  readonly server: Server;
  readonly authenticate: Authenticator;
  readonly plans: PlanRepository;
  readonly people: PeopleRepository;
  /** Reading the current plan in the municipality's time zone. */
  readonly read: ReadPlanDeps;
  /** Who may do what: stored roles and the configured admins. */
  readonly access: AccessDeps;
  readonly languages: LanguagePreferences;
  /** What each person wants in her personal chat (kept with her language); reminders honour it. */
  readonly notifications: NotificationChoices;
  readonly registry: InstallationRegistry;
  readonly links: LinkRepository;
  readonly teamsUsers: TeamsUserIds;
  /** Teams' rosters and conversations (the Bot Connector). */
  readonly directory: TeamsDirectory;
  readonly jobs: DueJobs;
  readonly outbox: Outbox & OutboxQueue;
  readonly sender: OutboxSender;
  /** Instances share Teams' per-tenant budget through heartbeats. */
  readonly heartbeat: SenderHeartbeat;
  /** Stored plans that changed reach the features' `onPlanChange` when this runs (each tick, after imports). */
  readonly plansChanged: ReturnType<typeof planWatch>;
  /** Plan edits from the tab: stored as a new revision, then passed to the features at once. */
  readonly planAdmin: PlanAdminDeps;
}

/** Builds the core services on storage. Reads no environment. */
export function createCore(deps: CoreDeps): Core {
  const { config, logger, clock, tables } = deps;
  const plans = createTablePlanRepository(tables, logger.child({ component: 'plans' }));
  const people = createTablePeopleRepository(tables);
  const registry = createTableInstallations(tables, clock);
  const outbox = createTableOutbox(tables, clock);
  const connector = createBotConnector(tokenOption(botTokenProvider(config.bot)));
  // Real seconds, not the plan clock (which tests and the dev clock move).
  const heartbeat = new SenderHeartbeat({
    id: randomUUID(),
    directory: createTableSenders(tables),
    clock: systemClock,
    logger: logger.child({ component: 'delivery' }),
  });
  const sender = new OutboxSender({
    // Without a running heartbeat (tests and tools calling drainOnce) this process sends alone.
    share: { current: () => (heartbeat.started ? heartbeat.current() : 1) },
    queue: outbox,
    connector,
    clock,
    logger: logger.child({ component: 'delivery' }),
    onNotInstalled: (conversationId, reason) => registry.markStale(conversationId, reason),
  });
  const read = { plans, clock, timeZone: config.timeZone };
  const plansChanged = planWatch(plans);
  const server = createHttpServer(logger.child({ component: 'http' }));
  // Before routing and body parsing, so a flood costs as little as possible.
  server.pre(rateLimit(config.rateLimit));
  return {
    config,
    logger,
    clock,
    realClock: deps.realClock ?? clock,
    tables,
    server,
    authenticate: deps.authenticate ?? defaultAuthenticator(config, logger),
    plans,
    people,
    read,
    access: { people, configAdmins: config.adminAadObjectIds },
    languages: createTableLanguagePreferences(tables, clock),
    notifications: createTableNotificationChoices(tables, clock),
    registry,
    links: createTableLinks(tables),
    teamsUsers: createTableTeamsUserIds(tables),
    directory: connector,
    jobs: createTableDueJobs(tables),
    outbox,
    sender,
    heartbeat,
    plansChanged,
    planAdmin: { plans, clock, read, resync: plansChanged.check },
  };
}

/** Local mode: the dev-user header; with credentials: Entra ID tokens; without a tenant: nobody. */
function defaultAuthenticator(config: Config, logger: Logger): Authenticator {
  if (config.localMode) return devAuthenticator();
  if (config.entra) return entraAuthenticator(config.entra, logger.child({ component: 'auth' }));
  return async () => undefined;
}

function tokenOption(token: (() => Promise<string>) | undefined): { token?: () => Promise<string> } {
  return token ? { token } : {};
}
