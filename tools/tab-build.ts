import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:tab` puts the tab and the server reads it from. */
export const TAB_DIST = new URL('../tab/dist/', import.meta.url);

/**
 * Builds the tab (`npm run build:tab`) unless `outDir` already holds a build, so `npm run
 * playground` on a fresh clone shows the tab instead of «Fanen er ikke bygget». Resolves whether
 * it built; rejects when the build fails.
 */
export async function ensureTabBuilt(outDir: URL = TAB_DIST, onBuild?: () => void): Promise<boolean> {
  if (existsSync(new URL('index.html', outDir))) return false;
  onBuild?.();
  const elsewhere =
    outDir.href === TAB_DIST.href ? [] : ['--', '--outDir', fileURLToPath(outDir), '--emptyOutDir'];
  const child = spawn('npm', ['run', '--silent', 'build:tab', ...elsewhere], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`npm run build:tab failed (exit code ${code})`);
  return true;
}
