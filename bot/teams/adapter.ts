import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { BotCredentials } from '../config/config.js';
import { languageOf, messages } from '../i18n/index.js';
import type { Logger } from '../log/logger.js';
import { turnErrorReply } from './turn-error-reply.js';

/**
 * The Bot Framework adapter. With credentials it accepts only tokens the Bot Framework issued for
 * our app id; without them (local mode, loopback only) it accepts the Playground's unsigned calls.
 */
export function createAdapter(credentials: BotCredentials | undefined, logger: Logger): PlanpulsAdapter {
  const auth = new ReusedClientsAuthentication(
    credentials
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.appPassword ?? '',
          MicrosoftAppType: credentials.appType,
          MicrosoftAppTenantId: credentials.tenantId ?? '',
        }
      : {},
  );
  const adapter = new PlanpulsAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error('bot turn failed', {
      error,
      activityType: context.activity.type,
      activityId: context.activity.id,
    });
    // The bot set the turn's locale to the person's language before anything could fail.
    const reply = turnErrorReply(context.activity, error, messages(languageOf(context.activity.locale)));
    if ('message' in reply) {
      await context.sendActivity(reply.message);
    } else if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
      // An invoke that already has its answer keeps it: the failure came after it.
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: reply.invokeResponse });
    }
  };
  return adapter;
}

/**
 * botbuilder's CloudAdapter with its turn runner open to the endpoint. `process()` answers a
 * failure itself, 401 or 500 with the error's own text as the body (a fetch error with its URL
 * and DNS message, say), and cannot tell an outage from a bad token; `runTurn` lets the endpoint
 * (`bot-endpoint.ts`) see the error and choose the answer.
 */
export class PlanpulsAdapter extends CloudAdapter {
  /** Verifies the request's token, then runs `logic` as the turn; resolves with the invoke response. */
  runTurn(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** Service URLs are a few per cloud; past this many something is odd, and we start afresh. */
const MAX_CACHED = 100;

/**
 * botbuilder builds a new ConnectorClient and UserTokenClient (service clients with their own
 * pipelines and credentials) for every incoming activity, even for a card press that answers in
 * the HTTP reply alone: about a twentieth of a report invoke's CPU. They depend only on the app
 * id the request was for, the service URL and the audience, so they are built once and reused,
 * as botbuilder's older BotFrameworkAdapter did with its connector clients.
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        reuse(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
          inner.create(serviceUrl, audience),
        ),
    };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.tokenClients, appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }
}

/** The app id botbuilder builds the clients for: the token's audience, or its appid claim. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

function reuse<T>(cache: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    if (cache.size >= MAX_CACHED) cache.clear();
    found = create();
    cache.set(key, found);
    // A failed creation (credentials not reachable) is tried again next time.
    const created = found;
    created.catch(() => {
      if (cache.get(key) === created) cache.delete(key);
    });
  }
  return found;
}
