import type { TableEntity } from '@azure/data-tables';
import type { AutomationKey, AutomationKeyRepository } from '../use-cases/broadcasts/automation-keys.js';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const TABLE = 'automationkeys';
const PARTITION = 'k';

type KeyEntity = TableEntity<Omit<AutomationKey, 'id' | 'revokedAt'> & { revokedAt?: string }>;

/** Automation keys: only the salt and HMAC of each secret are stored. */
export function createTableAutomationKeys(tables: Tables): AutomationKeyRepository {
  const toKey = (e: KeyEntity): AutomationKey => ({
    id: e.rowKey,
    name: e.name,
    salt: e.salt,
    hash: e.hash,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    ...(e.revokedAt ? { revokedAt: e.revokedAt } : {}),
  });
  return {
    async get(id) {
      const client = await tables.table(TABLE);
      try {
        // Ids are hex as we make them; a key someone sent is encoded so it cannot change the URL read.
        return toKey(await client.getEntity<KeyEntity>(PARTITION, encodeKey(id)));
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'automasjonsnøkkelen');
      }
    },
    async save(key) {
      const client = await tables.table(TABLE);
      const { id, ...rest } = key;
      try {
        await client.upsertEntity<KeyEntity>({ partitionKey: PARTITION, rowKey: id, ...rest }, 'Replace');
      } catch (error) {
        throw toStoreError(error, 'automasjonsnøkkelen');
      }
    },
    async list() {
      const client = await tables.table(TABLE);
      const out: AutomationKey[] = [];
      try {
        for await (const e of client.listEntities<KeyEntity>()) out.push(toKey(e));
      } catch (error) {
        throw toStoreError(error, 'automasjonsnøklene');
      }
      return out;
    },
  };
}
