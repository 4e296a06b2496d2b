import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { createApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { silentLogger } from '../../bot/log/logger.js';
import { freshTables } from '../support/storage.js';
import { cspViolations, launchChromium, screenshot, seriousViolations } from './support/browser.js';
import { ensureTabBuilt, startTabServer } from './support/tab-server.js';

const DIST = new URL('../../tab/dist/', import.meta.url);
const PAGES = ['auth-start.html', 'auth-end.html'] as const;
const CLIENT_ID = '11111111-1111-1111-1111-111111111111';
let app: App;
let url: string;
/** The same server configured as in Azure: bot credentials, so single sign-on is on. */
let production: App;
let productionUrl: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startTabServer(freshTables().tables));
  production = createApp({
    config: loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      MICROSOFT_APP_ID: CLIENT_ID,
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: '22222222-2222-2222-2222-222222222222',
      PUBLIC_URL: 'https://planpuls.example.no',
    }),
    logger: silentLogger,
    clock: { now: () => new Date() },
    tables: freshTables().tables,
    deliver: false,
  });
  productionUrl = await production.listen();
  browser = await launchChromium();
}, 120_000);
afterEach(() => {
  // The pages' content security policy refused nothing they do.
  expect(cspViolations.take()).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await production?.close();
  await app?.close();
});

