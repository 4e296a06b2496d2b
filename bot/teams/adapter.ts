import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { BotCredentials } from '../config/config.js';
import { messages } from '../i18n/index.js';
import type { Logger } from '../log/logger.js';

/**
 * The Bot Framework adapter. With credentials it accepts only tokens the Bot Framework issued for
 * our app id; without them (local mode, loopback only) it accepts the Playground's unsigned calls.
 */
export function createAdapter(credentials: BotCredentials | undefined, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    credentials
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.appPassword ?? '',
          MicrosoftAppType: credentials.appType,
          MicrosoftAppTenantId: credentials.tenantId ?? '',
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error('bot turn failed', {
      error,
      activityType: context.activity.type,
      activityId: context.activity.id,
    });
    await context.sendActivity(messages('nb').errors.turnFailed);
  };
  return adapter;
}
