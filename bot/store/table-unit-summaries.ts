import { odata, type TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import type { LocalPlan } from '../domain/reports/local-plan.js';
import type { Report } from '../domain/reports/report.js';
import {
  summariseLocalPlan,
  summariseReport,
  type LocalPlanSummary,
  type ReportSummary,
} from '../domain/status/unit-summaries.js';
import type { UnitSummaryRepository } from '../use-cases/status/unit-summary-repository.js';
import { fromJsonColumns, toJsonColumns } from './json-columns.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

/**
 * A partition per source, a row per unit: `p` for the local plans, `r|<campaign>` for one
 * campaign's reports. (One row per unit with every campaign's reports was tried: the overview then
 * read all campaigns' answers to use two, and took longer than the scans it replaced.)
 */
const SUMMARIES = 'unitsummaries';
const PLANS = 'p';
const reportsOf = (campaignId: string) => `r|${encodeKey(campaignId)}`;
/** How long a process trusts the index before it checks it against the source once more. */
const RECHECK_MS = 10 * 60 * 1000;
const WRITE_TRIES = 4;

type Row = TableEntity<Record<string, unknown>>;

/** Where the summaries come from: the units' own rows (bot/store/table-reports.ts). */
export interface SummarySource {
  localPlans(): Promise<LocalPlan[]>;
  reports(campaignId: string): Promise<Report[]>;
}

export interface UnitSummaryStore extends UnitSummaryRepository {
  /**
   * After a save: the new version's summary, unless a newer one is there already. Never fails:
   * the save is done; a summary that could not be written is made right from the source later.
   */
  recordPlan(plan: LocalPlan): Promise<void>;
  recordReport(report: Report): Promise<void>;
}

/** When each source was last checked against the index, per storage account (shared by every client of it in the process). */
const checkedBy = new WeakMap<Tables, Map<string, number>>();

/**
 * The status overview's index in Azure Tables. Storage cannot index the units' table across
 * partitions, so without it the overview scanned every unit's plan and report rows with all their
 * versions, three times a request; now it reads a partition of small rows for each.
 *
 * A save writes its summary right after its own transaction (it cannot join it: another
 * partition). Should that write fail after its retries, or the process die between the two, the
 * index is made right from the source: on a process's first read (which answers from the freshly
 * read source) and in the background every ten minutes. A summary is only ever replaced by a
 * higher version (replaced under its ETag), so late or repeated writes do no harm.
 */
export function createTableUnitSummaries(
  tables: Tables,
  source: SummarySource,
  now: () => number = () => performance.now(),
): UnitSummaryStore {
  let known = checkedBy.get(tables);
  if (!known) checkedBy.set(tables, (known = new Map()));
  const checked = known;

  const readPartition = async <T>(partition: string): Promise<T[]> => {
    const client = await tables.table(SUMMARIES);
    const out: T[] = [];
    try {
      for await (const row of client.listEntities<Row>({
        queryOptions: { filter: odata`PartitionKey eq ${partition}` },
      }))
        out.push(fromJsonColumns<T>(row));
    } catch (error) {
      throw toStoreError(error, 'enhetsoversikten');
    }
    return out;
  };

  /** Writes `value` unless the stored summary has its version or a newer one; a race reads again. */
  const put = async (partition: string, value: { unitId: string; version: number }) => {
    const client = await tables.table(SUMMARIES);
    const rowKey = encodeKey(value.unitId);
    for (let attempt = 1; ; attempt++) {
      try {
        let stored: { version: number; etag: string } | undefined;
        try {
          const entity = await client.getEntity<Row>(partition, rowKey);
          stored = { version: fromJsonColumns<{ version: number }>(entity).version, etag: entity.etag };
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
        if (stored && stored.version >= value.version) return;
        const entity = { partitionKey: partition, rowKey, ...toJsonColumns(value) };
        if (stored) await client.updateEntity(entity, 'Replace', { etag: stored.etag });
        else await client.createEntity(entity);
        return;
      } catch (error) {
        if (attempt >= WRITE_TRIES) throw toStoreError(error, 'enhetsoversikten');
        const status = statusOf(error);
        // 409/412: another save wrote first; read again and compare versions. Else wait a little.
        if (status !== 409 && status !== 412) await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  };

  const quietly = async (partition: string, value: { unitId: string; version: number }) => {
    try {
      await put(partition, value);
    } catch {
      // This process's next read of the partition checks it against the source first.
      checked.delete(partition);
    }
  };

  /** Writes what the partition lacks of the source's summaries; sixteen units at a time. */
  const repair = async <T extends { unitId: string; version: number }>(partition: string, fresh: T[]) => {
    const stored = new Map((await readPartition<T>(partition)).map((s) => [s.unitId, s.version] as const));
    const behind = fresh.filter((s) => (stored.get(s.unitId) ?? -1) < s.version);
    for (let i = 0; i < behind.length; i += 16)
      await Promise.all(behind.slice(i, i + 16).map((s) => put(partition, s)));
    return fresh;
  };

  /**
   * A partition this process has not checked yet is answered from the source (and mended); later
   * reads answer from the partition and check it again in the background now and then.
   */
  const read = async <T extends { unitId: string; version: number }>(
    partition: string,
    fresh: () => Promise<T[]>,
  ): Promise<T[]> => {
    const last = checked.get(partition);
    if (last === undefined) {
      const summaries = await repair(partition, await fresh());
      checked.set(partition, now());
      return summaries;
    }
    if (now() - last > RECHECK_MS) {
      checked.set(partition, now());
      void fresh()
        .then((summaries) => repair(partition, summaries))
        .catch(() => checked.delete(partition));
    }
    return readPartition<T>(partition);
  };

  return {
    async units(campaignIds) {
      const [localPlans, ...reports] = await Promise.all([
        read(PLANS, async () => (await source.localPlans()).map(summariseLocalPlan)),
        ...campaignIds.map((id) =>
          read(reportsOf(id), async () => (await source.reports(id)).map(summariseReport)),
        ),
      ]);
      return {
        localPlans: localPlans as LocalPlanSummary[],
        reports: new Map(campaignIds.map((id, i) => [id, reports[i] as ReportSummary[]])),
      };
    },
    recordPlan: (plan) => quietly(PLANS, summariseLocalPlan(plan)),
    recordReport: (report) => quietly(reportsOf(report.campaignId), summariseReport(report)),
  };
}
