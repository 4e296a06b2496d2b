import {
  JwtTokenProviderFactory,
  ManagedIdentityAppCredentials,
  MicrosoftAppCredentials,
} from 'botframework-connector';
import type { BotCredentials } from '../config/config.js';

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

/**
 * Tokens for calling the Bot Connector service as our app; undefined in local mode, where the
 * Playground's connector takes unsigned calls.
 */
export function botTokenProvider(
  credentials: BotCredentials | undefined,
): (() => Promise<string>) | undefined {
  if (!credentials) return undefined;
  const appCredentials =
    credentials.appType === 'UserAssignedMSI'
      ? new ManagedIdentityAppCredentials(
          credentials.appId,
          BOT_FRAMEWORK_SCOPE,
          new JwtTokenProviderFactory(),
        )
      : new MicrosoftAppCredentials(
          credentials.appId,
          credentials.appPassword ?? '',
          credentials.appType === 'SingleTenant' ? credentials.tenantId : undefined,
          BOT_FRAMEWORK_SCOPE,
        );
  return () => appCredentials.getToken();
}
