/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = new URL('../../../test-artifacts/tab/', import.meta.url);

/** Debian's Chromium, headless; `.ci/run` installs it. Never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} mangler: kjør «apt-get install -y chromium» (som .ci/run gjør).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
}

const axeSource = createRequire(import.meta.url)('axe-core').source as string;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page; returns the serious and critical violations. Fluent UI's focus
 * manager (Tabster) adds `<i data-tabster-dummy aria-hidden tabindex=0>` guards that move focus on
 * at once; axe's aria-hidden-focus flags them, which Fluent documents as a known false positive
 * (microsoft/fluentui#27517, "by design"), so exactly those nodes are left out.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: any[] }> } })
      .axe;
    const { violations } = await axe.run(document);
    for (const v of violations) {
      if (v.id === 'aria-hidden-focus')
        v.nodes = v.nodes.filter((n: any) => !/data-tabster-dummy/.test(n.html));
    }
    return violations.filter((v) => v.nodes.length > 0);
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
