import { type TableEntity } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { NOTIFICATION_CHOICES, type NotificationChoice } from '../domain/people/notification-choice.js';
import type { Language } from '../i18n/index.js';
import type { NotificationChoices, PersonSettings } from '../use-cases/notification-choices.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

/** The person's row of settings: the language preferences' table and row (table-language-preferences.ts). */
const TABLE = 'languages';
const PARTITION = 'person';

type SettingsEntity = TableEntity<{
  aadObjectId: string;
  language?: Language;
  notifications?: NotificationChoice;
  notificationsSavedAt?: string;
}>;

const choiceOf = (value: unknown): NotificationChoice | undefined =>
  NOTIFICATION_CHOICES.find((c) => c === value);
const languageOf = (value: unknown): Language | undefined =>
  value === 'nb' || value === 'en' ? value : undefined;

/**
 * The notification choice, stored beside the language in the person's one settings row (merged,
 * so neither overwrites the other). Not cached: a choice made in the tab holds at once.
 */
export function createTableNotificationChoices(tables: Tables, clock: { now(): Date }): NotificationChoices {
  return {
    async get(aadObjectId) {
      const client = await tables.table(TABLE);
      try {
        const row = await client.getEntity<SettingsEntity>(PARTITION, encodeKey(aadObjectId.toLowerCase()));
        return choiceOf(row.notifications);
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'varslingsvalget');
      }
    },
    async set(aadObjectId, choice) {
      const key = aadObjectId.toLowerCase();
      const entity: SettingsEntity = {
        partitionKey: PARTITION,
        rowKey: encodeKey(key),
        aadObjectId: key,
        notifications: choice,
        notificationsSavedAt: clock.now().toISOString(),
      };
      try {
        await (await tables.table(TABLE)).upsertEntity(entity, 'Merge');
      } catch (error) {
        throw toStoreError(error, 'varslingsvalget');
      }
    },
    async everyone() {
      const client = await tables.table(TABLE);
      const out: PersonSettings[] = [];
      try {
        const rows = client.listEntities<SettingsEntity>({
          queryOptions: {
            filter: odata`PartitionKey eq ${PARTITION}`,
            select: ['aadObjectId', 'language', 'notifications'],
          },
        });
        for await (const row of rows) {
          const notifications = choiceOf(row.notifications);
          const language = languageOf(row.language);
          out.push({
            aadObjectId: String(row.aadObjectId),
            ...(notifications ? { notifications } : {}),
            ...(language ? { language } : {}),
          });
        }
      } catch (error) {
        throw toStoreError(error, 'varslingsvalgene');
      }
      return out;
    },
  };
}
