import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the Microsoft 365 Agents Playground on a port, pointed at a bot endpoint, with our demo
 * world (.m365agentsplayground.yml in the working directory), telemetry off and no browser.
 */
export async function startPlayground(options: {
  port: number;
  botEndpoint: string;
  cwd?: string;
  inherit?: boolean;
}) {
  const logDir = mkdtempSync(join(tmpdir(), 'planpuls-playground-'));
  const bin = new URL('../node_modules/.bin/agentsplayground', import.meta.url).pathname;
  const child = spawn(
    bin,
    ['-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      cwd: options.cwd ?? process.cwd(),
      // It would open a browser (and exit when there is none); it also logs to a file of its own.
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: join(logDir, 'playground.log'),
      },
      stdio: options.inherit ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the Playground exited (code ${child.exitCode}); see ${logDir}/playground.log`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('the Playground did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    connectorUrl: `${url}/_connector`,
    logFile: join(logDir, 'playground.log'),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
