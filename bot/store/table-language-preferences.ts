import type { TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { Language } from '../i18n/index.js';
import type { LanguagePreferences } from '../use-cases/language-preferences.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const TABLE = 'languages';
const PARTITION = 'person';

type LanguageEntity = TableEntity<{ aadObjectId: string; language: Language; savedAt: string }>;

/**
 * One row per person who chose a language, keyed by lower-case object id. Read on every turn and
 * not cached: a choice made in the tab (served by any instance) holds from the person's next message.
 */
export function createTableLanguagePreferences(tables: Tables, clock: { now(): Date }): LanguagePreferences {
  return {
    async get(aadObjectId) {
      const client = await tables.table(TABLE);
      try {
        const row = await client.getEntity<LanguageEntity>(PARTITION, encodeKey(aadObjectId.toLowerCase()));
        return row.language === 'en' || row.language === 'nb' ? row.language : undefined;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'språkvalget');
      }
    },
    async set(aadObjectId, language) {
      const key = aadObjectId.toLowerCase();
      const entity: LanguageEntity = {
        partitionKey: PARTITION,
        rowKey: encodeKey(key),
        aadObjectId: key,
        language,
        savedAt: clock.now().toISOString(),
      };
      try {
        // Merged: the row also holds the person's notification choice (table-notification-choices.ts).
        await (await tables.table(TABLE)).upsertEntity(entity, 'Merge');
      } catch (error) {
        throw toStoreError(error, 'språkvalget');
      }
    },
  };
}
