import type { Server } from 'restify';
import type { Config } from './config/config.js';
import type { Clock } from './domain/clock.js';
import { createHttpServer } from './http/server.js';
import { healthRoutes } from './http/routes/health.js';
import { messageRoutes } from './http/routes/messages.js';
import { planRoutes } from './http/routes/plan-routes.js';
import { tabRoutes } from './http/routes/tab.js';
import { devAuthenticator, type Authenticator } from './http/auth/authenticator.js';
import type { Logger } from './log/logger.js';
import { createTablePlanRepository } from './store/table-plan-repository.js';
import type { Tables } from './store/table-service.js';
import { createAdapter } from './teams/adapter.js';
import { botEndpoint } from './teams/bot-endpoint.js';
import { PlanpulsBot } from './teams/planpuls-bot.js';
import type { PlanRepository } from './use-cases/plan-repository.js';
import type { PeopleRepository } from './use-cases/people-repository.js';
import { createTablePeopleRepository } from './store/table-people-repository.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  tables: Tables;
  /**
   * Who sent a tab API request. Default: in local mode the dev-user header; otherwise nobody
   * (fail closed) until an Entra ID authenticator is supplied.
   */
  authenticate?: Authenticator;
}

export interface App {
  readonly server: Server;
  readonly plans: PlanRepository;
  readonly people: PeopleRepository;
  readonly authenticate: Authenticator;
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Wires the adapters around the use cases into one server. Reads no environment. */
export function createApp(deps: AppDeps): App {
  const { config, logger, clock, tables } = deps;
  const plans = createTablePlanRepository(tables, logger.child({ component: 'plans' }));
  const people = createTablePeopleRepository(tables);
  const authenticate: Authenticator =
    deps.authenticate ?? (config.localMode ? devAuthenticator() : async () => undefined);
  const server = createHttpServer(logger.child({ component: 'http' }));
  const adapter = createAdapter(config.bot, logger.child({ component: 'bot' }));
  const bot = new PlanpulsBot({ logger: logger.child({ component: 'bot' }) });

  healthRoutes(server, { tables, logger });
  planRoutes(server, { plans, clock, timeZone: config.timeZone, logger });
  messageRoutes(server, { handle: botEndpoint(adapter, bot) });
  tabRoutes(server, { tabDir: new URL('../tab/', import.meta.url) });

  return {
    server,
    plans,
    people,
    authenticate,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(`http://${config.host}:${address.port}`);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
