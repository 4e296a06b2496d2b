import { defineConfig } from 'vitest/config';

// The end-to-end tests (`npm run test:e2e`): each file starts its own server, Azurite and
// Playground, so there is no shared globalSetup; one file at a time keeps ports and CPU calm.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
