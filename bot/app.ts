import { randomUUID } from 'node:crypto';
import type { PlanFile } from './domain/plan/plan-schema.js';
import type { Request, Response, Server } from 'restify';
import type { Config } from './config/config.js';
import type { Clock } from './domain/clock.js';
import { createHttpServer } from './http/server.js';
import { healthRoutes } from './http/routes/health.js';
import { messageRoutes } from './http/routes/messages.js';
import { planRoutes } from './http/routes/plan-routes.js';
import { tabRoutes } from './http/routes/tab.js';
import { devAuthenticator, type Authenticator } from './http/auth/authenticator.js';
import { entraAuthenticator } from './http/auth/entra-authenticator.js';
import { rateLimit } from './http/rate-limit.js';
import type { Logger } from './log/logger.js';
import { createTablePlanRepository } from './store/table-plan-repository.js';
import type { Tables } from './store/table-service.js';
import { createAdapter } from './teams/adapter.js';
import { botEndpoint } from './teams/bot-endpoint.js';
import { createTableDueJobs } from './store/table-due-jobs.js';
import { createTableAcknowledgements } from './store/table-acknowledgements.js';
import { createTableRunCoordinator } from './store/table-run-coordinator.js';
import { startCronScheduler } from './scheduler/cron-scheduler.js';
import { runDueJobs } from './use-cases/run-due-jobs.js';
import type { DueJobs } from './use-cases/due-jobs.js';
import type { ReminderDeps } from './use-cases/reminders/reminder-deps.js';
import { closeAgendaCall } from './use-cases/reminders/close-agenda-call.js';
import { sendReminder } from './use-cases/reminders/send-reminder.js';
import { syncReminders } from './use-cases/reminders/sync-reminders.js';
import { readAction, readingViewAction, reminderCommands } from './teams/reminders/reminder-actions.js';
import { reminderRenderer } from './teams/reminders/reminder-renderer.js';
import { icsRoutes } from './http/routes/ics-routes.js';
import { createTableCalendarFeeds } from './store/table-calendar-feeds.js';
import { PlanpulsBot } from './teams/planpuls-bot.js';
import type { PlanRepository } from './use-cases/plan-repository.js';
import type { PeopleRepository } from './use-cases/people-repository.js';
import { createTablePeopleRepository } from './store/table-people-repository.js';
import { createTableInstallations } from './store/table-installations.js';
import { createTableLanguagePreferences } from './store/table-language-preferences.js';
import { createTableLinks } from './store/table-links.js';
import { createTableTeamsUserIds } from './store/table-teams-user-ids.js';
import { createTableOutbox } from './store/table-outbox.js';
import { OutboxSender } from './delivery/outbox-sender.js';
import { SenderHeartbeat } from './delivery/sender-heartbeat.js';
import { systemClock } from './platform/system-clock.js';
import { createTableSenders } from './store/table-senders.js';
import { createTableSchedulerTicks } from './store/table-scheduler-ticks.js';
import { downSince } from './use-cases/reminders/downtime.js';
import type { Outbox, OutboxQueue } from './delivery/ports.js';
import { createBotConnector } from './teams/bot-connector.js';
import { botTokenProvider } from './teams/bot-token.js';
import type { InstallationRegistry } from './use-cases/installation-registry.js';
import type { LinkRepository } from './use-cases/link-repository.js';
import { linkRoutes } from './http/routes/link-routes.js';
import { meRoutes } from './http/routes/me.js';
import { devSignInRoutes } from './http/routes/dev-sign-in.js';
import { agendaRoutes } from './http/routes/agenda-routes.js';
import { broadcastRoutes } from './http/routes/broadcast-routes.js';
import { agendaTexts } from './i18n/agenda.js';
import { createTableAgenda } from './store/table-agenda.js';
import { createTableAutomationKeys } from './store/table-automation-keys.js';
import { createTableBroadcasts } from './store/table-broadcasts.js';
import { acknowledgeAction, agendaItemActions, sakCommand } from './teams/agenda/agenda-handlers.js';
import { cardActivity, renderAgendaCard, renderBroadcastCard } from './teams/agenda/agenda-cards.js';
import type { AgendaDeps } from './use-cases/agenda/agenda-deps.js';
import type { BroadcastDeps } from './use-cases/broadcasts/broadcast-deps.js';
import { reportRoutes } from './http/routes/report-routes.js';
import { readRoutes } from './http/routes/read-routes.js';
import { localPlanRoutes } from './http/routes/local-plan-routes.js';
import { reportTexts } from './i18n/reports.js';
import { createTableReportCampaigns } from './store/table-report-campaigns.js';
import { createTableReportEdits } from './store/table-report-edits.js';
import { createTableUnitPlans } from './store/table-reports.js';
import { reportActions, reportChoiceAction, reportCommand } from './teams/reports/report-handlers.js';
import { reportRenderer } from './teams/reports/report-cards.js';
import { when } from './use-cases/reports/report-actions.js';
import type { ReportDeps } from './use-cases/reports/report-deps.js';
import { ensureReportSchedule, reportJobHandlers } from './use-cases/reports/report-schedule.js';
import { sendOpenRequestsTo } from './use-cases/reports/campaigns.js';
import { campaignCache } from './use-cases/reports/campaign-cache.js';
import { peopleRoutes } from './http/routes/people-routes.js';
import { planAdminRoutes } from './http/routes/plan-admin-routes.js';
import { reminderRuleRoutes } from './http/routes/reminder-rule-routes.js';

