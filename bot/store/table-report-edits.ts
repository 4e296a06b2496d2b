import { odata, type TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { OpenEdit, ReportEdits } from '../use-cases/reports/report-edits.js';
import { fromJsonColumns, toJsonColumns } from './json-columns.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const TABLE = 'reportedits';

type EditEntity = TableEntity<{ person: string; openedAt: string; json: string }>;

const partition = (campaignId: string, unitId: string) => encodeKey(`${campaignId}:${unitId}`);

/** One row per campaign, unit and person; a unit's open edits are one partition. */
export function createTableReportEdits(tables: Tables): ReportEdits {
  return {
    async get(campaignId, unitId, person) {
      const client = await tables.table(TABLE);
      try {
        const row = await client.getEntity<EditEntity>(
          partition(campaignId, unitId),
          encodeKey(person.toLowerCase()),
        );
        return fromJsonColumns<OpenEdit>(row);
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'den åpne redigeringen');
      }
    },
    async open(campaignId, unitId, person, edit) {
      const key = person.toLowerCase();
      try {
        await (
          await tables.table(TABLE)
        ).upsertEntity(
          {
            partitionKey: partition(campaignId, unitId),
            rowKey: encodeKey(key),
            person: key,
            openedAt: edit.openedAt,
            ...toJsonColumns(edit),
          },
          'Replace',
        );
      } catch (error) {
        throw toStoreError(error, 'den åpne redigeringen');
      }
    },
    async close(campaignId, unitId, person) {
      try {
        await (
          await tables.table(TABLE)
        ).deleteEntity(partition(campaignId, unitId), encodeKey(person.toLowerCase()));
      } catch (error) {
        if (statusOf(error) !== 404) throw toStoreError(error, 'den åpne redigeringen');
      }
    },
    async editors(campaignId, unitId) {
      const client = await tables.table(TABLE);
      const people: { person: string; openedAt: string }[] = [];
      try {
        const rows = client.listEntities<EditEntity>({
          queryOptions: {
            filter: odata`PartitionKey eq ${partition(campaignId, unitId)}`,
            select: ['person', 'openedAt'],
          },
        });
        for await (const row of rows) people.push({ person: row.person, openedAt: row.openedAt });
      } catch (error) {
        throw toStoreError(error, 'de åpne redigeringene');
      }
      return people;
    },
  };
}
