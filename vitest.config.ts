import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bot/**/*.test.ts', 'tests/**/*.test.ts', 'tab/src/**/*.test.ts'],
    globalSetup: ['tests/support/azurite-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
