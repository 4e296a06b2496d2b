/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** One stop of a walk with the Tab key: what has focus, and whether a person can see that it has. */
export interface FocusStop {
  /** Role or tag, and the accessible name as far as the DOM says it («button "Neste måned"»). */
  name: string;
  /** The page's pixels around the element change when it gets focus (WCAG 2.4.7). */
  visible: boolean;
}

/** What a walk found: each stop in order, and what is interactive yet never got focus. */
export interface FocusWalk {
  stops: FocusStop[];
  unreached: string[];
}

declare global {
  interface Window {
    __a11ySeen?: Element[];
  }
}

/**
 * Describes the element with focus, or `null` when focus is on the page itself. Runs in the page,
 * so it is a string of code for `page.evaluate`, shared by the helpers below.
 */
const DESCRIBE = `(el) => {
  if (!el || el === document.body || el === document.documentElement) return null;
  const role = el.getAttribute('role') || el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : '');
  const labelled = el.getAttribute('aria-labelledby');
  const label =
    el.getAttribute('aria-label') ||
    (labelled && labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')) ||
    (el.labels && el.labels[0] && el.labels[0].textContent) ||
    el.textContent ||
    el.getAttribute('title') ||
    '';
  return role + ' "' + label.replace(/\\s+/g, ' ').trim().slice(0, 60) + '"';
}`;

async function focused(page: Page): Promise<string | null> {
  return page.evaluate(`(${DESCRIBE})(document.activeElement)`);
}

/** Changed pixels between two PNG screenshots of the same size. */
function changedPixels(a: Buffer, b: Buffer): number {
  const one = PNG.sync.read(a);
  const two = PNG.sync.read(b);
  if (one.width !== two.width || one.height !== two.height) return Number.POSITIVE_INFINITY;
  let changed = 0;
  for (let i = 0; i < one.data.length; i += 4) {
    const d =
      Math.abs(one.data[i]! - two.data[i]!) +
      Math.abs(one.data[i + 1]! - two.data[i + 1]!) +
      Math.abs(one.data[i + 2]! - two.data[i + 2]!);
    if (d > 30) changed++;
  }
  return changed;
}

/**
 * Whether focus on the active element shows: the pixels around it with focus and without differ in
 * at least as many pixels as a one-pixel line along its longer side. A screenshot, not computed
 * styles, because Fluent draws its focus ring on pseudo-elements and wrappers. Focus is put back
 * (and Tabster still knows the keyboard is in use, so the ring comes back too).
 */
async function focusShows(page: Page): Promise<boolean> {
  const box = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  if (!box || box.width === 0 || box.height === 0) return false;
  const viewport = page.viewportSize()!;
  const margin = 6;
  const x = Math.max(0, Math.floor(box.x - margin));
  const y = Math.max(0, Math.floor(box.y - margin));
  const clip = {
    x,
    y,
    width: Math.max(1, Math.min(viewport.width, Math.ceil(box.x + box.width + margin)) - x),
    height: Math.max(1, Math.min(viewport.height, Math.ceil(box.y + box.height + margin)) - y),
  };
  const shot = () => page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  const withFocus = await shot();
  await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    (window as any).__a11yBlurred = el;
    el.blur();
  });
  const without = await shot();
  await page.evaluate(() => ((window as any).__a11yBlurred as HTMLElement).focus());
  return changedPixels(withFocus, without) >= Math.min(Math.max(box.width, box.height), clip.width * 2);
}

/**
 * Moves focus to the start of the page, as a person arriving with the keyboard: a click on a
 * corner of the page (no control there) sets where the next Tab starts.
 */
export async function focusPageStart(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(1, 1);
}

/**
 * Presses Tab until `target` has focus; throws, naming each stop, when it is not reached within
 * `max` presses. Returns the number of presses.
 */
export async function tabTo(page: Page, target: Locator, max = 120, key = 'Tab'): Promise<number> {
  const seen: string[] = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)))
      return i;
    seen.push((await focused(page)) ?? '(siden)');
  }
  throw new Error(`Nådde ikke målet med ${key} etter ${max} trykk; fokus var på: ${seen.join(', ')}`);
}

