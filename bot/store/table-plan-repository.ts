import { createHash } from 'node:crypto';
import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { PlanFile } from '../domain/plan/plan-schema.js';
import type { Logger } from '../log/logger.js';
import type { PlanRepository, SavePlanResult, StoredPlanInfo } from '../use-cases/plan-repository.js';
import { planKey } from '../use-cases/plan-repository.js';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';
import { BoundedCache } from '../platform/bounded-cache.js';

/** Plan revisions kept parsed in memory (a plan is a few hundred KB at most). */
const PLAN_REVISIONS_CACHED = 4;

/**
 * Plans in Azure Tables. Each revision is written, immutable, to its own partition of
 * `planrows` (one row per entry, in file order); the row in `plans` points at the current
 * revision and is swapped under its ETag. So a save is atomic for readers, a crash mid-write
 * leaves only an unreferenced partition, and an identical re-import writes nothing.
 */
const POINTERS = 'plans';
const ROWS = 'planrows';
const POINTER_PARTITION = 'plan';
const SECTIONS = [
  'roles',
  'programmes',
  'units',
  'themes',
  'futurePictures',
  'periodTasks',
  'calendar',
  'goals',
  'milestones',
] as const;
const BATCH = 100;

interface PointerEntity {
  partitionKey: string;
  rowKey: string;
  id: string;
  title: string;
  schoolYear: string;
  rolledFrom?: string;
  revision: string;
  importedAt: string;
}

type RowEntity = TableEntity<{ body: string }>;

export function createTablePlanRepository(tables: Tables, logger: Logger): PlanRepository {
  // A plan revision never changes, but every import makes a new one: keep the last few.
  const cache = new BoundedCache<string, PlanFile>(PLAN_REVISIONS_CACHED);

  const list = async (): Promise<StoredPlanInfo[]> => {
    const pointers = await tables.table(POINTERS);
    const out: StoredPlanInfo[] = [];
    try {
      const filter = odata`PartitionKey eq ${POINTER_PARTITION}`;
      for await (const entity of pointers.listEntities<PointerEntity>({ queryOptions: { filter } })) {
        out.push(toInfo(entity));
      }
    } catch (error) {
      throw toStoreError(error, 'planoversikten');
    }
    return out;
  };

  const readPointer = async (key: string): Promise<StoredPlanInfo | undefined> => {
    const pointers = await tables.table(POINTERS);
    try {
      // Plan keys are slugs (`id.2026-2027`), which encoding leaves as they are; any other key
      // someone sent cannot change the URL read.
      return toInfo(await pointers.getEntity<PointerEntity>(POINTER_PARTITION, encodeKey(key)));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw toStoreError(error, `planen ${key}`);
    }
  };

  const load = async (key: string) => {
    const info = await readPointer(key);
    if (!info) return undefined;
    const partition = revisionPartition(key, info.revision);
    let plan = cache.get(partition);
    if (!plan) {
      plan = await readRevision(await tables.table(ROWS), partition);
      cache.set(partition, plan);
    }
    return { info, plan };
  };

  const save = async (
    plan: PlanFile,
    meta: { rolledFrom?: string; importedAt: Date },
  ): Promise<SavePlanResult> => {
    const key = planKey(plan);
    const revision = revisionOf(plan);
    const current = await readPointer(key);
    if (current?.revision === revision) return { changed: false, info: current };

    const rows = await tables.table(ROWS);
    const partition = revisionPartition(key, revision);
    await writeRevision(rows, partition, plan);

    const pointers = await tables.table(POINTERS);
    const entity: PointerEntity = {
      partitionKey: POINTER_PARTITION,
      rowKey: key,
      id: plan.id,
      title: plan.title,
      schoolYear: plan.schoolYear,
      revision,
      importedAt: meta.importedAt.toISOString(),
      ...(meta.rolledFrom ? { rolledFrom: meta.rolledFrom } : {}),
    };
    let etag: string | undefined;
    try {
      const response = current
        ? await pointers.updateEntity(entity, 'Replace', { etag: current.etag })
        : await pointers.createEntity(entity);
      etag = response.etag;
    } catch (error) {
      throw toStoreError(error, `planen ${key}`);
    }
    cache.set(partition, plan);
    if (current) await dropRevision(rows, revisionPartition(key, current.revision), logger);
    return { changed: true, info: toInfo({ ...entity, etag: etag ?? '' }) };
  };

  return { list, load, save };
}

function toInfo(entity: PointerEntity & { etag?: string }): StoredPlanInfo {
  return {
    key: entity.rowKey,
    id: entity.id,
    title: entity.title,
    schoolYear: entity.schoolYear,
    rolledFrom: entity.rolledFrom,
    revision: entity.revision,
    importedAt: entity.importedAt,
    etag: entity.etag ?? '',
  };
}

function revisionOf(plan: PlanFile): string {
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 20);
}

function revisionPartition(key: string, revision: string): string {
  return `${key}~${revision}`;
}

function rowsOf(plan: PlanFile, partitionKey: string): RowEntity[] {
  const header: Record<string, unknown> = { ...plan };
  for (const section of SECTIONS) delete header[section];
  const rows: RowEntity[] = [{ partitionKey, rowKey: 'header', body: JSON.stringify(header) }];
  for (const section of SECTIONS) {
    plan[section].forEach((entry, index) => {
      rows.push({
        partitionKey,
        rowKey: `${section}:${String(index).padStart(5, '0')}`,
        body: JSON.stringify(entry),
      });
    });
  }
  return rows;
}

async function writeRevision(rows: TableClient, partition: string, plan: PlanFile): Promise<void> {
  const entities = rowsOf(plan, partition);
  try {
    for (let i = 0; i < entities.length; i += BATCH) {
      // Upsert: a crashed earlier attempt may have left some of these same rows.
      const actions: TransactionAction[] = entities
        .slice(i, i + BATCH)
        .map((entity) => ['upsert', entity, 'Replace']);
      await rows.submitTransaction(actions);
    }
  } catch (error) {
    throw toStoreError(error, 'lagring av planen');
  }
}

async function readRevision(rows: TableClient, partition: string): Promise<PlanFile> {
  const plan: Record<string, unknown> = Object.fromEntries(SECTIONS.map((section) => [section, []]));
  try {
    const filter = odata`PartitionKey eq ${partition}`;
    for await (const row of rows.listEntities<RowEntity>({ queryOptions: { filter } })) {
      const body: unknown = JSON.parse(row.body);
      if (row.rowKey === 'header') Object.assign(plan, body);
      else (plan[row.rowKey.slice(0, row.rowKey.indexOf(':'))] as unknown[]).push(body);
    }
  } catch (error) {
    throw toStoreError(error, 'lesing av planen');
  }
  // Rows come back ordered by row key, which keeps each section in file order.
  return plan as unknown as PlanFile;
}

async function dropRevision(rows: TableClient, partition: string, logger: Logger): Promise<void> {
  try {
    const filter = odata`PartitionKey eq ${partition}`;
    const keys: TransactionAction[] = [];
    for await (const row of rows.listEntities<RowEntity>({ queryOptions: { filter, select: ['RowKey'] } })) {
      keys.push(['delete', { partitionKey: partition, rowKey: row.rowKey }]);
    }
    for (let i = 0; i < keys.length; i += BATCH) await rows.submitTransaction(keys.slice(i, i + BATCH));
  } catch (error) {
    // The new revision is already current; an old partition left behind is unreferenced garbage.
    logger.warn('could not remove a superseded plan revision', { partition, error });
  }
}
