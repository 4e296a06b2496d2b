// `npm run playground`: the server (with its embedded storage) plus the Microsoft 365 Agents
// Playground pointed at it on the msteams channel, with the demo Teams world of
// .m365agentsplayground.yml. PLAYGROUND_AS=user-rektor,user-medlem opens one more Playground per
// demo user, acting as them, on the next ports. It builds the tab first when it is not built.
// Ctrl-C stops them all; the server removes its heartbeat row before its storage stops.
import { spawn } from 'node:child_process';
import { startPlayground } from '../tools/playground-process.js';
import { ensureTabBuilt } from '../tools/tab-build.js';

/** The demo kommunalsjef of .m365agentsplayground.yml, admin unless ADMIN_AAD_OBJECT_IDS says otherwise. */
const DEMO_ADMIN = '00000000-0000-0000-0000-0000000000a1';
const port = process.env.PORT ?? '3978';
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const server = `http://127.0.0.1:${port}`;

try {
  await ensureTabBuilt(undefined, () =>
    console.log('Fanen er ikke bygget; bygger den (npm run build:tab) …'),
  );
} catch (error) {
  console.error(`Fanen kunne ikke bygges: ${(error as Error).message}`);
  process.exit(1);
}
const bot = spawn(new URL('../node_modules/.bin/tsx', import.meta.url).pathname, ['bot/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, ADMIN_AAD_OBJECT_IDS: process.env.ADMIN_AAD_OBJECT_IDS ?? DEMO_ADMIN },
});
const botExited = new Promise<void>((resolve) => bot.once('exit', () => resolve()));
const running: Awaited<ReturnType<typeof startPlayground>>[] = [];
const actingAs = (process.env.PLAYGROUND_AS ?? '')
  .split(',')
  .map((id) => id.trim())
  .filter(Boolean);

async function stop(code: number): Promise<never> {
  for (const playground of running) await playground.stop();
  if (bot.exitCode === null) bot.kill('SIGTERM');
  await botExited;
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
bot.once('exit', (code) => {
  console.error(`Serveren stoppet (kode ${code}).`);
  void stop(code ?? 1);
});

const deadline = Date.now() + 120_000;
for (;;) {
  try {
    if ((await fetch(`${server}/healthz`)).ok) break;
  } catch {
    // Still starting.
  }
  if (Date.now() > deadline) {
    console.error('Serveren svarte ikke på /healthz innen to minutter.');
    await stop(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const playground = await startPlayground({
  port: playgroundPort,
  botEndpoint: `${server}/api/messages`,
  inherit: true,
});
running.push(playground);
const others: string[] = [];
for (const [i, userId] of actingAs.entries()) {
  const other = await startPlayground({
    port: playgroundPort + 1 + i,
    botEndpoint: `${server}/api/messages`,
    inherit: true,
    actingAs: userId,
  });
  running.push(other);
  others.push(`Playground som ${userId}: ${other.url}`);
}
console.log(
  [
    '',
    `Planpuls (fanen): ${server}/tab`,
    `Playground:       ${playground.url}`,
    ...others,
    'Ctrl-C stopper alt.',
    '',
  ].join('\n'),
);
