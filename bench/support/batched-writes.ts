import type { TableClient, TableEntity, TransactionAction, UpdateMode } from '@azure/data-tables';
import type { Clock } from '../../bot/domain/clock.js';
import { createTableInstallations } from '../../bot/store/table-installations.js';
import { createTableLanguagePreferences } from '../../bot/store/table-language-preferences.js';
import { createTableLinks } from '../../bot/store/table-links.js';
import { createTableNotificationChoices } from '../../bot/store/table-notification-choices.js';
import { createTableOutbox } from '../../bot/store/table-outbox.js';
import { createTablePeopleRepository } from '../../bot/store/table-people-repository.js';
import { createTableReportCampaigns } from '../../bot/store/table-report-campaigns.js';
import { createTableUnitPlans } from '../../bot/store/table-reports.js';
import type { Tables } from '../../bot/store/table-service.js';
import { pool } from './pool.js';

type Entity = TableEntity<Record<string, unknown>>;
/** One row's write as it will be sent: create, upsert or update (no ETag: the world is new). */
type Write = { kind: 'create' } | { kind: 'upsert' | 'update'; mode: UpdateMode };

/** Entity-group transactions take at most 100 rows and 4 MiB; stay well under the size. */
const BATCH_ROWS = 100;
const BATCH_CHARS = 2_000_000;
const WIDTH = 8;

/** Storage's answer to a write that was only buffered. */
const accepted = { etag: 'W/"seed"' };

/**
 * Storage for seeding a bench's world through the app's own stores (so the rows are exactly what
 * they write), with the writes buffered and sent by `flush` as entity-group transactions of up to
 * 100 rows of one partition, instead of a round trip a row. Seeding 20,000 people one row at a
 * time took more than 25 minutes on the loaded machine.
 *
 * The world is new: a point read answers from the buffer, else «not found» without asking
 * storage (stores read before they write, e.g. the index's version check). Queries go to storage
 * and see only what was flushed. Two writes of the same row are joined (a person's language and
 * notification choice share a row); deleting a row created in the batch drops it (a delivery
 * settled before it was sent), any other delete is refused.
 */
export function batchedWrites(storage: Tables): { tables: Tables; flush(): Promise<number> } {
  const pending = new Map<string, { table: string; entity: Entity; write: Write }>();
  const keyOf = (table: string, e: Entity) => `${table}\u0000${e.partitionKey}\u0000${e.rowKey}`;

  const record = (table: string, entity: Entity, write: Write) => {
    const key = keyOf(table, entity);
    const before = pending.get(key);
    if (!before) return void pending.set(key, { table, entity: { ...entity }, write });
    const merge = write.kind !== 'create' && write.mode === 'Merge';
    const joined = merge ? { ...before.entity, ...entity } : { ...entity };
    // A row created in this batch stays a create; else a merge onto a merge stays a merge.
    const kind: Write =
      before.write.kind === 'create'
        ? { kind: 'create' }
        : { kind: 'upsert', mode: merge && before.write.mode === 'Merge' ? 'Merge' : 'Replace' };
    pending.set(key, { table, entity: joined, write: kind });
  };

  const clients = new Map<string, Promise<TableClient>>();
  const table = (name: string): Promise<TableClient> => {
    let client = clients.get(name);
    if (!client) {
      client = storage.table(name).then(
        (real) =>
          new Proxy(real, {
            get(target, property, receiver) {
              switch (property) {
                case 'createEntity':
                  return async (e: Entity) => (record(name, e, { kind: 'create' }), accepted);
                case 'upsertEntity':
                  return async (e: Entity, mode: UpdateMode = 'Merge') => (
                    record(name, e, { kind: 'upsert', mode }),
                    accepted
                  );
                case 'updateEntity':
                  return async (e: Entity, mode: UpdateMode = 'Merge') => (
                    record(name, e, { kind: 'update', mode }),
                    accepted
                  );
                case 'submitTransaction':
                  return async (actions: TransactionAction[]) => {
                    for (const [kind, e, mode] of actions) {
                      if (kind === 'delete') throw new Error('batchedWrites: a delete in a transaction is not buffered');
                      record(
                        name,
                        e as Entity,
                        kind === 'create' ? { kind } : { kind, mode: mode ?? 'Merge' },
                      );
                    }
                    return { status: 202, subResponses: [], getResponseForEntity: () => undefined };
                  };
                case 'deleteEntity':
                  // Only a row this batch created (a delivery's queue row, settled at once): it is never sent.
                  return async (pk: string, rk: string) => {
                    const key = `${name}\u0000${pk}\u0000${rk}`;
                    if (pending.get(key)?.write.kind !== 'create')
                      throw new Error('batchedWrites: only a row created in the batch can be deleted');
                    pending.delete(key);
                    return accepted;
                  };
                case 'getEntity':
                  return async (pk: string, rk: string) => {
                    const row = pending.get(`${name}\u0000${pk}\u0000${rk}`);
                    if (row) return { ...row.entity, ...accepted };
                    throw Object.assign(new Error('not found (a new world)'), { statusCode: 404 });
                  };
                default:
                  return Reflect.get(target, property, receiver) as unknown;
              }
            },
          }),
      );
      clients.set(name, client);
    }
    return client;
  };

  return {
    tables: { table, ping: () => storage.ping() },
    /** Sends what is buffered, one transaction per 100 rows of a partition; the number of transactions. */
    async flush() {
      const byPartition = new Map<string, { table: string; rows: { entity: Entity; write: Write }[] }>();
      for (const { table: name, entity, write } of pending.values()) {
        const key = `${name}\u0000${entity.partitionKey}`;
        const group = byPartition.get(key) ?? { table: name, rows: [] };
        group.rows.push({ entity, write });
        byPartition.set(key, group);
      }
      pending.clear();
      const batches: { table: string; actions: TransactionAction[] }[] = [];
      for (const { table: name, rows } of byPartition.values()) {
        let batch: TransactionAction[] = [];
        let chars = 0;
        for (const { entity, write } of rows) {
          const size = JSON.stringify(entity).length;
          if (batch.length === BATCH_ROWS || (batch.length > 0 && chars + size > BATCH_CHARS)) {
            batches.push({ table: name, actions: batch });
            [batch, chars] = [[], 0];
          }
          batch.push(write.kind === 'create' ? ['create', entity] : [write.kind, entity, write.mode]);
          chars += size;
        }
        if (batch.length > 0) batches.push({ table: name, actions: batch });
      }
      await pool(batches, WIDTH, async ({ table: name, actions }) =>
        (await storage.table(name)).submitTransaction(actions),
      );
      return batches.length;
    },
  };
}

/** The app's stores on buffered storage: what the benches seed their worlds through. */
export function seedStores(tables: Tables, clock: Clock) {
  const unitPlans = createTableUnitPlans(tables);
  return {
    people: createTablePeopleRepository(tables),
    registry: createTableInstallations(tables, clock),
    links: createTableLinks(tables),
    notifications: createTableNotificationChoices(tables, clock),
    languages: createTableLanguagePreferences(tables, clock),
    localPlans: unitPlans.localPlans,
    reports: unitPlans.reports,
    campaigns: createTableReportCampaigns(tables),
    outbox: createTableOutbox(tables, clock),
  };
}
