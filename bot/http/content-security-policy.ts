// The content security policies Planpuls sends. Pure: the tab route and the server pick one.

/** Hosts allowed to frame our pages: Teams and the Microsoft 365 apps (and our own pages). */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

/** Entra ID, where MSAL (TeamsFx's and the sign-in pop-up's) fetches tokens and frames silent sign-in. */
const ENTRA_ID = 'https://login.microsoftonline.com';

/**
 * Where teams-js fetches the list of Teams host origins it trusts when its module loads
 * (`validOriginsCdnEndpoint` in @microsoft/teams-js 2.x); blocked, it falls back to a built-in list,
 * but logs a violation on every page that imports it (the sign-in pop-up pages do).
 */
const TEAMS_JS_CDN = 'https://res.cdn.office.net';

/** Every answer that is not a page of the tab: nothing on it may be framed outside Teams. */
export function baseContentSecurityPolicy(): string {
  return `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`;
}

export interface TabPolicyOptions {
  /** Teams single sign-on is configured (a client id): the tab talks to Entra ID. */
  readonly signIn: boolean;
  /**
   * The page's nonce for `<style>` elements (a new one per page answer). Without one (answers that
   * are not pages), no inline style is allowed at all.
   */
  readonly styleNonce?: string;
}

/**
 * The policy of the tab's pages (`/tab/*`, `/` and `/blank-auth-end.html`): scripts only from our
 * own origin (Vite's hashed bundles; no inline script, no eval), the API on our own origin, Entra ID
 * for TeamsFx/MSAL when sign-in is configured, no plugins, no `<base>` elsewhere, forms only to us.
 */
export function tabContentSecurityPolicy(options: TabPolicyOptions): string {
  const entra = options.signIn ? [ENTRA_ID] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Fluent UI v9's Griffel inserts <style> elements at run time (and FluentProvider one for the
    // theme); Chromium refuses them under `style-src 'self'` alone. Each page answer carries a new
    // nonce, which the server writes on the page's own <style> elements and in
    // `<meta name="csp-nonce">`, where the tab gives it to Griffel's renderer
    // (`styleElementAttributes`), which FluentProvider follows too. No 'unsafe-inline'.
    'style-src': ["'self'", ...(options.styleNonce ? [`'nonce-${options.styleNonce}'`] : [])],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", TEAMS_JS_CDN, ...entra],
    // MSAL's ssoSilent (TeamsFx getToken) signs in in a hidden iframe that Entra ID sends back to
    // our /blank-auth-end.html.
    'frame-src': ["'self'", ...entra],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': FRAME_ANCESTORS,
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