/**
 * Walks the whole page (or an open dialog) with Tab from its start until focus comes round again,
 * checking at each stop that focus shows. Then lists each visible, enabled control that no stop
 * reached: a control inside a composite widget (tab list, radio group, toolbar) counts as reached
 * when any of its siblings was, since arrow keys move inside those by design.
 */
export async function walkWithTab(page: Page, { max = 200 } = {}): Promise<FocusWalk> {
  await page.evaluate(() => {
    window.__a11ySeen = [];
  });
  if (!(await page.evaluate(() => !!document.querySelector('[role=dialog],[role=alertdialog]'))))
    await focusPageStart(page);
  const stops: FocusStop[] = [];
  let onPage = 0;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const again = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'page';
      const seen = window.__a11ySeen!;
      // A date or time field keeps focus while Tab moves through its parts.
      if (seen[seen.length - 1] === el) return 'same';
      if (seen.includes(el)) return 'again';
      seen.push(el);
      return 'new';
    });
    if (again === 'again') break;
    if (again === 'same') continue;
    // Past the last control focus leaves for the browser's own controls, then comes round.
    if (again === 'page') {
      if (++onPage > 3) break;
      continue;
    }
    onPage = 0;
    stops.push({ name: (await focused(page))!, visible: await focusShows(page) });
  }
  const unreached = (await page.evaluate(`(() => {
    const describe = ${DESCRIBE};
    const seen = window.__a11ySeen;
    const scope = document.querySelector('[role=dialog],[role=alertdialog]') ?? document;
    const controls = scope.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), [role=tab], [role=checkbox], [role=radio], [role=switch]',
    );
    const composite = '[role=tablist],[role=radiogroup],[role=toolbar],[role=menu],[role=listbox],[role=grid]';
    const out = [];
    for (const el of controls) {
      if (el.matches(':disabled, [aria-disabled=true], [data-tabster-dummy]')) continue;
      if (el.closest('[aria-hidden=true], [inert]') || el.getClientRects().length === 0) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (seen.includes(el)) continue;
      const group = el.closest(composite);
      if (group && seen.some((s) => group.contains(s))) continue;
      if (el.type === 'radio' && seen.some((s) => s.type === 'radio' && s.name === el.name)) continue;
      out.push(describe(el));
    }
    return out;
  })()`)) as string[];
  return { stops, unreached };
}

/** The stops of a walk where focus did not show, for an `expect(...).toEqual([])`. */
export function hiddenFocus(walk: FocusWalk): string[] {
  return walk.stops.filter((s) => !s.visible).map((s) => s.name);
}

/**
 * Checks a modal dialog the keyboard opened: focus is inside it, stays inside through a full round
 * of Tab and of Shift+Tab, and after `close` (Escape unless given) the dialog is gone and focus is
 * back on `opener`. Returns the problems found, in words.
 */
export async function dialogKeepsAndReturnsFocus(
  page: Page,
  dialog: Locator,
  opener: Locator,
  close: () => Promise<void> = () => page.keyboard.press('Escape'),
): Promise<string[]> {
  const problems: string[] = [];
  await dialog.waitFor();
  const inside = () => dialog.evaluate((d) => d.contains(document.activeElement));
  if (!(await inside()))
    problems.push(`fokus er ikke i dialogen når den åpnes, men på ${await focused(page)}`);
  const count = await dialog.evaluate(
    (d) =>
      d.querySelectorAll(
        'a[href], button:not(:disabled), input, select, textarea, [tabindex]:not([tabindex="-1"])',
      ).length,
  );
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < count + 2; i++) {
      await page.keyboard.press(key);
      if (!(await inside())) {
        problems.push(`${key} ${i + 1} gang(er) flyttet fokus ut av dialogen, til ${await focused(page)}`);
        break;
      }
    }
  }
  await close();
  await dialog.waitFor({ state: 'detached' });
  const back = await opener.evaluate((el) => el === document.activeElement).catch(() => false);
  if (!back)
    problems.push(`fokus kom ikke tilbake til det som åpnet dialogen, men til ${await focused(page)}`);
  return problems;
}
