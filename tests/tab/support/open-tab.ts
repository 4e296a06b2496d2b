import type { Browser, Page } from 'playwright-core';
import { cspViolations } from './browser.js';
import { TODAY } from './tab-plan.js';

/**
 * Opens the tab in a fresh browser context at 10:00 Oslo time on the tests' "today", signed in
 * as `user` (local mode's dev user), at a desktop viewport unless `viewport` names another (e.g.
 * a phone's, or a zoomed one's with `deviceScaleFactor`). Closing the browser closes the context.
 */
export async function openTab(
  browser: Browser,
  url: string,
  user: string,
  path = '/tab/',
  options: { dark?: boolean; viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: options.dark ? 'dark' : 'light',
    locale: 'nb-NO',
    acceptDownloads: true,
  });
  await cspViolations.watch(context);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
  const join = path.includes('?') ? '&' : '?';
  await page.goto(`${url}${path}${join}devUser=${user}`);
  await page.getByRole('tablist').waitFor();
  return page;
}
