import { createHash } from 'node:crypto';
import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { DueJob, DueJobs } from '../use-cases/due-jobs.js';
import { joinNext } from './join-next.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

/**
 * Due jobs in Azure Tables.
 *
 * Each job lives in one of a few bucket partitions chosen by a hash of its id, as a queue row
 * keyed `q|<due ISO time>|<id>` and an index row `i|<id>` pointing at it; being in one partition,
 * the two change together in one transaction. A tick first reads one small row, the *watermark*:
 * a time no pending job is due before. While that time lies ahead, the tick reads nothing else, so
 * an idle tick costs one point read however many jobs are stored. When it has passed, the tick
 * reads each bucket's key range up to now (cost in proportion to what is due) and, once nothing is
 * due, finds the earliest pending job and moves the watermark there.
 *
 * The watermark only ever moves up through `recompute`, guarded by ETags: it first marks the row
 * as being recomputed, then reads, then writes under the mark's ETag. Whoever schedules a job reads
 * the row after storing the job and, if the job is earlier or a recompute is under way, lowers it
 * (changing its ETag), so a recompute that could have missed the job fails to raise the watermark.
 */
const TABLE = 'duejobs';
const BUCKETS = 32;
const STATE: { partitionKey: string; rowKey: string } = { partitionKey: 'state', rowKey: 'watermark' };
/** Where jobs lived before they were spread over buckets; moved into buckets on first use. */
const LEGACY_PARTITION = 'jobs';
const QUEUE_FROM = 'q|';
const QUEUE_TO = 'q}';

type JobEntity = TableEntity<{ id: string; kind: string; dueAt: string; payload: string; attempts: number }>;
/** `queueKey` is '' once the job has run or was cancelled; the row stays as the anchor for ETags. */
type IndexEntity = TableEntity<{ queueKey: string }>;
/** `earliest` is an ISO time, or '' when no job is pending. */
type StateEntity = TableEntity<{ earliest: string; recomputing: boolean }>;

const queueKey = (job: Pick<DueJob, 'id' | 'dueAt'>) => `q|${job.dueAt.toISOString()}|${encodeKey(job.id)}`;
const indexKey = (id: string) => `i|${encodeKey(id)}`;
/** The index row of a job that is no longer pending. */
const cleared = (partitionKey: string, id: string): IndexEntity => ({
  partitionKey,
  rowKey: indexKey(id),
  queueKey: '',
});
const hashBucket = (key: string) =>
  `b${(createHash('sha256').update(key).digest().readUInt16BE(0) % BUCKETS).toString().padStart(2, '0')}`;
/** `@group/…`: a job of a group, kept in its group's bucket (see `schedule`). */
const groupOf = (id: string) => /^@([^/]+)\//.exec(id)?.[1];
const bucketOf = (id: string) => hashBucket(groupOf(id) ?? id);
/** A transaction takes at most 100 operations; a new job is two. */
const MAX_GROUP_BATCH = 50;
const allBuckets = Array.from({ length: BUCKETS }, (_, i) => `b${i.toString().padStart(2, '0')}`);

function jobEntity(job: DueJob): JobEntity {
  return {
    partitionKey: bucketOf(job.id),
    rowKey: queueKey(job),
    id: job.id,
    kind: job.kind,
    dueAt: job.dueAt.toISOString(),
    payload: JSON.stringify(job.payload),
    attempts: job.attempts ?? 0,
  };
}

/**
 * The rows one new job is stored as, for bulk loading in tools. Jobs loaded this way are only
 * seen by ticks once the watermark is recomputed: call `forgetWatermark` after loading.
 */
export function dueJobRows(job: DueJob): TableEntity<Record<string, unknown>>[] {
  const row = jobEntity(job);
  return [row, { partitionKey: row.partitionKey, rowKey: indexKey(job.id), queueKey: row.rowKey }];
}

export const DUE_JOBS_TABLE = TABLE;

/** Drops the watermark, so the next tick reads the queue and recomputes it (after bulk loads). */
export async function forgetWatermark(tables: Tables): Promise<void> {
  const client = await tables.table(TABLE);
  try {
    await client.deleteEntity(STATE.partitionKey, STATE.rowKey);
  } catch (error) {
    if (statusOf(error) !== 404) throw toStoreError(error, 'planlagte jobber');
  }
}

const toJob = (e: JobEntity): DueJob => ({
  id: e.id,
  kind: e.kind,
  dueAt: new Date(e.dueAt),
  payload: JSON.parse(e.payload) as Record<string, unknown>,
  attempts: e.attempts,
});

/** A partition's queue rows: all of them, or those up to the row key `last` (inclusive). */
function queueFilter(partition: string, last?: string): string {
  return last === undefined
    ? odata`PartitionKey eq ${partition} and RowKey ge ${QUEUE_FROM} and RowKey lt ${QUEUE_TO}`
    : odata`PartitionKey eq ${partition} and RowKey ge ${QUEUE_FROM} and RowKey le ${last}`;
}

