import { odata, type TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { Campaign } from '../domain/reports/campaign.js';
import type { CampaignRepository } from '../use-cases/reports/report-repository.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const CAMPAIGNS = 'reportcampaigns';
/** All campaigns share one partition: there are a couple a year. */
const PARTITION = 'c';

type Json = TableEntity<{ json: string }>;

/** Report campaigns, one row each in a single partition (a few per year). */
export function createTableReportCampaigns(tables: Tables): CampaignRepository {
  return {
    async get(id) {
      const client = await tables.table(CAMPAIGNS);
      try {
        return JSON.parse((await client.getEntity<Json>(PARTITION, encodeKey(id))).json) as Campaign;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'rapportrunden');
      }
    },
    async save(campaign) {
      const client = await tables.table(CAMPAIGNS);
      try {
        await client.upsertEntity<Json>(
          { partitionKey: PARTITION, rowKey: encodeKey(campaign.id), json: JSON.stringify(campaign) },
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
          out.push(JSON.parse(e.json) as Campaign);
      } catch (error) {
        throw toStoreError(error, 'rapportrundene');
      }
      return out.sort((a, b) => a.opens.localeCompare(b.opens) || a.id.localeCompare(b.id));
    },
  };
}
