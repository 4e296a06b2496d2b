import { odata, type TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type {
  Acknowledgement,
  Broadcast,
  BroadcastRepository,
} from '../use-cases/broadcasts/broadcast-repository.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const BROADCASTS = 'broadcasts';
const ACKS = 'broadcastacks';
const PARTITION = 'b';

type Json = TableEntity<{ json: string }>;

/** Broadcasts in one partition (few, read as a list); acknowledgements partitioned by broadcast. */
export function createTableBroadcasts(tables: Tables): BroadcastRepository {
  return {
    async get(id) {
      const client = await tables.table(BROADCASTS);
      try {
        return JSON.parse((await client.getEntity<Json>(PARTITION, encodeKey(id))).json) as Broadcast;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'meldingen');
      }
    },
    async save(broadcast) {
      const client = await tables.table(BROADCASTS);
      try {
        await client.upsertEntity<Json>(
          { partitionKey: PARTITION, rowKey: encodeKey(broadcast.id), json: JSON.stringify(broadcast) },
          'Replace',
        );
      } catch (error) {
        throw toStoreError(error, 'meldingen');
      }
    },
    async list() {
      const client = await tables.table(BROADCASTS);
      const out: Broadcast[] = [];
      try {
        for await (const e of client.listEntities<Json>()) out.push(JSON.parse(e.json) as Broadcast);
      } catch (error) {
        throw toStoreError(error, 'meldingene');
      }
      return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async acknowledge(id, ack) {
      const client = await tables.table(ACKS);
      try {
        // The first "Lest" counts; pressing again changes nothing.
        await client.createEntity<Json>({
          partitionKey: encodeKey(id),
          rowKey: encodeKey(ack.aadObjectId),
          json: JSON.stringify(ack),
        });
      } catch (error) {
        if (statusOf(error) === 409) return;
        throw toStoreError(error, 'kvitteringen');
      }
    },
    async acknowledgements(id) {
      const client = await tables.table(ACKS);
      const out: Acknowledgement[] = [];
      try {
        const filter = odata`PartitionKey eq ${encodeKey(id)}`;
        for await (const e of client.listEntities<Json>({ queryOptions: { filter } }))
          out.push(JSON.parse(e.json) as Acknowledgement);
      } catch (error) {
        throw toStoreError(error, 'kvitteringene');
      }
      return out.sort((a, b) => a.at.localeCompare(b.at));
    },
  };
}
