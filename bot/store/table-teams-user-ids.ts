import type { TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { TeamsUserIds } from '../use-cases/teams-user-ids.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';
import { BoundedCache } from '../platform/bounded-cache.js';

const TABLE = 'teamsusers';
const PARTITION = 'u';
/** People whose Teams user id this process remembers (about 200 bytes each). */
const PEOPLE_REMEMBERED = 20_000;

type UserEntity = TableEntity<{ aadObjectId: string; userId: string }>;

/**
 * One row per person in one partition. A person's Teams user id does not change within a tenant,
 * so a row is written once (an upsert, safe to repeat from several instances) and what this
 * process knows is kept in memory; unknown people are read each time (they may act meanwhile).
 */
export function createTableTeamsUserIds(tables: Tables): TeamsUserIds {
  // Bounded: a person forgotten is read from storage again when next needed.
  const known = new BoundedCache<string, string>(PEOPLE_REMEMBERED);
  return {
    async remember(aadObjectId, userId) {
      const key = aadObjectId.toLowerCase();
      if (known.get(key) === userId) return;
      known.set(key, userId);
      try {
        const entity: UserEntity = {
          partitionKey: PARTITION,
          rowKey: encodeKey(key),
          aadObjectId: key,
          userId,
        };
        await (await tables.table(TABLE)).upsertEntity(entity, 'Replace');
      } catch (error) {
        known.delete(key);
        throw toStoreError(error, 'Teams-brukeren');
      }
    },
    async of(aadObjectIds) {
      const out = new Map<string, string>();
      const unknown: string[] = [];
      for (const id of aadObjectIds.map((i) => i.toLowerCase())) {
        const userId = known.get(id);
        if (userId) out.set(id, userId);
        else unknown.push(id);
      }
      if (unknown.length === 0) return out;
      const client = await tables.table(TABLE);
      await Promise.all(
        unknown.map(async (id) => {
          try {
            const row = await client.getEntity<UserEntity>(PARTITION, encodeKey(id));
            known.set(id, row.userId);
            out.set(id, row.userId);
          } catch (error) {
            if (statusOf(error) !== 404) throw toStoreError(error, 'Teams-brukerne');
          }
        }),
      );
      return out;
    },
  };
}
