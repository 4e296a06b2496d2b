import type { TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { ConflictError } from '../domain/errors.js';
import type { Report } from '../domain/reports/report.js';
import type { ReportRepository } from '../use-cases/reports/report-repository.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const REPORTS = 'reports';
const VERSIONS = 'reportversions';

type Json = TableEntity<{ json: string }>;

const stale = (cause: unknown) =>
  new ConflictError(
    'Rapporten er endret av noen andre etter at du åpnet den. Ingenting er lagret; åpne den på nytt og gjør endringen der.',
    { cause },
  );

/**
 * Reports partitioned by campaign (one row per unit) and their versions partitioned by campaign
 * and unit. A save first moves the current row with its ETag (or creates it), so of two savers of
 * the same version only one succeeds, and a loser re-reading sees the winner's report; then the
 * winner writes the version row. (Versions first left a window in which the loser of a double
 * submit read the old report and was told it was stale.)
 */
export function createTableReports(tables: Tables): ReportRepository {
  const versionKey = (report: Pick<Report, 'campaignId' | 'unitId'>) =>
    `${encodeKey(report.campaignId)}|${encodeKey(report.unitId)}`;
  // ETags of the reports `get` handed out, so a save right after needs no second read.
  const etags = new WeakMap<Report, string>();
  const read = async (campaignId: string, unitId: string) => {
    const client = await tables.table(REPORTS);
    try {
      return await client.getEntity<Json>(encodeKey(campaignId), encodeKey(unitId));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw toStoreError(error, 'rapporten');
    }
  };
  return {
    async get(campaignId, unitId) {
      const entity = await read(campaignId, unitId);
      if (!entity) return undefined;
      const report = JSON.parse(entity.json) as Report;
      etags.set(report, entity.etag);
      return report;
    },
    async save(report, previous) {
      const known = previous && etags.get(previous);
      const current = known
        ? { etag: known, json: JSON.stringify(previous) }
        : report.version > 1 || previous
          ? await read(report.campaignId, report.unitId)
          : undefined;
      const currentVersion = current ? (JSON.parse(current.json) as Report).version : 0;
      if (currentVersion !== report.version - 1) throw stale(undefined);
      const json = JSON.stringify(report);
      // The current row is the gate: its ETag (or its absence) lets one writer of a version win.
      const client = await tables.table(REPORTS);
      const entity = { partitionKey: encodeKey(report.campaignId), rowKey: encodeKey(report.unitId), json };
      try {
        if (current) await client.updateEntity<Json>(entity, 'Replace', { etag: current.etag });
        else await client.createEntity<Json>(entity);
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 412) throw stale(error);
        throw toStoreError(error, 'rapporten');
      }
      // The winner alone writes this version's row, so it cannot collide.
      const versions = await tables.table(VERSIONS);
      try {
        await versions.createEntity<Json>({
          partitionKey: versionKey(report),
          rowKey: String(report.version).padStart(6, '0'),
          json,
        });
      } catch (error) {
        throw toStoreError(error, 'rapporthistorikken');
      }
    },
    async list(campaignId) {
      const client = await tables.table(REPORTS);
      const out: Report[] = [];
      try {
        const filter = `PartitionKey eq '${encodeKey(campaignId)}'`;
        for await (const e of client.listEntities<Json>({ queryOptions: { filter } }))
          out.push(JSON.parse(e.json) as Report);
      } catch (error) {
        throw toStoreError(error, 'rapportene');
      }
      return out;
    },
    async history(campaignId, unitId) {
      const client = await tables.table(VERSIONS);
      const out: Report[] = [];
      try {
        const filter = `PartitionKey eq '${versionKey({ campaignId, unitId })}'`;
        for await (const e of client.listEntities<Json>({ queryOptions: { filter } }))
          out.push(JSON.parse(e.json) as Report);
      } catch (error) {
        throw toStoreError(error, 'rapporthistorikken');
      }
      return out.sort((a, b) => a.version - b.version);
    },
  };
}
