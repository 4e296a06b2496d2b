import { odata, type TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { Acknowledgements } from '../use-cases/reminders/acknowledgements.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

type AckEntity = TableEntity<{ at: string }>;

/** One row per (message, person): created once, so pressing "Lest" again changes nothing. */
export function createTableAcknowledgements(tables: Tables): Acknowledgements {
  const when = async (messageId: string, aadObjectId: string) => {
    const client = await tables.table('acks');
    try {
      return (await client.getEntity<AckEntity>(encodeKey(messageId), aadObjectId.toLowerCase())).at;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw toStoreError(error, 'kvitteringen');
    }
  };
  return {
    async add(messageId, aadObjectId, at) {
      const client = await tables.table('acks');
      try {
        await client.createEntity<AckEntity>({
          partitionKey: encodeKey(messageId),
          rowKey: aadObjectId.toLowerCase(),
          at: at.toISOString(),
        });
        return { first: true, at: at.toISOString() };
      } catch (error) {
        if (statusOf(error) !== 409) throw toStoreError(error, 'kvitteringen');
        return { first: false, at: (await when(messageId, aadObjectId)) ?? at.toISOString() };
      }
    },
    async count(messageId) {
      const client = await tables.table('acks');
      let n = 0;
      try {
        const filter = odata`PartitionKey eq ${encodeKey(messageId)}`;
        for await (const row of client.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
          n += row ? 1 : 0;
      } catch (error) {
        throw toStoreError(error, 'kvitteringene');
      }
      return n;
    },
    when,
    async list(messageId) {
      const client = await tables.table('acks');
      const rows: { aadObjectId: string; at: string }[] = [];
      try {
        const filter = odata`PartitionKey eq ${encodeKey(messageId)}`;
        for await (const row of client.listEntities<AckEntity>({ queryOptions: { filter } }))
          rows.push({ aadObjectId: row.rowKey!, at: row.at });
      } catch (error) {
        throw toStoreError(error, 'kvitteringene');
      }
      return rows.sort((a, b) => a.at.localeCompare(b.at));
    },
  };
}
