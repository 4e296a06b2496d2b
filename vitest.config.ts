import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bot/**/*.test.ts', 'tests/**/*.test.ts', 'tab/src/**/*.test.ts'],
    globalSetup: ['tests/support/azurite-global-setup.ts'],
    // Browser tests walk several steps; on a busy 2-core runner 30 s was once too short.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A test that fails is run once more: a real fault fails twice. One that passes only the
    // second time is named by the flaky reporter (and in CI's summary), to be fixed, not forgotten.
    retry: 1,
    reporters: ['default', './tests/support/flaky-reporter.ts'],
  },
});
