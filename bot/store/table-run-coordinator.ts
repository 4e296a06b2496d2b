import type { TableEntity } from '@azure/data-tables';
import type { Clock } from '../domain/clock.js';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

/** node-cron's RunCoordinator contract (kept structural so storage does not import node-cron). */
export interface RunCoordinatorLike {
  shouldRun(key: string, ttlMs: number): Promise<boolean>;
}

type ClaimEntity = TableEntity<{ owner: string; expiresAt: string }>;

/**
 * Per-fire claims in Table storage: the first instance to create the row for a fire runs it; an
 * expired claim (its owner died) can be taken over under its ETag. So two instances never run the
 * same tick, and a crashed one does not block the next.
 */
export function createTableRunCoordinator(tables: Tables, clock: Clock, owner: string): RunCoordinatorLike {
  return {
    async shouldRun(key, ttlMs) {
      const client = await tables.table('cronclaims');
      const now = clock.now();
      const entity: ClaimEntity = {
        partitionKey: 'claims',
        rowKey: encodeKey(key),
        owner,
        expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      };
      try {
        await client.createEntity(entity);
        return true;
      } catch (error) {
        if (statusOf(error) !== 409) throw toStoreError(error, 'kjøringskrav');
      }
      try {
        const existing = await client.getEntity<ClaimEntity>('claims', encodeKey(key));
        if (new Date(existing.expiresAt) > now) return false;
        await client.updateEntity(entity, 'Replace', { etag: existing.etag });
        return true;
      } catch (error) {
        const status = statusOf(error);
        if (status === 412 || status === 404) return false;
        throw toStoreError(error, 'kjøringskrav');
      }
    },
  };
}
