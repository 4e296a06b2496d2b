import type { TabConfig } from '../api/types';
import { devUserHeaders } from './dev-user';
import type { Host, ThemeKind } from './host';

// Apart from the Host types (host.ts): the Teams module implements those types, and this module
// loads the Teams module, so keeping both in one file made the two import each other.

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

/**
 * `?theme=default|dark|contrast` (Teams' own names, as Teams fills `{theme}` in a tab's URL) shows
 * the tab in that Teams theme in a plain browser: how the accessibility tests and a person checking
 * the themes see what Teams users see without Teams.
 */
function teamsThemeFromUrl(): ThemeKind | undefined {
  const asked = new URLSearchParams(window.location.search).get('theme');
  return asked === 'default' ? 'light' : asked === 'dark' || asked === 'contrast' ? asked : undefined;
}

function browserHost(): Host {
  const contrast = window.matchMedia('(forced-colors: active)');
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const current = (): ThemeKind => (contrast.matches ? 'contrast' : dark.matches ? 'dark' : 'light');
  const asked = teamsThemeFromUrl();
  return {
    inTeams: false,
    teamsThemes: asked !== undefined,
    theme: asked ?? current(),
    locale: navigator.language,
    subPageId: undefined,
    onThemeChange: (handler) => {
      if (asked) return; // the URL's theme holds
      const changed = () => handler(current());
      dark.addEventListener('change', changed);
      contrast.addEventListener('change', changed);
    },
    identity: async () => devUserHeaders(),
    setTabConfig: () => undefined,
  };
}
