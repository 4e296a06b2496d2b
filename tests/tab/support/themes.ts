/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import type { Browser, Page } from 'playwright-core';
import { openTab } from './open-tab.js';

/** Teams' three themes, by the names Teams gives them (`?theme=` in the tab's URL). */
export const TEAMS_THEMES = ['default', 'dark', 'contrast'] as const;
export type TeamsTheme = (typeof TEAMS_THEMES)[number];

/** Opens the tab in one of Teams' themes, as `openTab` does otherwise. */
export function openInTheme(
  browser: Browser,
  url: string,
  user: string,
  path: string,
  theme: TeamsTheme,
  options: Parameters<typeof openTab>[4] = {},
): Promise<Page> {
  const join = path.includes('?') ? '&' : '?';
  return openTab(browser, url, user, `${path}${join}theme=${theme}`, options);
}

/**
 * Browser zoom at 200 % on a 1280×900 screen: half the CSS pixels at twice the density (WCAG 1.4.4).
 * At 400 % the same screen is 320 CSS pixels wide, the width WCAG 1.4.10 asks to reflow to.
 */
export const ZOOM_200 = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };
export const REFLOW_320 = { viewport: { width: 320, height: 256 } };

/**
 * What is lost at this size: how far the page scrolls sideways (a data table may scroll inside its
 * own region, WCAG 1.4.10's exception, but not the page), and each element whose text is cut off
 * (overflow hidden or an ellipsis with more text than fits), named by its text.
 */
export async function lostContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lost: string[] = [];
    const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (sideways > 1) lost.push(`siden ruller ${sideways} px sidelengs`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (el.getClientRects().length === 0 || el.closest('[aria-hidden=true]')) continue;
      const style = getComputedStyle(el);
      const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      if (!clips || !el.textContent?.trim()) continue;
      // Visually hidden text for screen readers is meant to be clipped.
      if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
      if (
        el.scrollWidth > el.clientWidth + 1 ||
        (style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1)
      )
        lost.push(`klippet: «${el.textContent.trim().slice(0, 50)}»`);
    }
    return lost;
  });
}
