import { odata, TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  createTableDueJobs,
  DUE_JOBS_TABLE,
  dueJobRows,
  forgetWatermark,
} from '../bot/store/table-due-jobs.js';
import { tablesOf } from '../bot/store/table-service.js';
import type { DueJob } from '../bot/use-cases/due-jobs.js';
import { StorageError } from '../bot/domain/errors.js';
import { uniquePrefix } from './support/storage.js';
import { proxyStorage, tablesThrough } from './support/tcp-proxy.js';

type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/** Tables on the real Azurite whose clients count the requests they send (GET point reads apart). */
function countedTables(prefix = uniquePrefix()) {
  const connectionString = inject('storageConnectionString');
  const requests: { method: string; url: string }[] = [];
  /** When set, a query whose URL matches waits with its answer until `release` is called. */
  const gate: { match?: RegExp; held?: () => void; release?: () => void } = {};
  const counter: PipelinePolicy = {
    name: 'count-requests',
    sendRequest: async (request, next) => {
      requests.push({ method: request.method, url: request.url });
      const response = await next(request);
      if (gate.match?.test(decodeURIComponent(request.url))) {
        gate.match = undefined;
        await new Promise<void>((resolve) => {
          gate.release = resolve;
          gate.held?.();
        });
      }
      return response;
    },
  };
  const options = {
    allowInsecureConnection: true,
    additionalPolicies: [{ policy: counter, position: 'perCall' as const }],
  };
  const tables = tablesOf(
    TableServiceClient.fromConnectionString(connectionString, options),
    (name) => TableClient.fromConnectionString(connectionString, name, options),
    prefix,
  );
  /** Holds back the answer to the next request whose URL matches; resolves once it is held. */
  const hold = (match: RegExp) =>
    new Promise<void>((resolve) => {
      gate.match = match;
      gate.held = resolve;
    });
  const release = () => gate.release!();
  return { tables, requests, hold, release, prefix };
}

