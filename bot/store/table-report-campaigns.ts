import { odata, type TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { Campaign } from '../domain/reports/campaign.js';
import type { CampaignRepository } from '../use-cases/reports/report-repository.js';
import { fromJsonColumns, toJsonColumns, type JsonColumns } from './json-columns.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const CAMPAIGNS = 'reportcampaigns';
/** All campaigns share one partition: there are a couple a year. */
const PARTITION = 'c';

// Spread over columns: a campaign's request ids for 800 units pass one column's 32 K characters.
type Json = TableEntity<JsonColumns>;

/** Report campaigns, one row each in a single partition (a few per year). */
export function createTableReportCampaigns(tables: Tables): CampaignRepository {
  return {
    async get(id) {
      const client = await tables.table(CAMPAIGNS);
      try {
        return fromJsonColumns<Campaign>(await client.getEntity<Json>(PARTITION, encodeKey(id)));
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'rapportrunden');
      }
    },
    async save(campaign) {
      const client = await tables.table(CAMPAIGNS);
      try {
        await client.upsertEntity<Json>(
          { partitionKey: PARTITION, rowKey: encodeKey(campaign.id), ...toJsonColumns(campaign) },
          'Replace',
        );
      } catch (error) {
        throw toStoreError(error, 'rapportrunden');
      }
    },
    async list() {
      const client = await tables.table(CAMPAIGNS);
      const out: Campaign[] = [];
      try {
        for await (const e of client.listEntities<Json>({
          queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` },
        }))
          out.push(fromJsonColumns<Campaign>(e));
      } catch (error) {
        throw toStoreError(error, 'rapportrundene');
      }
      return out.sort((a, b) => a.opens.localeCompare(b.opens) || a.id.localeCompare(b.id));
    },
  };
}
