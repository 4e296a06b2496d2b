import { readFileSync } from 'node:fs';

/**
 * Watches the processes that launched us: `npm start` runs npm, a shell, tsx's launcher and then
 * this process. Killed with SIGKILL, a launcher cannot pass anything on, and we (with the embedded
 * Azurite) would go on running, orphaned, holding both ports, so the next `npm start` fails. Calls
 * `onGone` once, when our parent has gone (we were adopted), or on Linux when any ancestor in our
 * own process group has (a terminal's job: npm and what it started). Ancestors outside our process
 * group (the terminal's shell, a process manager) are not watched: they may come and go.
 */
export function watchLauncher(options: { onGone: (reason: string) => void; intervalMs?: number }): {
  stop(): void;
} {
  const parent = process.ppid;
  const ancestors = ancestorsInGroup();
  const timer = setInterval(() => {
    const reason =
      process.ppid !== parent
        ? `parent process ${parent} is gone`
        : ancestors.find((a) => startTimeOf(a.pid) !== a.startTime)?.pid;
    if (reason === undefined) return;
    clearInterval(timer);
    options.onGone(typeof reason === 'string' ? reason : `launching process ${reason} is gone`);
  }, options.intervalMs ?? 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

interface Stat {
  ppid: number;
  pgrp: number;
  startTime: string;
}

/** Fields of /proc/<pid>/stat; undefined when the process is gone or there is no /proc. */
function statOf(pid: number): Stat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; after it come state (field 3), ppid, pgrp, …
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), pgrp: Number(fields[2]), startTime: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** A pid's start time tells it from a later process that reused the pid. */
const startTimeOf = (pid: number) => statOf(pid)?.startTime;

/** Our ancestors that share our process group, nearest first, up to the group's leader. */
function ancestorsInGroup(): { pid: number; startTime: string }[] {
  const self = statOf(process.pid);
  if (!self) return [];
  const out: { pid: number; startTime: string }[] = [];
  for (let pid = self.ppid; pid > 1 && out.length < 32;) {
    const stat = statOf(pid);
    if (!stat || stat.pgrp !== self.pgrp) break;
    out.push({ pid, startTime: stat.startTime });
    if (pid === self.pgrp) break;
    pid = stat.ppid;
  }
  return out;
}