/** A Norwegian browser page whose policy violations are watched. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'nb-NO' });
  await cspViolations.watch(context);
  return context.newPage();
}

/** The directives of a content security policy, each with its sources. */
function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? '').split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('the TeamsFx sign-in pop-up pages', () => {
  it('are in the Vite build, each with its own script', () => {
    for (const page of PAGES) {
      const file = new URL(page, DIST);
      expect(existsSync(file)).toBe(true);
      const script = /src="\/tab\/(assets\/auth-(?:start|end)-[^"]+\.js)"/.exec(
        readFileSync(file, 'utf8'),
      )?.[1];
      expect(script).toBeDefined();
      expect(existsSync(new URL(script!, DIST))).toBe(true);
    }
  });

  it('are served under /tab/ with the same security headers as the tab, never cached', async () => {
    const tabPolicy = withoutNonce((await fetch(`${url}/tab/`)).headers.get('content-security-policy'));
    expect(tabPolicy).toMatch(/(^|; )script-src 'self';/);
    for (const page of PAGES) {
      const response = await fetch(`${url}/tab/${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(withoutNonce(response.headers.get('content-security-policy'))).toBe(tabPolicy);
      const html = await response.text();
      const script = /src="(\/tab\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect((await fetch(`${url}${script}`)).status).toBe(200);
    }
  });

  it('is where the tab config sends TeamsFx, with the API scope to consent to', async () => {
    expect(await (await fetch(`${productionUrl}/tab/config.json`)).json()).toMatchObject({
      initiateLoginEndpoint: 'https://planpuls.example.no/tab/auth-start.html',
      ssoScope: `api://planpuls.example.no/${CLIENT_ID}/access_as_user`,
    });
  });

  it('says in Norwegian what is missing when opened without TeamsFx’s parameters, accessibly', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/tab/auth-start.html`);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Mangler clientId. / Missing clientId.');
    expect(errors).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'auth-start-outside-teams');
    await page.context().close();
  });

  it('tells a person who opens the end page outside Teams to go back to the tab', async () => {
    const page = await newPage();
    await page.goto(`${url}/tab/auth-end.html`);
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^Innloggingen kunne ikke fullføres: .*lukk den og prøv igjen fra Planpuls-fanen\.$/);
    await page.context().close();
  }, 30_000);
});

describe('the content security policy of the tab', () => {
  it('allows scripts from our origin only, Entra ID for MSAL, no plugins and no foreign <base>', async () => {
    const policy = directives((await fetch(`${productionUrl}/tab/`)).headers.get('content-security-policy'));
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual([
      "'self'",
      'https://res.cdn.office.net',
      'https://login.microsoftonline.com',
    ]);
    expect(policy['frame-src']).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toContain('https://teams.microsoft.com');
  });

  it('allows only the <style> elements of each page answer’s own nonce, never inline styles at large', async () => {
    const nonces = [];
    for (const path of ['/tab/', '/tab/', '/tab/auth-start.html', '/blank-auth-end.html']) {
      const response = await fetch(`${productionUrl}${path}`);
      const styles = directives(response.headers.get('content-security-policy'))['style-src'];
      expect(styles).toHaveLength(2);
      expect(styles![0]).toBe("'self'");
      const nonce = /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(styles![1]!)?.[1];
      expect(nonce).toBeDefined();
      nonces.push(nonce);
      const html = await response.text();
      expect(html).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
      for (const tag of html.match(/<style[^>]*>/g) ?? []) expect(tag).toBe(`<style nonce="${nonce}">`);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
    const asset = directives(
      (await fetch(`${productionUrl}/tab/config.json`)).headers.get('content-security-policy'),
    );
    expect(asset['style-src']).toEqual(["'self'"]);
  });

  it('leaves Entra ID out in local mode, where nobody signs in through it', async () => {
    const policy = directives((await fetch(`${url}/tab/`)).headers.get('content-security-policy'));
    expect(policy['connect-src']).toEqual(["'self'", 'https://res.cdn.office.net']);
    expect(policy['frame-src']).toEqual(["'self'"]);
  });

  it('keeps API answers to the frame policy alone', async () => {
    const response = await fetch(`${productionUrl}/healthz`);
    expect(Object.keys(directives(response.headers.get('content-security-policy')))).toEqual([
      'frame-ancestors',
    ]);
  });

  it('lets the sign-in pop-up run under the production policy with nothing refused', async () => {
    const page = await newPage();
    await page.goto(`${productionUrl}/tab/auth-start.html?clientId=${CLIENT_ID}&scope=openid&loginHint=`);
    // It gets past its parameters to teams-js (loaded, with its fetch of Teams' origins), which
    // outside Teams finds no host; the page says so.
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^Innloggingen kunne ikke fullføres: .+ lukk den og prøv igjen fra Planpuls-fanen\.$/);
    await page.context().close();
  }, 30_000);
});

describe('/blank-auth-end.html, where TeamsFx’s silent sign-in lands', () => {
  it('is served at the site root with the tab’s headers, never cached, and has no script', async () => {
    const tab = await fetch(`${productionUrl}/tab/`);
    const response = await fetch(`${productionUrl}/blank-auth-end.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(withoutNonce(response.headers.get('content-security-policy'))).toBe(
      withoutNonce(tab.headers.get('content-security-policy')),
    );
    const html = await response.text();
    expect(html).not.toMatch(/<script|<link|<meta http-equiv/i);
  });

  it('keeps Entra ID’s answer in its address inside a frame of our page, where MSAL reads it', async () => {
    const page = await newPage();
    await page.goto(`${productionUrl}/tab/`);
    // What MSAL's ssoSilent does: a hidden iframe, polled until it is back on our origin.
    const seen = await page.evaluate(async () => {
      const land = (path: string) =>
        new Promise<string>((resolve) => {
          const frame = document.createElement('iframe');
          frame.style.display = 'none';
          frame.addEventListener('load', () => {
            const location = frame.contentWindow!.location;
            resolve(location.pathname + location.search + location.hash);
            frame.remove();
          });
          frame.src = path;
          document.body.append(frame);
        });
      return [
        await land('/blank-auth-end.html#code=abc&client_info=xyz&state=s1'),
        await land('/blank-auth-end.html?code=abc&state=s2'),
      ];
    });
    expect(seen).toEqual([
      '/blank-auth-end.html#code=abc&client_info=xyz&state=s1',
      '/blank-auth-end.html?code=abc&state=s2',
    ]);
    await page.context().close();
  });

  it('tells a person who opens it directly what it is, in Norwegian and English, accessibly', async () => {
    const page = await newPage();
    await page.goto(`${url}/blank-auth-end.html`);
    expect(await page.locator('main').innerText()).toBe(
      'Denne siden brukes av innloggingen i Planpuls-fanen i Teams og kan lukkes.\n\n' +
        'This page is used by the Planpuls tab’s sign-in in Teams and can be closed.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

/** A tab policy without its per-answer style nonce, to compare two answers' policies. */
function withoutNonce(policy: string | null): string | undefined {
  return policy?.replace(/ 'nonce-[^']+'/, '');
}
