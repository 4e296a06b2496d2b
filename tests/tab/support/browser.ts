/// <reference lib="dom" />
// Code inside page.evaluate runs in the browser.
import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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

const refused: string[] = [];

/**
 * The Content Security Policy violations of every watched context: a test file watches each
 * context it opens and checks after each test (`take()`) that the policy refused nothing.
 */
export const cspViolations = {
  /**
   * Collects the context's violations in its pages and frames, from the `securitypolicyviolation`
   * events and from Chromium's console errors («Refused to …»), which also cover what no document
   * sees. Call before the first page opens.
   */
  async watch(context: BrowserContext): Promise<void> {
    await context.exposeBinding('__planpulsCspViolation', (_source, text: string) => {
      refused.push(text);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __planpulsCspViolation: (text: string) => void })
          .__planpulsCspViolation;
        report(`${event.effectiveDirective} blocked ${event.blockedURI} in ${event.documentURI}`);
      });
    });
    context.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        refused.push(message.text());
      }
    });
  },
  /** The violations since the last call. */
  take(): string[] {
    return refused.splice(0);
  },
};

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
  // A dialog or a panel fades in: axe must read its colours once drawn, not halfway (a contrast
  // finding mid-fade is the animation's, and under load it is often still running). Endless
  // animations (a spinner) are not waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
  // Evaluated through the DevTools protocol, not as a <script>: the tab's policy forbids inline scripts.
  await page.evaluate(axeSource);
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

/**
 * The serious and critical violations as one line each (`label: id (impact) help – first nodes`),
 * for an `expect(found).toEqual([])` that shows what is wrong where.
 */
export async function describedViolations(page: Page, label?: string): Promise<string[]> {
  return (await seriousViolations(page)).map(
    (v) =>
      `${label ? `${label}: ` : ''}${v.id} (${v.impact}) ${v.help} – ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
  );
}
