import type { TableEntity } from '@azure/data-tables';
import type { AgendaItem } from '../domain/agenda/agenda-item.js';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { AgendaPublication, AgendaRepository } from '../use-cases/agenda/agenda-repository.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const ITEMS = 'agendaitems';
const PUBLICATIONS = 'agendapublications';

type Json = TableEntity<{ json: string }>;

/** Agenda items partitioned by meeting, so one meeting's items are one partition read. */
export function createTableAgenda(tables: Tables): AgendaRepository {
  const meetingKey = (planKey: string, eventId: string) => encodeKey(`${planKey}|${eventId}`);
  return {
    async items(planKey, eventId) {
      const client = await tables.table(ITEMS);
      const out: AgendaItem[] = [];
      try {
        const filter = `PartitionKey eq '${meetingKey(planKey, eventId)}'`;
        for await (const e of client.listEntities<Json>({ queryOptions: { filter } }))
          out.push(JSON.parse(e.json) as AgendaItem);
      } catch (error) {
        throw toStoreError(error, 'sakene');
      }
      return out.sort((a, b) => a.order - b.order);
    },
    async saveItem(item) {
      const client = await tables.table(ITEMS);
      try {
        await client.upsertEntity<Json>(
          {
            partitionKey: meetingKey(item.planKey, item.eventId),
            rowKey: item.id,
            json: JSON.stringify(item),
          },
          'Replace',
        );
      } catch (error) {
        throw toStoreError(error, 'saken');
      }
    },
    async publication(planKey, eventId) {
      const client = await tables.table(PUBLICATIONS);
      try {
        const e = await client.getEntity<Json>(meetingKey(planKey, eventId), 'p');
        return JSON.parse(e.json) as AgendaPublication;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'sakslisten');
      }
    },
    async savePublication(publication) {
      const client = await tables.table(PUBLICATIONS);
      try {
        await client.upsertEntity<Json>(
          {
            partitionKey: meetingKey(publication.planKey, publication.eventId),
            rowKey: 'p',
            json: JSON.stringify(publication),
          },
          'Replace',
        );
      } catch (error) {
        throw toStoreError(error, 'sakslisten');
      }
    },
  };
}
