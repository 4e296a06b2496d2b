export type ThemeKind = 'light' | 'dark' | 'contrast';

/** Where the tab runs: inside Teams (theme, locale, SSO from the host) or a plain browser. */
export interface Host {
  readonly inTeams: boolean;
  /** Teams' themes outside Teams (a `?theme=` in the URL), for checking them in a browser. */
  readonly teamsThemes?: boolean;
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
