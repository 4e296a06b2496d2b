import { spawn, type ChildProcess } from 'node:child_process';

const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of our entry points under tsx with the given environment and waits for it to end. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], {
      env: { ...baseEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts a long-running entry point; `stop` sends SIGTERM and waits for the exit code.
 * `interrupt` is Ctrl-C in a terminal: SIGINT to the whole process group (tsx, our process and
 * whatever it started); it needs `{ ownGroup: true }`, which starts the script in a group of its own.
 */
export function startScript(
  script: string,
  env: Record<string, string>,
  options: { ownGroup?: boolean } = {},
) {
  const child: ChildProcess = spawn(TSX, [script], {
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownGroup ?? false,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    /** The launcher's pid (tsx's, which starts our process as its child). */
    pid: child.pid!,
    output: () => output,
    exited,
    interrupt: async () => {
      if (!options.ownGroup) throw new Error('interrupt needs startScript(…, { ownGroup: true })');
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGINT');
      return exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The parent's environment minus our own settings, so a developer's shell cannot leak in. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value !== undefined &&
      !/^(NODE_ENV|PORT|HOST|STORAGE_|TABLE_|DATA_DIR|AZURITE_|DEMO_|IMPORT_|MICROSOFT_APP_)/.test(key)
    ) {
      env[key] = value;
    }
  }
  return env;
}

/** Polls a URL until it answers with the wanted status or the deadline passes. */
export async function waitForStatus(
  url: string,
  status: number,
  timeoutMs = 60_000,
  output?: () => string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === status) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (${last})\n${output?.() ?? ''}`);
}
