import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

/**
 * Starts the Microsoft 365 Agents Playground on a port, pointed at a bot endpoint, with our demo
 * world (.m365agentsplayground.yml in the working directory), telemetry off and no browser.
 */
export async function startPlayground(options: {
  port: number;
  botEndpoint: string;
  cwd?: string;
  inherit?: boolean;
  /**
   * A user id of the demo world to act as. The Playground's UI cannot switch users and its
   * personal chat is the current user's, so another user means another Playground, started from
   * a copy of the config with that user as the current one.
   */
  actingAs?: string;
}) {
  const cwd = options.cwd ?? process.cwd();
  const configDir = options.actingAs ? mkdtempSync(join(tmpdir(), 'planpuls-playground-config-')) : undefined;
  if (configDir && options.actingAs) {
    const source = readFileSync(join(cwd, CONFIG_FILE), 'utf8');
    writeFileSync(join(configDir, CONFIG_FILE), configActingAs(source, options.actingAs));
  }
  const logDir = mkdtempSync(join(tmpdir(), 'planpuls-playground-'));
  const bin = new URL('../node_modules/.bin/agentsplayground', import.meta.url).pathname;
  const child = spawn(
    bin,
    ['-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      cwd: configDir ?? cwd,
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
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the Playground exited (code ${child.exitCode}); see ${logDir}/playground.log`);
    }
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      // Not left running when it is too slow to start.
      await stop();
      throw new Error('the Playground did not start within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    connectorUrl: `${url}/_connector`,
    logFile: join(logDir, 'playground.log'),
    stop,
  };
}

const CONFIG_FILE = '.m365agentsplayground.yml';

/** The demo world with `userId` as the current user; the former current user joins the others. */
export function configActingAs(source: string, userId: string): string {
  const config = parseYaml(source) as {
    currentUser: { id: string };
    users: { id: string }[];
    personalChat: { id: string };
  };
  const user = config.users.find((u) => u.id === userId);
  if (!user) throw new Error(`${userId} is not a user of ${CONFIG_FILE}`);
  config.users = [config.currentUser, ...config.users.filter((u) => u !== user)];
  config.currentUser = user;
  config.personalChat = { id: `personal-chat-${userId}` };
  return stringifyYaml(config);
}
