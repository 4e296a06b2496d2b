import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { createApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config/config.js';
import { silentLogger } from '../../bot/log/logger.js';
import { freshTables } from '../support/storage.js';
import { launchChromium, screenshot, seriousViolations } from './support/browser.js';
import { ensureTabBuilt, startTabServer } from './support/tab-server.js';

const DIST = new URL('../../tab/dist/', import.meta.url);
const PAGES = ['auth-start.html', 'auth-end.html'] as const;
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  await ensureTabBuilt();
  ({ app, url } = await startTabServer(freshTables().tables));
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

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
    for (const page of PAGES) {
      const response = await fetch(`${url}/tab/${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toMatch(
        /^frame-ancestors 'self' https:\/\/teams/,
      );
      const html = await response.text();
      const script = /src="(\/tab\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect((await fetch(`${url}${script}`)).status).toBe(200);
    }
  });

  it('is where the tab config sends TeamsFx, with the API scope to consent to', async () => {
    const production = createApp({
      config: loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        MICROSOFT_APP_ID: '11111111-1111-1111-1111-111111111111',
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_TENANT_ID: '22222222-2222-2222-2222-222222222222',
        PUBLIC_URL: 'https://planpuls.example.no',
      }),
      logger: silentLogger,
      clock: { now: () => new Date() },
      tables: freshTables().tables,
      deliver: false,
    });
    const base = await production.listen();
    try {
      expect(await (await fetch(`${base}/tab/config.json`)).json()).toMatchObject({
        initiateLoginEndpoint: 'https://planpuls.example.no/tab/auth-start.html',
        ssoScope: 'api://planpuls.example.no/11111111-1111-1111-1111-111111111111/access_as_user',
      });
    } finally {
      await production.close();
    }
  });

  it('says in Norwegian what is missing when opened without TeamsFx’s parameters, accessibly', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/tab/auth-start.html`);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Mangler clientId. / Missing clientId.');
    expect(errors).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'auth-start-outside-teams');
    await context.close();
  });

  it('tells a person who opens the end page outside Teams to go back to the tab', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${url}/tab/auth-end.html`);
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^Innloggingen kunne ikke fullføres: .*lukk den og prøv igjen fra Planpuls-fanen\.$/);
    await context.close();
  }, 30_000);
});
