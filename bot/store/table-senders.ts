import { odata, type TableEntity } from '@azure/data-tables';
import type { SenderDirectory, SenderRow } from '../delivery/ports.js';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const PARTITION = 'senders';

type SenderEntity = TableEntity<{ senderId: string; lastSeen: string }>;

/**
 * The senders' heartbeat table: one small row per instance in one partition, so a heartbeat is an
 * upsert and one single-partition query (a few rows).
 */
export function createTableSenders(tables: Tables): SenderDirectory {
  const table = () => tables.table('senders');
  return {
    async beat(id, lastSeen) {
      try {
        const entity: SenderEntity = {
          partitionKey: PARTITION,
          rowKey: encodeKey(id),
          senderId: id,
          lastSeen: lastSeen.toISOString(),
        };
        await (await table()).upsertEntity(entity, 'Replace');
      } catch (error) {
        throw toStoreError(error, 'avsenderens livstegn');
      }
    },
    async list() {
      try {
        const rows: SenderRow[] = [];
        const entities = (await table()).listEntities<SenderEntity>({
          queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` },
        });
        for await (const entity of entities) {
          rows.push({ id: entity.senderId, lastSeen: new Date(entity.lastSeen), etag: entity.etag });
        }
        return rows;
      } catch (error) {
        throw toStoreError(error, 'avsendernes livstegn');
      }
    },
    async remove(id, etag) {
      try {
        await (await table()).deleteEntity(PARTITION, encodeKey(id), etag ? { etag } : undefined);
        return true;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 412) return false;
        throw toStoreError(error, 'avsenderens livstegn');
      }
    },
  };
}
