import type { Browser } from 'playwright-core';
import type { App } from '../../../bot/app.js';
import { COORDINATOR } from '../../support/app.js';
import { freshTables } from '../../support/storage.js';
import { launchChromium } from './browser.js';
import { seedReports } from './report-data.js';
import { ensureTabBuilt, startTabServer } from './tab-server.js';

/** What a browser test file of the tab's plan works with. */
export interface TabWorld {
  app: App;
  url: string;
  browser: Browser;
}

/**
 * The set-up the tab's browser tests share: the tab built, the real server on fresh tables with
 * the tab's plan (`startTabServer`), and Chromium; with `reports` the half-year reports of
 * `seedReports`, with `coordinator` Kåre Koordinator, who coordinates KULG. A file seeds anything
 * else of its own after this.
 */
export async function startTabWorld(
  options: { reports?: boolean; coordinator?: boolean } = {},
): Promise<TabWorld> {
  await ensureTabBuilt();
  const { app, url } = await startTabServer(freshTables().tables);
  if (options.reports) await seedReports(app, url);
  if (options.coordinator)
    await app.people.save({
      aadObjectId: COORDINATOR,
      name: 'Kåre Koordinator',
      roles: ['koordinator'],
      leads: [],
      networks: [],
      coordinates: ['kulg'],
    });
  return { app, url, browser: await launchChromium() };
}

/** Closes what `startTabWorld` opened, as far as it got. */
export async function closeTabWorld(world: Partial<TabWorld>): Promise<void> {
  await world.browser?.close();
  await world.app?.close();
}
