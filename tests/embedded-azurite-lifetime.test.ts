import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../bot/log/logger.js';
import { pidFilePath } from '../bot/store/azurite-pid-file.js';
import { freePort, startAzurite } from '../bot/store/embedded-azurite.js';
import { startScript, waitForStatus } from './support/processes.js';

// Reading other processes' command lines and environments needs /proc.
const linux = existsSync('/proc/self/cmdline');
const dirs: string[] = [];
function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `planpuls-${name}-`));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  // Whatever is still running with one of our folders (on the old code: the orphans) is ended.
  for (const dir of dirs) for (const pid of processesUsing(dir)) kill(pid, 'SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes whose command line or environment names `dir` (the app via DATA_DIR, Azurite via --location). */
function processesUsing(dir: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (cmdline.includes(dir) || environ.split('\0').includes(`DATA_DIR=${dir}`)) out.push(pid);
    } catch {
      // Gone, or not ours to read.
    }
  }
  return out;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').slice(0, 200);
  } catch {
    return `${pid} (gone)`;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** A process that has exited: its pid names nothing (for a pid file whose parent is dead). */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe.runIf(linux)('the embedded Azurite ends with the app that started it', () => {
  it('after kill -9 of the launcher, the app and its Azurite are gone within seconds and a new start on the same ports works', async () => {
    const env = {
      PORT: String(await freePort()),
      AZURITE_PORT: String(await freePort()),
      DATA_DIR: tempDir('kill9'),
      IMPORT_DEMO_ON_EMPTY: 'false',
    };
    const first = startScript('bot/main.ts', env);
    await waitForStatus(`http://127.0.0.1:${env.PORT}/healthz`, 200, 60_000, first.output);
    process.kill(first.pid, 'SIGKILL'); // tsx, as `npm start` is killed: our process is its child
    await first.exited;

    const gone = await waitFor(
      async () => (await portFree(Number(env.AZURITE_PORT))) && (await portFree(Number(env.PORT))),
      8_000,
    );
    expect(gone, `still running: ${processesUsing(env.DATA_DIR).join(', ')}`).toBe(true);
    // Everything the app started (tsx's esbuild service too) ends with it.
    await waitFor(() => processesUsing(env.DATA_DIR).length === 0, 3_000);
    expect(processesUsing(env.DATA_DIR).map(commandOf)).toEqual([]);
    expect(first.output()).toContain('"msg":"stopping","signal":"launcher gone');

    const second = startScript('bot/main.ts', env);
    try {
      await waitForStatus(`http://127.0.0.1:${env.PORT}/healthz`, 200, 60_000, second.output);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 120_000);

  it('stops an Azurite of ours that an earlier start left serving its data folder', async () => {
    const location = join(tempDir('stale'), 'azurite');
    mkdirSync(location, { recursive: true });
    const port = await freePort();
    // An Azurite on our folder whose Planpuls is gone: started here without a lifeline, detached.
    const main = join(
      dirname(createRequire(import.meta.url).resolve('azurite/package.json')),
      'dist/src/table/main.js',
    );
    const stale = spawn(
      process.execPath,
      [main, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--location', location, '--silent'],
      { detached: true, stdio: 'ignore' },
    );
    stale.unref();
    await waitFor(async () => !(await portFree(port)), 30_000);
    writeFileSync(pidFilePath(location), JSON.stringify({ pid: stale.pid, parent: await deadPid() }));

    const azurite = await startAzurite({ location, port, logger: silentLogger });
    try {
      expect(alive(stale.pid!)).toBe(false);
      expect(JSON.parse(readFileSync(pidFilePath(location), 'utf8')).parent).toBe(process.pid);
    } finally {
      await azurite.stop();
      kill(stale.pid!, 'SIGKILL');
    }
    expect(existsSync(pidFilePath(location))).toBe(false);
  }, 60_000);

  it('never stops a process the pid file names that is not our Azurite', async () => {
    const location = join(tempDir('unrelated'), 'azurite');
    mkdirSync(location, { recursive: true });
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(pidFilePath(location), JSON.stringify({ pid: sleeper.pid, parent: await deadPid() }));
      const azurite = await startAzurite({ location, port: 0, logger: silentLogger });
      await azurite.stop();
      expect(alive(sleeper.pid!)).toBe(true);
      expect(sleeper.exitCode).toBeNull();
      expect(sleeper.signalCode).toBeNull();
    } finally {
      sleeper.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses to start beside the Azurite of a Planpuls that is still running on the same folder', async () => {
    const location = join(tempDir('twice'), 'azurite');
    const first = await startAzurite({ location, port: 0, logger: silentLogger });
    try {
      await expect(startAzurite({ location, port: 0, logger: silentLogger })).rejects.toThrow(
        /kjører allerede for en annen Planpuls/,
      );
      // The first one still serves.
      expect((await fetch(`http://127.0.0.1:${first.port}/devstoreaccount1/Tables`)).status).toBeLessThan(
        500,
      );
    } finally {
      await first.stop();
    }
  }, 60_000);
});