async function readAll<T extends object>(
  client: TableClient,
  filter: string,
  limit = Infinity,
): Promise<T[]> {
  const out: T[] = [];
  const pageSize = Number.isFinite(limit) ? Math.min(limit, 1000) : 1000;
  try {
    for await (const page of client
      .listEntities<T>({ queryOptions: { filter } })
      .byPage({ maxPageSize: pageSize })) {
      for (const e of page) {
        out.push(e);
        if (out.length >= limit) return out;
      }
    }
  } catch (error) {
    throw toStoreError(error, 'planlagte jobber');
  }
  return out;
}

export function createTableDueJobs(tables: Tables): DueJobs {
  let migrated: Promise<void> | undefined;

  const client = async () => {
    const c = await tables.table(TABLE);
    migrated ??= migrateLegacy(c).catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    await migrated;
    return c;
  };

  const getOrUndefined = async <T extends object>(c: TableClient, pk: string, rk: string) => {
    try {
      return await c.getEntity<T>(pk, rk);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw toStoreError(error, 'planlagte jobber');
    }
  };

  /** Every bucket's queue rows up to `last` (all without it), each bucket read at most `limit`. */
  const queue = async (c: TableClient, last?: string, limit?: number) => {
    const pages = await Promise.all(
      allBuckets.map((b) => readAll<JobEntity>(c, queueFilter(b, last), limit ?? Infinity)),
    );
    return pages.flat().sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0));
  };

  /** After storing a job: make sure the watermark is not later than it (see the class comment). */
  const lowerWatermark = async (c: TableClient, dueAt: string) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const state = await getOrUndefined<StateEntity>(c, STATE.partitionKey, STATE.rowKey);
      // No watermark means "unknown": the next tick reads the queue anyway.
      if (!state) return;
      const earlier = state.earliest === '' || dueAt < state.earliest;
      if (!earlier && !state.recomputing) return;
      try {
        await c.updateEntity<StateEntity>(
          { ...STATE, earliest: earlier ? dueAt : state.earliest, recomputing: state.recomputing },
          'Replace',
          { etag: state.etag },
        );
        return;
      } catch (error) {
        if (statusOf(error) !== 412 && statusOf(error) !== 404) throw toStoreError(error, 'planlagte jobber');
      }
    }
    throw toStoreError({ statusCode: 412 }, 'planlagte jobber');
  };

  /** Moves the watermark to the earliest pending job; gives up quietly when someone interferes. */
  const recompute = async (c: TableClient, state: (StateEntity & { etag: string }) | undefined) => {
    let etag: string | undefined;
    try {
      const marked = { ...STATE, earliest: state?.earliest ?? '', recomputing: true };
      const response = state
        ? await c.updateEntity<StateEntity>(marked, 'Replace', { etag: state.etag })
        : await c.createEntity<StateEntity>(marked);
      etag = response.etag;
    } catch (error) {
      if ([404, 409, 412].includes(statusOf(error) ?? 0)) return;
      throw toStoreError(error, 'planlagte jobber');
    }
    const [first] = await queue(c, undefined, 1);
    try {
      await c.updateEntity<StateEntity>(
        { ...STATE, earliest: first?.dueAt ?? '', recomputing: false },
        'Replace',
        {
          etag,
        },
      );
    } catch (error) {
      if (statusOf(error) !== 412 && statusOf(error) !== 404) throw toStoreError(error, 'planlagte jobber');
    }
  };

  /**
   * Lowers the watermark for jobs already stored. Whoever comes while a read of the watermark is
   * under way waits for it and joins the next one, which starts after their jobs were stored, so
   * it covers them all (it lowers to the earliest); fifty jobs scheduled at once need a few reads.
   */
  const lowerInTurns = joinNext<{ c: TableClient; dueAt: string }, void>((batch) =>
    lowerWatermark(
      batch[0]!.c,
      batch.reduce((min, w) => (w.dueAt < min ? w.dueAt : min), batch[0]!.dueAt),
    ),
  );
  const lowerAfterStore = (c: TableClient, dueAt: string) => lowerInTurns('watermark', { c, dueAt });

  /** A new job's rows: its queue row and an index row created beside it. */
  const newRows = (job: DueJob): TransactionAction[] => {
    const row = jobEntity(job);
    return [
      ['upsert', row, 'Replace'],
      ['create', { partitionKey: row.partitionKey, rowKey: indexKey(job.id), queueKey: row.rowKey }],
    ];
  };

  /**
   * New jobs of one group scheduled at once are created in shared transactions: whoever comes
   * while one is under way joins the next. Resolves false when the job's transaction failed as a
   * whole (some job of it existed after all): nothing of it was written, and each job is then
   * stored on its own.
   */
  const createInGroup = joinNext<{ c: TableClient; job: DueJob }, boolean>(
    async (batch) => {
      try {
        await batch[0]!.c.submitTransaction(batch.flatMap((entry) => newRows(entry.job)));
        return true;
      } catch (error) {
        if (statusOf(error) === 409) return false;
        throw toStoreError(error, 'planlagte jobber');
      }
    },
    // The same job twice in one transaction would fail it; the second waits a turn.
    (batch, { job }) => batch.length < MAX_GROUP_BATCH && !batch.some((entry) => entry.job.id === job.id),
  );

  const store = async (c: TableClient, job: DueJob, firstTime: boolean) => {
    const partition = bucketOf(job.id);
    const row = jobEntity(job);
    if (firstTime && groupOf(job.id)) {
      if (await createInGroup(partition, { c, job })) return;
    } else if (firstTime) {
      // No index row to read yet: create it beside the queue row. If one exists after all, the
      // transaction fails as a whole (409) and the job is moved the usual way below.
      try {
        await c.submitTransaction(newRows(job));
        return;
      } catch (error) {
        if (statusOf(error) !== 409) throw toStoreError(error, `jobben ${job.id}`);
      }
    }
    for (let attempt = 0; attempt < 20; attempt++) {
      const index = await getOrUndefined<IndexEntity>(c, partition, indexKey(job.id));
      const pointer = { partitionKey: partition, rowKey: indexKey(job.id), queueKey: row.rowKey };
      const actions: TransactionAction[] = [['upsert', row, 'Replace']];
      // The index row's ETag makes two moves of the same job at once fail instead of leaving a
      // stray queue row behind.
      if (!index) actions.push(['create', pointer]);
      else {
        actions.push(['update', pointer, 'Replace', { etag: index.etag }]);
        if (index.queueKey && index.queueKey !== row.rowKey)
          actions.push(['delete', { partitionKey: partition, rowKey: index.queueKey }]);
      }
      try {
        await c.submitTransaction(actions);
        return;
      } catch (error) {
        if (![404, 409, 412].includes(statusOf(error) ?? 0)) throw toStoreError(error, `jobben ${job.id}`);
      }
    }
    throw toStoreError({ statusCode: 412 }, `jobben ${job.id}`);
  };

  /** Jobs stored before buckets existed move into their buckets once; safe to repeat. */
  const migrateLegacy = async (c: TableClient) => {
    const rows = await readAll<JobEntity>(c, queueFilter(LEGACY_PARTITION));
    for (const row of rows) {
      await store(c, toJob(row), false);
      await lowerWatermark(c, row.dueAt);
      for (const rowKey of [row.rowKey, indexKey(row.id)])
        await c.deleteEntity(LEGACY_PARTITION, rowKey).catch((error: unknown) => {
          if (statusOf(error) !== 404) throw toStoreError(error, `jobben ${row.id}`);
        });
    }
  };

  return {
    async schedule(job, hint) {
      const c = await client();
      await store(c, job, hint?.firstTime === true);
      await lowerAfterStore(c, job.dueAt.toISOString());
    },
    async cancel(id) {
      const c = await client();
      const partition = bucketOf(id);
      const index = await getOrUndefined<IndexEntity>(c, partition, indexKey(id));
      if (!index?.queueKey) return;
      try {
        await c.submitTransaction([
          ['delete', { partitionKey: partition, rowKey: index.queueKey }],
          ['update', cleared(partition, id), 'Replace', { etag: index.etag }],
        ]);
      } catch (error) {
        // Already run, cancelled or moved by someone else: what they did stands.
        if (statusOf(error) === 404 || statusOf(error) === 412) return;
        throw toStoreError(error, `jobben ${id}`);
      }
    },
    async get(id) {
      const c = await client();
      const index = await getOrUndefined<IndexEntity>(c, bucketOf(id), indexKey(id));
      if (!index?.queueKey) return undefined;
      const row = await getOrUndefined<JobEntity>(c, bucketOf(id), index.queueKey);
      return row && toJob(row);
    },
    async due(now, limit) {
      const c = await client();
      const state = await getOrUndefined<StateEntity>(c, STATE.partitionKey, STATE.rowKey);
      const until = now.toISOString();
      if (state && !state.recomputing && (state.earliest === '' || state.earliest > until)) return [];
      const due = await queue(c, `${QUEUE_FROM}${until}|~`, limit);
      if (due.length === 0) await recompute(c, state);
      return due.slice(0, limit).map(toJob);
    },
    async done(job) {
      const c = await client();
      const partition = bucketOf(job.id);
      for (let attempt = 0; attempt < 20; attempt++) {
        const index = await getOrUndefined<IndexEntity>(c, partition, indexKey(job.id));
        const actions: TransactionAction[] = [['delete', { partitionKey: partition, rowKey: queueKey(job) }]];
        // Only clear the index if it still points here; the job may have been moved meanwhile.
        if (index?.queueKey === queueKey(job))
          actions.push(['update', cleared(partition, job.id), 'Replace', { etag: index.etag }]);
        try {
          await c.submitTransaction(actions);
          return;
        } catch (error) {
          // 404: already gone (done elsewhere, or moved). 412: the index changed under us; look again.
          if (statusOf(error) === 404) return;
          if (statusOf(error) !== 412) throw toStoreError(error, `jobben ${job.id}`);
        }
      }
      throw toStoreError({ statusCode: 412 }, `jobben ${job.id}`);
    },
    async list(prefix) {
      const c = await client();
      const rows = await queue(c);
      return rows.map(toJob).filter((job) => job.id.startsWith(prefix));
    },
  };
}
