import { odata, type TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { parseTargetKey, targetKey, type Link } from '../domain/links/link.js';
import type { LinkRepository } from '../use-cases/link-repository.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const TABLE = 'links';

type LinkEntity = TableEntity<{ target: string; conversationId: string; linkedBy: string; linkedAt: string }>;

/** Links partitioned by target, so "where does KULG go" is one partition read. */
export function createTableLinks(tables: Tables): LinkRepository {
  const toLink = (e: LinkEntity): Link | undefined => {
    const target = parseTargetKey(e.target);
    return target
      ? { target, conversationId: e.conversationId, linkedBy: e.linkedBy, linkedAt: e.linkedAt }
      : undefined;
  };
  const query = async (filter?: string): Promise<Link[]> => {
    const client = await tables.table(TABLE);
    const out: Link[] = [];
    try {
      for await (const e of client.listEntities<LinkEntity>(filter ? { queryOptions: { filter } } : {})) {
        const link = toLink(e);
        if (link) out.push(link);
      }
    } catch (error) {
      throw toStoreError(error, 'koblingene');
    }
    return out;
  };

  return {
    async add(link) {
      const client = await tables.table(TABLE);
      try {
        await client.createEntity<LinkEntity>({
          partitionKey: encodeKey(targetKey(link.target)),
          rowKey: encodeKey(link.conversationId),
          target: targetKey(link.target),
          conversationId: link.conversationId,
          linkedBy: link.linkedBy,
          linkedAt: link.linkedAt,
        });
      } catch (error) {
        if (statusOf(error) === 409) return; // already linked: one link
        throw toStoreError(error, 'koblingen');
      }
    },
    async remove(target, conversationId) {
      const client = await tables.table(TABLE);
      try {
        await client.deleteEntity(encodeKey(targetKey(target)), encodeKey(conversationId));
      } catch (error) {
        if (statusOf(error) === 404) return;
        throw toStoreError(error, 'koblingen');
      }
    },
    byTarget: (target) => query(odata`PartitionKey eq ${encodeKey(targetKey(target))}`),
    all: () => query(),
  };
}
