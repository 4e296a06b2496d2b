import type { TableEntity } from '@azure/data-tables';
import type { SchedulerTicks, Tick } from '../use-cases/reminders/downtime.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

type TickEntity = TableEntity<{ planAt: string; realAt: string }>;

const PARTITION = 'ticks';
const ROW = 'last';

/** The scheduler's last tick in one row, shared by every instance (only one ticks each minute). */
export function createTableSchedulerTicks(tables: Tables): SchedulerTicks {
  const table = () => tables.table('schedulerticks');
  return {
    async swap(tick) {
      const client = await table();
      let previous: Tick | undefined;
      try {
        const entity = await client.getEntity<TickEntity>(PARTITION, ROW);
        previous = { planAt: new Date(entity.planAt), realAt: new Date(entity.realAt) };
      } catch (error) {
        if (statusOf(error) !== 404) throw toStoreError(error, 'planleggerens siste kjøring');
      }
      try {
        const entity: TickEntity = {
          partitionKey: PARTITION,
          rowKey: ROW,
          planAt: tick.planAt.toISOString(),
          realAt: tick.realAt.toISOString(),
        };
        await client.upsertEntity(entity, 'Replace');
      } catch (error) {
        throw toStoreError(error, 'planleggerens siste kjøring');
      }
      return previous;
    },
  };
}
