import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StorageError } from '../domain/errors.js';
import type { Logger } from '../log/logger.js';

/**
 * The embedded Azurite's pid file, in its data folder: which process serves that folder, and which
 * Planpuls started it. A start reads it to find an Azurite an earlier start left behind (its
 * parent died without stopping it) and stops it; a process that is not provably ours is never
 * touched.
 */
export interface AzuritePid {
  pid: number;
  /** The Planpuls process that started it. */
  parent: number;
}

const FILE = 'planpuls-azurite.pid';

export function pidFilePath(location: string): string {
  return join(location, FILE);
}

export function writePidFile(location: string, pid: AzuritePid): void {
  writeFileSync(pidFilePath(location), JSON.stringify(pid) + '\n');
}

/** Removes the pid file if it still names `pid` (a later start may have written its own). */
export function removePidFile(location: string, pid: number): void {
  const current = readPidFile(location);
  if (current?.pid === pid) rmSync(pidFilePath(location), { force: true });
}

function readPidFile(location: string): AzuritePid | undefined {
  try {
    const value = JSON.parse(readFileSync(pidFilePath(location), 'utf8')) as Partial<AzuritePid>;
    return Number.isInteger(value.pid) && Number.isInteger(value.parent) && value.pid! > 0
      ? { pid: value.pid!, parent: value.parent! }
      : undefined;
  } catch {
    // Missing or unreadable: there is nothing to recognise.
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What /proc says about a process on Linux; undefined when it is gone or there is no /proc. */
function procInfo(pid: number): { argv: string[]; ppid: number } | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it are: state, ppid, …
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { argv, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** Azurite's table service serving exactly this folder. */
function isOurAzurite(argv: readonly string[], location: string): boolean {
  const at = argv.indexOf('--location');
  return (
    argv.some((arg) => /azurite[\\/].*table[\\/]main\.js$/.test(arg)) &&
    at >= 0 &&
    resolve(argv[at + 1] ?? '') === resolve(location)
  );
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (alive(pid)) {
    if (performance.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 100));
  }
  return true;
}

/**
 * Before a start: stops an Azurite that an earlier start of ours left serving `location` after
 * its parent died. Refuses to start beside one whose Planpuls is still running (two servers on one
 * data folder would corrupt it). Leaves alone any process it cannot prove is that Azurite: another
 * program that reused the pid, or any process at all where there is no /proc to look in.
 */
export async function stopStaleAzurite(location: string, logger: Logger): Promise<void> {
  const recorded = readPidFile(location);
  if (!recorded) return;
  const forget = () => rmSync(pidFilePath(location), { force: true });
  if (!alive(recorded.pid)) return forget();
  if (!existsSync('/proc/self/stat')) {
    logger.warn('the pid file names a running process; without /proc it is not checked or stopped', {
      pid: recorded.pid,
      pidFile: pidFilePath(location),
    });
    return;
  }
  const info = procInfo(recorded.pid);
  if (!info) return forget();
  if (!isOurAzurite(info.argv, location)) {
    logger.info('the pid file names another program (its pid was reused); left alone', { pid: recorded.pid });
    return forget();
  }
  if (info.ppid === recorded.parent && alive(recorded.parent)) {
    throw new StorageError(
      `Innebygd Azurite for ${location} kjører allerede for en annen Planpuls (prosess ${recorded.parent}); ` +
        'stopp den først, eller bruk en annen DATA_DIR',
    );
  }
  logger.warn('stopping the embedded Azurite an earlier start left running', { pid: recorded.pid });
  // SIGINT: Azurite saves its database before it exits; SIGKILL only if it does not.
  process.kill(recorded.pid, 'SIGINT');
  if (!(await waitUntilGone(recorded.pid, 15_000))) {
    process.kill(recorded.pid, 'SIGKILL');
    await waitUntilGone(recorded.pid, 5_000);
  }
  forget();
}
