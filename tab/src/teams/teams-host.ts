// The only module that imports the Teams SDKs (teams-js and the deprecated TeamsFx), so moving to
// the Teams SDK later touches this file alone.
import { app, pages } from '@microsoft/teams-js';
import { TeamsUserCredential } from '@microsoft/teamsfx';
import type { TabConfig } from '../api/types';
import type { Host, TabInstance, ThemeKind } from '../host/host';

const INIT_TIMEOUT_MS = 5000;

function themeKind(theme: string | undefined): ThemeKind {
  return theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';
}

/** Initialises teams-js, reads the context and gets the SSO token through TeamsUserCredential. */
export async function teamsHost(config: TabConfig): Promise<Host> {
  await Promise.race([
    app.initialize(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('teams-js timed out')), INIT_TIMEOUT_MS)),
  ]);
  const context = await app.getContext();
  const credential = config.clientId
    ? new TeamsUserCredential({
        clientId: config.clientId,
        initiateLoginEndpoint: config.initiateLoginEndpoint,
      })
    : undefined;
  app.notifySuccess();
  let chosen: TabInstance | undefined;
  return {
    setTabConfig: (config) => {
      chosen = config;
      pages.config.registerOnSaveHandler((save) => {
        if (!chosen) return save.notifyFailure('Velg et nettverk eller en enhet.');
        const url = `${window.location.origin}${chosen.path}`;
        pages.config
          .setConfig({
            entityId: chosen.entityId,
            suggestedDisplayName: chosen.name,
            contentUrl: url,
            websiteUrl: url,
          })
          .then(
            () => save.notifySuccess(),
            (error: Error) => save.notifyFailure(error.message),
          );
      });
      pages.config.setValidityState(config !== undefined);
    },
    inTeams: true,
    theme: themeKind(context.app.theme),
    locale: context.app.locale,
    subPageId: context.page.subPageId,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeKind(theme))),
    signIn: async () => {
      if (!credential) throw new Error('Planpuls har ingen app-id for innlogging (TAB_APP_ID).');
      await credential.login(config.ssoScope ? [config.ssoScope] : []);
    },
    identity: async (): Promise<Record<string, string>> => {
      if (!credential) return {};
      // An empty scope asks Teams for its SSO token for our app, which the API validates.
      const token = await credential.getToken('');
      return token ? { authorization: `Bearer ${token.token}` } : {};
    },
  };
}