export interface AppDeps {
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
  /** Run the outbox sender while listening (default true). */
  deliver?: boolean;
  /** Where the tab's Vite build is (default `tab/dist/`). */
  tabDist?: URL;
}

export interface App {
  readonly server: Server;
  readonly plans: PlanRepository;
  readonly people: PeopleRepository;
  readonly authenticate: Authenticator;
  readonly registry: InstallationRegistry;
  readonly links: LinkRepository;
  readonly outbox: Outbox & OutboxQueue;
  readonly sender: OutboxSender;
  readonly bot: PlanpulsBot;
  readonly agenda: AgendaDeps;
  readonly broadcasts: BroadcastDeps;
  readonly jobs: DueJobs;
  readonly reminders: ReminderDeps;
  /** Half-year reports and other requests to unit leaders. */
  readonly reports: ReportDeps;
  /** Runs what is due now (the scheduler's tick); returns how many jobs ran. */
  tick(): Promise<number>;
  /** Brings every stored plan's reminder jobs in line with the plan (at start-up and after imports). */
  syncAllReminders(): Promise<void>;
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Wires the adapters around the use cases into one server. Reads no environment. */
export function createApp(deps: AppDeps): App {
  const { config, logger, clock, tables } = deps;
  const plans = createTablePlanRepository(tables, logger.child({ component: 'plans' }));
  const people = createTablePeopleRepository(tables);
  const authenticate: Authenticator = deps.authenticate ?? defaultAuthenticator(config, logger);
  const server = createHttpServer(logger.child({ component: 'http' }));
  // Before routing and body parsing, so a flood costs as little as possible.
  server.pre(rateLimit(config.rateLimit));
  const adapter = createAdapter(config.bot, logger.child({ component: 'bot' }));
  const registry = createTableInstallations(tables, clock);
  const links = createTableLinks(tables);
  const outbox = createTableOutbox(tables, clock);
  const connector = createBotConnector(tokenOption(botTokenProvider(config.bot)));
  // Instances share Teams' per-tenant budget: each heartbeats a row and sends at its share. Real
  // seconds, not the plan clock (which tests and the dev clock move).
  const heartbeat = new SenderHeartbeat({
    id: randomUUID(),
    directory: createTableSenders(tables),
    clock: systemClock,
    logger: logger.child({ component: 'delivery' }),
  });
  let heartbeating = false;
  const sender = new OutboxSender({
    // Without delivery (tests and tools calling drainOnce) this process sends alone.
    share: { current: () => (heartbeating ? heartbeat.current() : 1) },
    queue: outbox,
    connector,
    clock,
    logger: logger.child({ component: 'delivery' }),
    onNotInstalled: (conversationId, reason) => registry.markStale(conversationId, reason),
  });
  const read = { plans, clock, timeZone: config.timeZone };
  const access = { people, configAdmins: config.adminAadObjectIds };
  const agenda: AgendaDeps = {
    read,
    access,
    agenda: createTableAgenda(tables),
    outbox,
    links,
    registry,
    renderAgenda: (view) => cardActivity(renderAgendaCard(agendaTexts('nb'), view)),
    renderNotice: (text) => ({ type: 'message', text }),
  };
  const broadcasts: BroadcastDeps = {
    clock,
    access,
    broadcasts: createTableBroadcasts(tables),
    outbox,
    links,
    registry,
    read,
    renderBroadcast: (broadcast, options) =>
      cardActivity(renderBroadcastCard(agendaTexts('nb'), broadcast, options)),
  };
  const jobs = createTableDueJobs(tables);
  const teamsUsers = createTableTeamsUserIds(tables);
  const unitPlans = createTableUnitPlans(tables);
  const englishReports = reportRenderer(reportTexts('en'), (iso) => when({ read }, iso, 'en'));
  const reports: ReportDeps = {
    read,
    access,
    reports: unitPlans.reports,
    localPlans: unitPlans.localPlans,
    campaigns: createTableReportCampaigns(tables),
    outbox,
    links,
    registry,
    defaults: config.reports,
    render: reportRenderer(reportTexts('nb'), (iso) => when({ read }, iso)),
    renderFor: (language) => (language === 'en' ? englishReports : reports.render),
    jobs,
    teamsUsers,
    edits: createTableReportEdits(tables),
  };
  reports.cache = campaignCache(reports);
  const reportSchedule = ensureReportSchedule(reports, jobs);
  const reminders: ReminderDeps = {
    plans,
    jobs,
    outbox,
    links,
    registry,
    people,
    acks: createTableAcknowledgements(tables),
    render: reminderRenderer(config.publicUrl),
    teamsUsers,
    clock,
    logger: logger.child({ component: 'reminders' }),
    timeZone: config.timeZone,
    publicUrl: config.publicUrl,
  };
  // The plan revision each plan's jobs were last synced with, so an import (even by the CLI, in
  // another process) is picked up by the next tick, and cards of moved events are updated.
  const synced = new Map<string, { revision: string; plan: PlanFile }>();
  const syncChanged = async () => {
    for (const info of await plans.list()) {
      const previous = synced.get(info.key);
      if (previous?.revision === info.revision) continue;
      const stored = await plans.load(info.key);
      if (!stored) continue;
      await syncReminders(reminders, info.key, stored.plan, previous?.plan);
      synced.set(info.key, { revision: info.revision, plan: stored.plan });
    }
  };
  const ticks = createTableSchedulerTicks(tables);
  const realClock = deps.realClock ?? clock;
  const tick = async () => {
    // How long nothing ticked before this tick, so missed reminders say they are late (and only they).
    const ticked = { planAt: clock.now(), realAt: realClock.now() };
    const down = downSince(await ticks.swap(ticked), ticked);
    await syncChanged();
    await reportSchedule(clock.now());
    return runDueJobs({
      jobs,
      clock,
      logger: logger.child({ component: 'scheduler' }),
      handlers: {
        'meeting-reminder': async (job, now) => void (await sendReminder(reminders, job, now, down)),
        'reading-assignment': async (job, now) => void (await sendReminder(reminders, job, now, down)),
        'agenda-call': async (job, now) => void (await sendReminder(reminders, job, now, down)),
        'agenda-call-close': async (job, now) => void (await closeAgendaCall(reminders, job, now)),
        ...reportJobHandlers(reports, jobs),
      },
    }).then((ran) => {
      if (ran > 0) sender.wake();
      return ran;
    });
  };
  let scheduler: { stop(): Promise<void> } | undefined;
  const languages = createTableLanguagePreferences(tables, clock);
  const bot = new PlanpulsBot({
    languages,
    logger: logger.child({ component: 'bot' }),
    read,
    track: {
      registry,
      directory: connector,
      logger: logger.child({ component: 'installations' }),
      teamsUsers,
    },
    link: { links, registry, clock },
    access,
    actions: [
      ...agendaItemActions(agenda),
      acknowledgeAction(broadcasts),
      readAction(reminders),
      readingViewAction(reminders),
      ...reportActions(reports),
      reportChoiceAction(reports),
    ],
    onPersonalChat: async (aadObjectId) => {
      if ((await sendOpenRequestsTo(reports, aadObjectId)) > 0) sender.wake();
    },
    commands: [sakCommand(agenda), ...reminderCommands({ ...reminders, access }), reportCommand(reports)],
  });

  healthRoutes(server, { tables, logger });
  icsRoutes(server, {
    ...read,
    logger,
    publicUrl: config.publicUrl,
    feeds: createTableCalendarFeeds(tables, clock),
    authenticate,
    access,
  });
  planRoutes(server, { plans, clock, timeZone: config.timeZone, logger, authenticate, access });
  messageRoutes(server, {
    handle: unverifiedCallersAre401(botEndpoint(adapter, bot), logger.child({ component: 'bot' })),
  });
  tabRoutes(server, {
    distDir: deps.tabDist ?? new URL('../tab/dist/', import.meta.url),
    tabConfig: {
      clientId: config.entra?.appId ?? config.bot?.appId,
      publicUrl: config.publicUrl,
      localMode: config.localMode,
    },
  });
  meRoutes(server, { logger, authenticate, access, languages });
  if (config.localMode) devSignInRoutes(server, { logger, people, configAdmins: config.adminAadObjectIds });
  linkRoutes(server, { logger, authenticate, access, read, link: { links, registry, clock } });
  agendaRoutes(server, { logger, authenticate, agenda });
  broadcastRoutes(server, { logger, authenticate, broadcasts, keys: createTableAutomationKeys(tables) });
  reportRoutes(server, { logger, authenticate, reports, jobs });
  readRoutes(server, { logger, authenticate, access, read, people, acks: reminders.acks });
  peopleRoutes(server, { logger, authenticate, access, read, registry });
  const planAdmin = { plans, clock, read, resync: syncChanged };
  planAdminRoutes(server, { logger, authenticate, access, plans: planAdmin });
  reminderRuleRoutes(server, { logger, authenticate, access, plans: planAdmin });
  localPlanRoutes(server, { logger, authenticate, reports });

  return {
    server,
    plans,
    people,
    authenticate,
    registry,
    links,
    outbox,
    sender,
    bot,
    agenda,
    broadcasts,
    jobs,
    reminders,
    reports,
    tick,
    syncAllReminders: syncChanged,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          if (deps.deliver !== false) {
            heartbeating = true;
            heartbeat.start();
            sender.start();
            scheduler = startCronScheduler({
              timeZone: config.timeZone,
              coordinator: createTableRunCoordinator(tables, clock, randomUUID()),
              logger: logger.child({ component: 'scheduler' }),
              tick,
            });
          }
          const address = server.address();
          resolve(`http://${config.host}:${address.port}`);
        });
      }),
    close: async () => {
      await scheduler?.stop();
      await sender.stop();
      await heartbeat.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * botbuilder 4.23 answers a token with a bad signature 500 (jsonwebtoken's error is not its
 * AuthenticationError), though the turn never starts. A request that fails before the turn's
 * logic ran was not verified, so it gets 401, like a missing or foreign token. (The turn tells
 * its request through a closure, not an AsyncLocalStorage: on Node 20 that puts a hook on every
 * promise of the process, about a tenth of the CPU of a report invoke.)
 */
function unverifiedCallersAre401(
  handle: (req: Request, res: Response, started: () => void) => Promise<void>,
  logger: Logger,
): (req: Request, res: Response) => Promise<void> {
  return (req, res) => {
    let started = false;
    const status = res.status.bind(res);
    res.status = (code: number) => {
      if (code !== 500 || started) return status(code);
      logger.warn('bot request rejected: token not verified');
      return status(401);
    };
    return handle(req, res, () => (started = true));
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
