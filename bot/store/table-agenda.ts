import { odata, type TableEntity, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { AgendaItem } from '../domain/agenda/agenda-item.js';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { ConflictError } from '../domain/errors.js';
import type {
  AgendaPublication,
  AgendaRepository,
  ItemChange,
} from '../use-cases/agenda/agenda-repository.js';
import { agendaChanged, itemChanged } from '../use-cases/agenda/stale.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const ITEMS = 'agendaitems';
const PUBLICATIONS = 'agendapublications';
/** Most operations one Azure Tables transaction takes. */
const TRANSACTION_LIMIT = 100;

type Json = TableEntity<{ json: string }>;

const lost = (status: number | undefined) => status === 409 || status === 412 || status === 404;

/**
 * Agenda items partitioned by meeting, so one meeting's items are one partition read and can
 * change together in one transaction. Items and publications are replaced only under the ETag
 * they were read with.
 */
export function createTableAgenda(tables: Tables): AgendaRepository {
  const meetingKey = (planKey: string, eventId: string) => encodeKey(`${planKey}|${eventId}`);
  // ETags of what `items` and `publication` handed out, so a write needs no second read.
  const etags = new WeakMap<object, string>();
  const parseItem = (e: TableEntityResult<{ json: string }>): AgendaItem => {
    // Items stored before versions existed are version 1.
    const item = { version: 1, ...(JSON.parse(e.json) as Partial<AgendaItem>) } as AgendaItem;
    etags.set(item, e.etag);
    return item;
  };
  const itemEntity = (item: AgendaItem) => ({
    partitionKey: meetingKey(item.planKey, item.eventId),
    rowKey: item.id,
    json: JSON.stringify(item),
  });
  /** The ETag `before` was read with; for an item not read through `items`, the stored one if unchanged. */
  const etagOf = async (before: AgendaItem): Promise<string> => {
    const known = etags.get(before);
    if (known) return known;
    const client = await tables.table(ITEMS);
    try {
      const stored = parseItem(
        await client.getEntity<Json>(meetingKey(before.planKey, before.eventId), before.id),
      );
      if (stored.version !== before.version) throw itemChanged();
      return etags.get(stored)!;
    } catch (error) {
      if (error instanceof ConflictError) throw error;
      if (statusOf(error) === 404) throw itemChanged(error);
      throw toStoreError(error, 'saken');
    }
  };
  return {
    async items(planKey, eventId) {
      const client = await tables.table(ITEMS);
      const out: AgendaItem[] = [];
      try {
        const filter = odata`PartitionKey eq ${meetingKey(planKey, eventId)}`;
        for await (const e of client.listEntities<Json>({ queryOptions: { filter } })) out.push(parseItem(e));
      } catch (error) {
        throw toStoreError(error, 'sakene');
      }
      return out.sort((a, b) => a.order - b.order);
    },
    async addItem(item) {
      const client = await tables.table(ITEMS);
      try {
        await client.createEntity<Json>(itemEntity(item));
      } catch (error) {
        if (lost(statusOf(error))) throw itemChanged(error);
        throw toStoreError(error, 'saken');
      }
    },
    async updateItems(changes: readonly ItemChange[]) {
      if (changes.length === 0) return;
      const client = await tables.table(ITEMS);
      const actions: TransactionAction[] = [];
      for (const { before, after } of changes)
        actions.push(['update', itemEntity(after), 'Replace', { etag: await etagOf(before) }]);
      try {
        if (actions.length === 1) {
          const [, entity, mode, options] = actions[0] as ['update', Json, 'Replace', { etag: string }];
          await client.updateEntity(entity, mode, options);
        } else {
          // One meeting is one partition, so its changes go as one transaction: all or none.
          // A meeting with more items than one transaction takes is changed chunk by chunk.
          for (let i = 0; i < actions.length; i += TRANSACTION_LIMIT)
            await client.submitTransaction(actions.slice(i, i + TRANSACTION_LIMIT));
        }
      } catch (error) {
        if (lost(statusOf(error))) throw itemChanged(error);
        throw toStoreError(error, 'saken');
      }
    },
    async publication(planKey, eventId) {
      const client = await tables.table(PUBLICATIONS);
      try {
        const e = await client.getEntity<Json>(meetingKey(planKey, eventId), 'p');
        const publication = JSON.parse(e.json) as AgendaPublication;
        etags.set(publication, e.etag);
        return publication;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'sakslisten');
      }
    },
    async savePublication(publication, before) {
      const client = await tables.table(PUBLICATIONS);
      const entity = {
        partitionKey: meetingKey(publication.planKey, publication.eventId),
        rowKey: 'p',
        json: JSON.stringify(publication),
      };
      try {
        if (before) {
          const etag = etags.get(before);
          if (!etag) throw agendaChanged();
          await client.updateEntity<Json>(entity, 'Replace', { etag });
        } else await client.createEntity<Json>(entity);
      } catch (error) {
        if (error instanceof ConflictError) throw error;
        if (lost(statusOf(error))) throw agendaChanged(error);
        throw toStoreError(error, 'sakslisten');
      }
    },
  };
}
