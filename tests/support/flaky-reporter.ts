import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';

/**
 * Names every test that failed first and passed when vitest ran it again (`retry` in
 * vitest.config.ts): at the end of the run, and in `FLAKY_REPORT` (a file, one line per test)
 * for CI's summary. A retried pass is a timing flake to fix, never a pass to forget.
 */
export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(test: TestCase): void {
    const diagnostic = test.diagnostic();
    if (test.result().state === 'passed' && diagnostic?.flaky)
      this.flaky.push(`${test.module.relativeModuleId} › ${test.fullName} (${diagnostic.retryCount + 1} tries)`);
  }

  onTestRunEnd(): void {
    if (this.flaky.length === 0) return;
    console.log(`\nPassed only when run again (flaky), ${this.flaky.length}:`);
    for (const line of this.flaky) console.log(`  ${line}`);
    const file = process.env.FLAKY_REPORT;
    if (file) {
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, this.flaky.map((line) => `${line}\n`).join(''));
    }
  }
}
