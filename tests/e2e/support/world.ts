// Starts what an end-to-end test drives: the real server (bot/main.ts, with its embedded Azurite,
// in a temporary DATA_DIR) and the Agents Playground pointed at it, on free ports; stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../bot/store/embedded-azurite.js';
import { startPlayground } from '../../../tools/playground-process.js';

/** The demo kommunalsjef of .m365agentsplayground.yml (the Playground's current user). */
export const KOMMUNALSJEF = '00000000-0000-0000-0000-0000000000a1';
/** Demo users of .m365agentsplayground.yml, by their Playground user id (roles: data/demo/people.yaml). */
export const RITA_REKTOR = 'user-rektor';
export const MONA_MEDLEM = 'user-medlem';

export interface World {
  server: string;
  playground: string;
  connector: string;
  /**
   * Another Playground on the same server whose current user is `userId`: the Playground's UI
   * cannot switch the acting user, and its personal chat is always the current user's.
   */
  playgroundAs(userId: string): Promise<string>;
  /** The server's output, for diagnosing a failure. */
  log(): string;
  stop(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'planpuls-e2e-'));
  const port = await freePort();
  const server = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const tsx = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
  // Local mode: no bot credentials, embedded storage, whatever the calling shell has set.
  const inherited = { ...process.env };
  for (const name of ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'STORAGE_CONNECTION_STRING', 'HOST'])
    delete inherited[name];
  const bot = spawn(tsx, ['bot/main.ts'], {
    env: {
      ...inherited,
      NODE_ENV: 'development',
      PORT: String(port),
      AZURITE_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      IMPORT_DEMO_ON_EMPTY: 'true',
      ADMIN_AAD_OBJECT_IDS: KOMMUNALSJEF,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bot.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  bot.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const botExited = new Promise<void>((resolve) => bot.once('exit', () => resolve()));
  let playground: Awaited<ReturnType<typeof startPlayground>> | undefined;
  const others: Awaited<ReturnType<typeof startPlayground>>[] = [];
  const stop = async () => {
    for (const other of others) await other.stop();
    await playground?.stop();
    await stopChild(bot, botExited);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${server}/healthz`, bot, 120_000, output);
    playground = await startPlayground({ port: await freePort(), botEndpoint: `${server}/api/messages` });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    server,
    playground: playground.url,
    connector: playground.connectorUrl,
    playgroundAs: async (userId) => {
      const other = await startPlayground({
        port: await freePort(),
        botEndpoint: `${server}/api/messages`,
        actingAs: userId,
      });
      others.push(other);
      return other.url;
    },
    log: () => output.join(''),
    stop,
  };
}

async function waitFor(url: string, child: ChildProcess, ms: number, output: string[]): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}):\n${output.join('')}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM (the server stops Azurite on it), then SIGKILL the group if it is still there after 15 s. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
