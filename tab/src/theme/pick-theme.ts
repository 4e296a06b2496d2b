import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { ThemeKind } from '../host/host';

/** Teams' own themes inside Teams; the web themes in a browser. High contrast in both. */
export function pickTheme(kind: ThemeKind, inTeams: boolean): Theme {
  if (kind === 'contrast') return teamsHighContrastTheme;
  if (kind === 'dark') return inTeams ? teamsDarkTheme : webDarkTheme;
  return inTeams ? teamsLightTheme : webLightTheme;
}
