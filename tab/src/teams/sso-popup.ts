// The sign-in pop-up TeamsFx's `TeamsUserCredential.login()` opens through teams-js
// `authentication.authenticate()`: it starts at `initiateLoginEndpoint` (auth-start.html) with
// `clientId`, `scope` and `loginHint` in the query, signs in with MSAL (redirect, session storage
// cache), and auth-end.html hands the MSAL cache back as `{ sessionStorage }`, which TeamsFx copies
// into the tab's session storage. MSAL is the same major version TeamsFx 3.0 uses, so the cache fits.
import { PublicClientApplication } from '@azure/msal-browser';
import { app, authentication } from '@microsoft/teams-js';
import { translator } from '../i18n/i18n';
import { initialLanguage } from '../i18n/language-choice';

const KEY = 'planpuls.sso';
const INIT_TIMEOUT_MS = 5000;

/** Where the sign-in comes back to; register it as a single-page-application redirect URI. */
function redirectUri(origin: string): string {
  return `${origin}/tab/auth-end.html`;
}

/** The pop-up speaks the language this browser last knew for the person (else Norwegian). */
const t = translator(initialLanguage());

function say(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

async function teams(): Promise<void> {
  await Promise.race([
    app.initialize(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('teams-js timed out')), INIT_TIMEOUT_MS)),
  ]);
}

/** MSAL for the pop-up: back to this page, its cache in session storage (what TeamsFx copies). */
async function msal(clientId: string, authority: string): Promise<PublicClientApplication> {
  const client = new PublicClientApplication({
    auth: { clientId, authority, navigateToLoginRequestUrl: false },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await client.initialize();
  return client;
}

/** auth-start.html: off to Entra ID for the scopes TeamsFx asked for. */
async function startSignIn(): Promise<void> {
  const params = new URL(window.location.href).searchParams;
  const clientId = params.get('clientId');
  if (!clientId) {
    // Opened by hand, not by TeamsFx: said in both languages, as a developer may be reading.
    say(t('signIn.popupNoClient'));
    return;
  }
  await teams();
  const context = await app.getContext();
  const authority = `https://login.microsoftonline.com/${context.user?.tenant?.id ?? 'organizations'}`;
  sessionStorage.setItem(KEY, JSON.stringify({ clientId, authority }));
  const client = await msal(clientId, authority);
  const loginHint = params.get('loginHint') || undefined;
  await client.loginRedirect({
    scopes: (params.get('scope') ?? '').split(' ').filter(Boolean),
    redirectUri: redirectUri(window.location.origin),
    ...(loginHint ? { loginHint } : {}),
  });
}

/** auth-end.html: finishes the redirect and gives TeamsFx the session cache, or the failure. */
async function endSignIn(): Promise<void> {
  await teams();
  const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as {
    clientId: string;
    authority: string;
  } | null;
  if (!saved) {
    authentication.notifyFailure(t('signIn.popupNotStarted'));
    return;
  }
  try {
    const client = await msal(saved.clientId, saved.authority);
    const result = await client.handleRedirectPromise();
    if (!result) {
      authentication.notifyFailure(t('signIn.popupEmpty'));
      return;
    }
    const cache: Record<string, string> = {};
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key && key !== KEY) cache[key] = sessionStorage.getItem(key) ?? '';
    }
    authentication.notifySuccess(JSON.stringify({ sessionStorage: cache }));
  } catch (error) {
    authentication.notifyFailure((error as Error).message);
  }
}

/** Runs one side of the pop-up; outside Teams it says what the page is for instead. */
export function runPopup(side: 'start' | 'end'): void {
  (side === 'start' ? startSignIn() : endSignIn()).catch((error: unknown) => {
    say(t('signIn.popupFailed', { reason: (error as Error).message }));
  });
}