const at = (iso: string) => new Date(iso);
const job = (id: string, dueAt: string): DueJob => ({ id, kind: 'test', dueAt: at(dueAt), payload: { id } });
const isQuery = (r: { method: string; url: string }) => r.method === 'GET' && !/\(PartitionKey=/.test(r.url);

describe('due jobs in Table storage', () => {
  it('answers an idle tick with one point read, however many future jobs are stored', async () => {
    const { tables, requests } = countedTables();
    const jobs = createTableDueJobs(tables);
    for (let i = 0; i < 40; i++) await jobs.schedule(job(`future:${i}`, `2027-0${1 + (i % 9)}-01T08:00:00Z`));
    const now = at('2026-11-23T08:00:00Z');
    expect(await jobs.due(now, 100)).toEqual([]);

    requests.length = 0;
    expect(await jobs.due(now, 100)).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests.filter(isQuery)).toHaveLength(0);
  });

  it('finds a job scheduled earlier than every stored one on the next tick', async () => {
    const { tables } = countedTables();
    const jobs = createTableDueJobs(tables);
    await jobs.schedule(job('late', '2027-01-01T08:00:00Z'));
    expect(await jobs.due(at('2026-11-23T08:00:00Z'), 10)).toEqual([]);

    await jobs.schedule(job('soon', '2026-11-23T08:05:00Z'));
    expect(await jobs.due(at('2026-11-23T08:04:00Z'), 10)).toEqual([]);
    expect((await jobs.due(at('2026-11-23T08:05:00Z'), 10)).map((j) => j.id)).toEqual(['soon']);
  });

  it('moves a job instead of keeping two, and forgets it once done or cancelled', async () => {
    const { tables } = countedTables();
    const jobs = createTableDueJobs(tables);
    await jobs.schedule(job('a', '2026-12-01T08:00:00Z'));
    await jobs.schedule(job('a', '2026-11-30T08:00:00Z'));
    await jobs.schedule(job('b', '2026-11-30T09:00:00Z'));
    expect((await jobs.list('')).map((j) => [j.id, j.dueAt.toISOString()])).toEqual([
      ['a', '2026-11-30T08:00:00.000Z'],
      ['b', '2026-11-30T09:00:00.000Z'],
    ]);

    const due = await jobs.due(at('2026-12-02T00:00:00Z'), 10);
    expect(due.map((j) => j.id)).toEqual(['a', 'b']);
    await jobs.done(due[0]!);
    await jobs.cancel('b');
    expect(await jobs.get('a')).toBeUndefined();
    expect(await jobs.get('b')).toBeUndefined();
    expect(await jobs.due(at('2026-12-02T00:00:00Z'), 10)).toEqual([]);

    await jobs.schedule(job('a', '2026-12-24T08:00:00Z'));
    expect((await jobs.get('a'))?.dueAt.toISOString()).toBe('2026-12-24T08:00:00.000Z');
  });

  it('creates a job scheduled for the first time in one transaction, and still moves it when that hint was wrong', async () => {
    const { tables, requests } = countedTables();
    const jobs = createTableDueJobs(tables);
    await jobs.schedule(job('warm-up', '2027-01-01T08:00:00Z'));
    expect(await jobs.due(at('2026-11-23T08:00:00Z'), 10)).toEqual([]);

    requests.length = 0;
    await jobs.schedule(job('fresh', '2026-12-01T08:00:00Z'), { firstTime: true });
    // The transaction, then the watermark read and lowered; no read of the job's index row before.
    expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'PUT']);

    await jobs.schedule(job('fresh', '2026-11-30T08:00:00Z'), { firstTime: true });
    expect((await jobs.list('')).map((j) => [j.id, j.dueAt.toISOString()])).toEqual([
      ['fresh', '2026-11-30T08:00:00.000Z'],
      ['warm-up', '2027-01-01T08:00:00.000Z'],
    ]);
    expect((await jobs.due(at('2026-12-02T00:00:00Z'), 10)).map((j) => j.id)).toEqual(['fresh']);
  });

  it('writes new jobs of a group scheduled at once in shared transactions, and every one runs once', async () => {
    const { tables, requests, hold, release } = countedTables();
    const jobs = createTableDueJobs(tables);
    await jobs.schedule(job('late', '2027-01-01T08:00:00Z'));
    expect(await jobs.due(at('2026-11-23T08:00:00Z'), 10)).toEqual([]);

    // The first job's transaction is held back while twenty more of its group are scheduled.
    requests.length = 0;
    const held = hold(/\$batch/);
    const ids = Array.from({ length: 21 }, (_, i) => `@burst/unit-${i}`);
    const first = jobs.schedule(job(ids[0]!, '2026-11-23T09:00:00Z'), { firstTime: true });
    await held;
    const others = ids
      .slice(1)
      .map((id) => jobs.schedule(job(id, '2026-11-23T09:00:00Z'), { firstTime: true }));
    release();
    await Promise.all([first, ...others]);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2);

    const due = await jobs.due(at('2026-11-23T09:00:00Z'), 100);
    expect(due.map((j) => j.id).sort()).toEqual([...ids].sort());
    for (const j of due) await jobs.done(j);
    expect(await jobs.due(at('2026-11-23T09:00:00Z'), 100)).toEqual([]);
  });

  it('stores each job of a group on its own when one of them existed, and leaves no stray row', async () => {
    const { tables, hold, release } = countedTables();
    const jobs = createTableDueJobs(tables);
    await jobs.schedule(job('@burst/known', '2026-11-30T08:00:00Z'));
    const held = hold(/\$batch/);
    const first = jobs.schedule(job('@burst/a', '2026-11-23T09:00:00Z'), { firstTime: true });
    await held;
    // A wrong hint in the same transaction as two new jobs: the transaction fails as a whole.
    const rest = [
      jobs.schedule(job('@burst/known', '2026-11-23T09:30:00Z'), { firstTime: true }),
      jobs.schedule(job('@burst/b', '2026-11-23T09:00:00Z'), { firstTime: true }),
      jobs.schedule(job('@burst/b', '2026-11-23T09:15:00Z'), { firstTime: true }),
    ];
    release();
    await Promise.all([first, ...rest]);
    // One row per job (no stray queue row); of two schedules of `b` at once, either may win.
    const stored = await jobs.list('');
    expect(stored.map((j) => j.id)).toEqual(['@burst/a', '@burst/b', '@burst/known']);
    expect(stored.map((j) => j.dueAt.toISOString())).toEqual([
      '2026-11-23T09:00:00.000Z',
      expect.stringMatching(/^2026-11-23T09:(00|15):00\.000Z$/),
      '2026-11-23T09:30:00.000Z',
    ]);
  });

  it('lowers the watermark for jobs scheduled at once with fewer reads, and finds the earliest of them', async () => {
    const { tables, requests, hold, release } = countedTables();
    const jobs = createTableDueJobs(tables);
    await jobs.schedule(job('late', '2027-01-01T08:00:00Z'));
    expect(await jobs.due(at('2026-11-23T08:00:00Z'), 10)).toEqual([]);

    // The first job's read of the watermark is held back while two more jobs are stored.
    requests.length = 0;
    const held = hold(/state.*watermark/);
    const first = jobs.schedule(job('first', '2026-11-23T09:00:00Z'));
    await held;
    const others = [
      jobs.schedule(job('second', '2026-11-23T08:30:00Z')),
      jobs.schedule(job('third', '2026-11-23T08:45:00Z')),
    ];
    // Both are stored before the held read answers, and wait for the next one.
    await expect.poll(() => requests.filter((r) => r.method === 'POST').length).toBe(3);
    release();
    await Promise.all([first, ...others]);
    expect(
      requests.filter((r) => r.method === 'GET' && /watermark/.test(decodeURIComponent(r.url))),
    ).toHaveLength(2);

    expect(await jobs.due(at('2026-11-23T08:29:00Z'), 10)).toEqual([]);
    expect((await jobs.due(at('2026-11-23T08:30:00Z'), 10)).map((j) => j.id)).toEqual(['second']);
  });

  it('does not run a job whose run was overtaken by a move', async () => {
    const { tables } = countedTables();
    const jobs = createTableDueJobs(tables);
    await jobs.schedule(job('moved', '2026-11-23T08:00:00Z'));
    const [running] = await jobs.due(at('2026-11-23T08:00:00Z'), 10);
    await jobs.schedule(job('moved', '2026-11-30T08:00:00Z'));
    await jobs.done(running!);
    expect((await jobs.get('moved'))?.dueAt.toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });

  it('loses no job scheduled while ticks race to move the watermark', async () => {
    const { tables } = countedTables();
    const jobs = createTableDueJobs(tables);
    const other = createTableDueJobs(tables);
    let now = at('2026-11-23T08:00:00Z');
    const seen = new Set<string>();
    const tick = async (store: typeof jobs) => {
      for (const j of await store.due(now, 50)) {
        seen.add(j.id);
        await store.done(j);
      }
    };
    const scheduled: string[] = [];
    for (let round = 0; round < 6; round++) {
      // Jobs due within the next minute, scheduled while two instances tick at once.
      const batch = Array.from({ length: 5 }, (_, i) => `r${round}:${i}`);
      scheduled.push(...batch);
      await Promise.all([
        tick(jobs),
        tick(other),
        ...batch.map((id, i) =>
          jobs.schedule(job(id, new Date(now.getTime() + 1000 * (i + 1)).toISOString())),
        ),
        tick(jobs),
      ]);
      now = new Date(now.getTime() + 60_000);
      await tick(jobs);
      await tick(other);
    }
    expect([...seen].sort()).toEqual(scheduled.sort());
  });

  it('keeps a job scheduled while a tick is looking for the earliest job', async () => {
    const ticking = countedTables();
    const scheduling = countedTables(ticking.prefix);
    const jobs = createTableDueJobs(ticking.tables);
    const other = createTableDueJobs(scheduling.tables);
    const now = at('2026-11-23T08:00:00Z');
    await other.schedule(job('next-year', '2027-11-23T08:00:00Z'));
    expect(await jobs.due(now, 10)).toEqual([]);
    await other.schedule(job('due', '2026-11-23T07:59:00Z'));
    const [due] = await jobs.due(now, 10);
    await jobs.done(due!);

    // The tick finds nothing due and looks for the earliest pending job; its answer is held back
    // while another instance schedules a job for 08:00:30.
    const held = ticking.hold(/ lt 'q}'/);
    const tick = jobs.due(now, 10);
    await held;
    await other.schedule(job('soon', '2026-11-23T08:00:30Z'));
    ticking.release();
    expect(await tick).toEqual([]);

    expect((await jobs.due(at('2026-11-23T08:00:30Z'), 10)).map((j) => j.id)).toEqual(['soon']);
  });

  it('sees bulk-loaded jobs once the watermark is forgotten', async () => {
    const { tables } = countedTables();
    const jobs = createTableDueJobs(tables);
    await jobs.schedule(job('known', '2027-01-01T08:00:00Z'));
    expect(await jobs.due(at('2026-11-23T08:00:00Z'), 10)).toEqual([]);
    const client = await tables.table(DUE_JOBS_TABLE);
    for (const row of dueJobRows(job('loaded', '2026-11-23T07:00:00Z'))) await client.createEntity(row);
    await forgetWatermark(tables);
    expect((await jobs.due(at('2026-11-23T08:00:00Z'), 10)).map((j) => j.id)).toEqual(['loaded']);
  });

  it('moves jobs stored in the old single partition into their buckets', async () => {
    const { tables } = countedTables();
    const client = await tables.table(DUE_JOBS_TABLE);
    const dueAt = '2026-11-23T07:00:00.000Z';
    await client.createEntity({
      partitionKey: 'jobs',
      rowKey: `q|${dueAt}|old`,
      id: 'old',
      kind: 'test',
      dueAt,
      payload: '{"x":1}',
      attempts: 0,
    });
    await client.createEntity({ partitionKey: 'jobs', rowKey: 'i|old', queueKey: `q|${dueAt}|old` });

    const jobs = createTableDueJobs(tables);
    const due = await jobs.due(at('2026-11-23T08:00:00Z'), 10);
    expect(due.map((j) => [j.id, j.payload])).toEqual([['old', { x: 1 }]]);
    const left = [];
    for await (const e of client.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'jobs'}` } }))
      left.push(e);
    expect(left).toEqual([]);
  });

  it('answers a query storage could not serve with a StorageError, as it does a point read', async () => {
    const proxy = await proxyStorage(inject('storageConnectionString'));
    try {
      const jobs = createTableDueJobs(tablesThrough(proxy, uniquePrefix()));
      await jobs.schedule(job('a', '2026-12-01T08:00:00Z'));
      proxy.cut();
      await expect(jobs.get('a')).rejects.toBeInstanceOf(StorageError);
      await expect(jobs.list('')).rejects.toBeInstanceOf(StorageError);
    } finally {
      await proxy.close();
    }
  });
});
