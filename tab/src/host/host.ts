import type { TabConfig } from '../api/types';
import { devUserHeaders } from './dev-user';

export type ThemeKind = 'light' | 'dark' | 'contrast';

/** Where the tab runs: inside Teams (theme, locale, SSO from the host) or a plain browser. */
export interface Host {
  readonly inTeams: boolean;
  readonly theme: ThemeKind;
  readonly locale: string | undefined;
  /** Teams deep links carry the view in `subPageId`. */
  readonly subPageId: string | undefined;
  onThemeChange(handler: (theme: ThemeKind) => void): void;
  /** Headers that say who is calling the API. */
  identity(): Promise<Record<string, string>>;
  /** Inside Teams: the sign-in / consent pop-up (TeamsFx `login()`); resolves once signed in. */
  signIn?(): Promise<void>;
  /** Channel tab set-up: what Teams saves when the user presses Save (undefined: not yet valid). */
  setTabConfig(config: TabInstance | undefined): void;
}

/** A configured channel tab: one network or unit. */
export interface TabInstance {
  entityId: string;
  name: string;
  /** Path and query under the server, e.g. `/tab/?view=kalender&programme=kulg`. */
  path: string;
}

/**
 * Teams hosts the tab in an iframe; only then is the Teams module (teams-js, TeamsFx) loaded, so
 * the browser outside Teams never downloads it.
 */
export async function detectHost(config: TabConfig): Promise<Host> {
  if (window.self !== window.top) {
    try {
      const { teamsHost } = await import('../teams/teams-host');
      return await teamsHost(config);
    } catch (error) {
      console.warn('Planpuls: not inside Teams after all, running as a web page', error);
    }
  }
  return browserHost();
}

function browserHost(): Host {
  const contrast = window.matchMedia('(forced-colors: active)');
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const current = (): ThemeKind => (contrast.matches ? 'contrast' : dark.matches ? 'dark' : 'light');
  return {
    inTeams: false,
    theme: current(),
    locale: navigator.language,
    subPageId: undefined,
    onThemeChange: (handler) => {
      const changed = () => handler(current());
      dark.addEventListener('change', changed);
      contrast.addEventListener('change', changed);
    },
    identity: async () => devUserHeaders(),
    setTabConfig: () => undefined,
  };
}
