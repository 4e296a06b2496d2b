import type { TableEntity, TransactionAction } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { DueJob, DueJobs } from '../use-cases/due-jobs.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

/**
 * Due jobs in Azure Tables. The queue partition is ordered by row key `<due ISO time>|<id>`, so a
 * tick reads a key range that ends at "now" and costs in proportion to what is due, however many
 * future jobs are stored. An index row per id (same partition, so moves are one transaction)
 * finds a job again to move or cancel it.
 */
const TABLE = 'duejobs';
const PARTITION = 'jobs';

type JobEntity = TableEntity<{ id: string; kind: string; dueAt: string; payload: string; attempts: number }>;
type IndexEntity = TableEntity<{ queueKey: string }>;

const queueKey = (job: Pick<DueJob, 'id' | 'dueAt'>) => `q|${job.dueAt.toISOString()}|${encodeKey(job.id)}`;
const indexKey = (id: string) => `i|${encodeKey(id)}`;

/** The rows one new job is stored as (queue row and index row), for bulk loading in tools. */
export function dueJobRows(job: DueJob): TableEntity<Record<string, unknown>>[] {
  return [
    {
      partitionKey: PARTITION,
      rowKey: queueKey(job),
      id: job.id,
      kind: job.kind,
      dueAt: job.dueAt.toISOString(),
      payload: JSON.stringify(job.payload),
      attempts: job.attempts ?? 0,
    },
    { partitionKey: PARTITION, rowKey: indexKey(job.id), queueKey: queueKey(job) },
  ];
}

export const DUE_JOBS_TABLE = TABLE;

export function createTableDueJobs(tables: Tables): DueJobs {
  const toJob = (e: JobEntity): DueJob => ({
    id: e.id,
    kind: e.kind,
    dueAt: new Date(e.dueAt),
    payload: JSON.parse(e.payload) as Record<string, unknown>,
    attempts: e.attempts,
  });

  const indexOf = async (id: string): Promise<IndexEntity | undefined> => {
    const client = await tables.table(TABLE);
    try {
      return await client.getEntity<IndexEntity>(PARTITION, indexKey(id));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw toStoreError(error, 'planlagte jobber');
    }
  };

  const list = async (filter: string): Promise<DueJob[]> => {
    const client = await tables.table(TABLE);
    const out: DueJob[] = [];
    try {
      for await (const e of client.listEntities<JobEntity>({ queryOptions: { filter } })) out.push(toJob(e));
    } catch (error) {
      throw toStoreError(error, 'planlagte jobber');
    }
    return out;
  };

  return {
    async schedule(job) {
      const client = await tables.table(TABLE);
      const index = await indexOf(job.id);
      const key = queueKey(job);
      const entity: JobEntity = {
        partitionKey: PARTITION,
        rowKey: key,
        id: job.id,
        kind: job.kind,
        dueAt: job.dueAt.toISOString(),
        payload: JSON.stringify(job.payload),
        attempts: job.attempts ?? 0,
      };
      const actions: TransactionAction[] = [
        ['upsert', entity, 'Replace'],
        ['upsert', { partitionKey: PARTITION, rowKey: indexKey(job.id), queueKey: key }, 'Replace'],
      ];
      if (index && index.queueKey !== key)
        actions.push(['delete', { partitionKey: PARTITION, rowKey: index.queueKey }]);
      try {
        await client.submitTransaction(actions);
      } catch (error) {
        throw toStoreError(error, `jobben ${job.id}`);
      }
    },
    async cancel(id) {
      const index = await indexOf(id);
      if (!index) return;
      const client = await tables.table(TABLE);
      try {
        await client.submitTransaction([
          ['delete', { partitionKey: PARTITION, rowKey: index.queueKey }],
          ['delete', { partitionKey: PARTITION, rowKey: indexKey(id) }],
        ]);
      } catch (error) {
        if (statusOf(error) === 404) return;
        throw toStoreError(error, `jobben ${id}`);
      }
    },
    async get(id) {
      const index = await indexOf(id);
      if (!index) return undefined;
      const client = await tables.table(TABLE);
      try {
        return toJob(await client.getEntity<JobEntity>(PARTITION, index.queueKey));
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, `jobben ${id}`);
      }
    },
    async due(now, limit) {
      const client = await tables.table(TABLE);
      const filter = `PartitionKey eq '${PARTITION}' and RowKey ge 'q|' and RowKey le 'q|${now.toISOString()}|~'`;
      const out: DueJob[] = [];
      try {
        for await (const page of client
          .listEntities<JobEntity>({ queryOptions: { filter } })
          .byPage({ maxPageSize: limit })) {
          for (const e of page) {
            out.push(toJob(e));
            if (out.length >= limit) return out;
          }
        }
      } catch (error) {
        throw toStoreError(error, 'planlagte jobber');
      }
      return out;
    },
    async done(job) {
      const client = await tables.table(TABLE);
      const index = await indexOf(job.id);
      const actions: TransactionAction[] = [['delete', { partitionKey: PARTITION, rowKey: queueKey(job) }]];
      // Only drop the index if it still points here; the job may have been moved meanwhile.
      if (index?.queueKey === queueKey(job))
        actions.push(['delete', { partitionKey: PARTITION, rowKey: indexKey(job.id) }]);
      try {
        await client.submitTransaction(actions);
      } catch (error) {
        if (statusOf(error) === 404) return;
        throw toStoreError(error, `jobben ${job.id}`);
      }
    },
    list: (prefix) =>
      list(`PartitionKey eq '${PARTITION}' and RowKey ge 'q|' and RowKey lt 'q}'`).then((jobs) =>
        jobs.filter((job) => job.id.startsWith(prefix)),
      ),
  };
}
