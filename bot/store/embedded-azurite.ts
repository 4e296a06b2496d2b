import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { StorageError } from '../domain/errors.js';
import type { Logger } from '../log/logger.js';
import { removePidFile, stopStaleAzurite, writePidFile } from './azurite-pid-file.js';

/** Azurite's published development account; it is the same for every installation. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * Loaded into Azurite's process first: a closed IPC channel (we stopped it, or we died) becomes
 * the SIGINT Azurite closes on. Being adopted by another parent means the same, should the
 * channel's end ever go unnoticed.
 */
const LIFELINE = `data:text/javascript,${encodeURIComponent(
  [
    'const parent = process.ppid;',
    'let stopping = false;',
    "const stop = () => { if (!stopping) { stopping = true; process.kill(process.pid, 'SIGINT'); } };",
    "process.once('disconnect', stop);",
    'setInterval(() => { if (process.ppid !== parent) stop(); }, 1000).unref();',
  ].join(' '),
)}`;

export interface EmbeddedAzurite {
  readonly connectionString: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Folder for Azurite's files; created if missing. */
  location: string;
  /** 0 picks a free port. */
  port: number;
  logger: Logger;
  startTimeoutMs?: number;
}

/**
 * Starts Azurite's table service as a child process on 127.0.0.1, with telemetry off and data on
 * disk, and resolves once it answers HTTP.
 */
export async function startAzurite(options: AzuriteOptions): Promise<EmbeddedAzurite> {
  mkdirSync(options.location, { recursive: true });
  // An Azurite an earlier start of ours left behind would hold the port and the data folder.
  await stopStaleAzurite(options.location, options.logger);
  const port = options.port === 0 ? await freePort() : options.port;
  // Something else answering on the port would look like a started Azurite, with other data.
  if (!(await isPortFree(port))) {
    throw new StorageError(`Innebygd Azurite startet ikke på port ${port} (AZURITE_PORT): porten er i bruk`);
  }
  const args = [
    azuriteTableMain(),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--location',
    options.location,
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--silent',
  ];
  // In a process group of its own, so a terminal's Ctrl-C reaches only us and we stop Azurite after
  // our last write (the sender's heartbeat row is removed on the way out). The IPC channel is its
  // lifeline: when it closes, because we stop it or because we died, Azurite stops as on Ctrl-C.
  const child = spawn(process.execPath, ['--import', LIFELINE, ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: process.platform !== 'win32',
  });
  if (child.pid) {
    const pid = child.pid;
    writePidFile(options.location, { pid, parent: process.pid });
    child.once('exit', () => removePidFile(options.location, pid));
  }
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const endpoint = tableEndpoint(port);
  try {
    await waitUntilAnswering(endpoint, child, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stopChild(child);
    throw new StorageError(
      `Innebygd Azurite startet ikke på port ${port} (AZURITE_PORT): ${(error as Error).message}\n${output.trim()}`,
      { cause: error },
    );
  }
  options.logger.info('embedded Azurite table service started', { port, location: options.location });
  return {
    port,
    connectionString: azuriteConnectionString(port),
    stop: () => stopChild(child),
  };
}

/** The connection string of an embedded Azurite listening on `port` (loopback, development account). */
export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `TableEndpoint=${tableEndpoint(port)};`
  );
}

function tableEndpoint(port: number): string {
  return `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
}

function azuriteTableMain(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'table', 'main.js');
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prosessen avsluttet med kode ${child.exitCode}`);
    try {
      // Any HTTP answer, even 400 or 403, means the service is listening.
      await fetch(`${endpoint}/Tables`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      // Not listening yet; the loop retries until the deadline.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`svarte ikke innen ${timeoutMs} ms`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Azurite saves its database when it closes on SIGINT (the lifeline sends it when the channel
  // closes); on SIGTERM it dies and loses what it wrote since its last autosave (every 5 s).
  if (child.connected) child.disconnect();
  else child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port that was free a moment ago on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
