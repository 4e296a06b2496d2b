import { describe, expect, inject, it } from 'vitest';
import { createLogger, silentLogger } from '../bot/log/logger.js';
import { createTableDueJobs } from '../bot/store/table-due-jobs.js';
import { connectTables } from '../bot/store/table-service.js';
import type { DueJob, DueJobs } from '../bot/use-cases/due-jobs.js';
import { runDueJobs } from '../bot/use-cases/run-due-jobs.js';
import { uniquePrefix } from './support/storage.js';
import { proxyStorage, tablesThrough, type TcpProxy } from './support/tcp-proxy.js';

const now = new Date('2026-12-03T10:00:00Z');
const job = (id: string, kind: string, minutesAgo: number): DueJob => ({
  id,
  kind,
  dueAt: new Date(now.getTime() - minutesAgo * 60_000),
  payload: {},
});

/**
 * The store reached through the proxy, cutting storage off while the failed job's retry is being
 * written: the moment between "the run failed" and "the retry is stored".
 */
function cutWhileRetrying(jobs: DueJobs, proxy: TcpProxy): DueJobs {
  return {
    ...jobs,
    async schedule(scheduled, hint) {
      if (!scheduled.attempts) return jobs.schedule(scheduled, hint);
      proxy.cut();
      try {
        return await jobs.schedule(scheduled, hint);
      } finally {
        // Let the client see its pooled connections closed, so the next job's writes open new ones
        // (these tables do not retry).
        await new Promise((resolve) => setTimeout(resolve, 100));
        proxy.restore();
      }
    },
  };
}

describe('runDueJobs on real Azurite, with storage cut while a failed job is rescheduled', () => {
  it('keeps the failed job and still runs the rest of the page', async () => {
    const prefix = uniquePrefix();
    const direct = createTableDueJobs(connectTables(inject('storageConnectionString'), prefix));
    await direct.schedule(job('fails', 'broken', 3));
    await direct.schedule(job('second', 'works', 2));
    await direct.schedule(job('third', 'works', 1));

    const proxy = await proxyStorage(inject('storageConnectionString'));
    const ran: string[] = [];
    const logged: string[] = [];
    try {
      const jobs = cutWhileRetrying(createTableDueJobs(tablesThrough(proxy, prefix)), proxy);
      await runDueJobs({
        jobs,
        clock: { now: () => now },
        logger: createLogger({ write: (line) => logged.push(line) }),
        handlers: {
          broken: async () => {
            throw new Error('the handler failed');
          },
          works: async (j) => void ran.push(j.id),
        },
      });
    } finally {
      await proxy.close();
    }

    expect(ran).toEqual(['second', 'third']);
    expect(logged.filter((line) => line.includes('could not record'))).toHaveLength(1);
    // Not lost: still stored (due again, as before its failed run), and the others are done.
    expect(await direct.get('fails')).toMatchObject({ id: 'fails', kind: 'broken' });
    expect(await direct.get('second')).toBeUndefined();
    expect(await direct.get('third')).toBeUndefined();
  });

  it('moves a failed job to its retry time in one step, counting the attempt', async () => {
    const prefix = uniquePrefix();
    const jobs = createTableDueJobs(connectTables(inject('storageConnectionString'), prefix));
    await jobs.schedule(job('fails', 'broken', 1));
    await runDueJobs({
      jobs,
      clock: { now: () => now },
      logger: silentLogger,
      handlers: {
        broken: async () => {
          throw new Error('the handler failed');
        },
      },
    });
    expect(await jobs.get('fails')).toMatchObject({ attempts: 1, dueAt: new Date(now.getTime() + 30_000) });
    expect(await jobs.due(now, 10)).toEqual([]);
  });
});
