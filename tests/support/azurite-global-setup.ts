// Starts one real Azurite (table service) on a free port for the whole test run, with its data
// in a temporary folder; test files isolate themselves with their own table prefix.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { silentLogger } from '../../bot/log/logger.js';
import { startAzurite } from '../../bot/store/embedded-azurite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnectionString: string;
  }
}

export default async function setup(project: TestProject) {
  const location = mkdtempSync(join(tmpdir(), 'planpuls-azurite-'));
  const azurite = await startAzurite({ location, port: 0, logger: silentLogger });
  project.provide('storageConnectionString', azurite.connectionString);
  return async () => {
    await azurite.stop();
    rmSync(location, { recursive: true, force: true });
  };
}
