import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTabBuilt } from '../tools/tab-build.js';

const dir = mkdtempSync(join(tmpdir(), 'planpuls-tab-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run playground on a fresh clone', () => {
  it('builds the tab when it is not built, and leaves an existing build alone', async () => {
    const outDir = pathToFileURL(`${dir}/dist/`);
    expect(await ensureTabBuilt(outDir)).toBe(true);
    const page = join(dir, 'dist', 'index.html');
    expect(existsSync(page)).toBe(true);
    expect(existsSync(join(dir, 'dist', 'favicon.png'))).toBe(true);
    const builtAt = statSync(page).mtimeMs;

    expect(await ensureTabBuilt(outDir)).toBe(false);
    expect(statSync(page).mtimeMs).toBe(builtAt);
  }, 120_000);
});
