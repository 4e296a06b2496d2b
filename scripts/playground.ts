// `npm run playground`: the server (with its embedded storage) plus the Microsoft 365 Agents
// Playground pointed at it on the msteams channel. Ctrl-C stops both.
import { spawn, type ChildProcess } from 'node:child_process';

const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const server = `http://127.0.0.1:${port}`;
const bin = (name: string) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

const children: ChildProcess[] = [];
const start = (command: string, args: string[]) => {
  const child = spawn(command, args, { stdio: 'inherit', env: process.env });
  children.push(child);
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`${command} stoppet (kode ${code}); stopper alt.`);
      void stop(code ?? 1);
    }
  });
  return child;
};

let stopping = false;
async function stop(code: number): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

start(bin('tsx'), ['bot/main.ts']);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${server}/healthz`)).ok) break;
  } catch {
    // The server is still starting; keep polling.
  }
  if (i > 600) {
    console.error('Serveren svarte ikke på /healthz innen 60 sekunder.');
    await stop(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
start(bin('agentsplayground'), [
  '-e',
  `${server}/api/messages`,
  '-c',
  'msteams',
  '-p',
  playgroundPort,
  '--disable-telemetry',
]);
console.log(
  `\nPlanpuls:   ${server}/tab\nPlayground: http://localhost:${playgroundPort}\nCtrl-C stopper begge.\n`,
);
