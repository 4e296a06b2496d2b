import { odata, type TableEntity } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { summariseLocalPlan, summariseReport } from '../domain/status/unit-summaries.js';
import type { LocalPlan } from '../domain/reports/local-plan.js';
import type { Report } from '../domain/reports/report.js';
import type { UnitSummaryRepository } from '../use-cases/status/unit-summary-repository.js';
import { fromJsonColumns, toJsonColumns } from './json-columns.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

/**
 * A partition per kind of summary: `p` for every unit's local plan, `r|<campaign>` for every
 * unit's report in one campaign; a row per unit.
 */
const SUMMARIES = 'unitsummaries';
const PLANS = 'p';
const reportsOf = (campaignId: string) => `r|${encodeKey(campaignId)}`;
/** How long a process trusts a partition before it checks it against the source once more. */
const RECHECK_MS = 10 * 60 * 1000;
const WRITE_TRIES = 3;

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

/** When each partition was last checked against the source, per storage account (shared by every client of it in the process). */
const checkedBy = new WeakMap<Tables, Map<string, number>>();

/**
 * The status overview's index in Azure Tables. Storage cannot index the units' table across
 * partitions, so without it the overview scanned every unit's plan and report rows with all their
 * versions, three times a request. A save writes its summary right after its own transaction
 * (it cannot join it: another partition). Should that write fail after its retries, or the process
 * die between the two, the partition is made right again from the source: on a process's first
 * read of it (which returns the freshly made summaries) and in the background every ten minutes.
 * A summary is only ever replaced by a higher version, so late or repeated writes do no harm.
 */
export function createTableUnitSummaries(
  tables: Tables,
  source: SummarySource,
  now: () => number = () => performance.now(),
): UnitSummaryStore {
  let checked = checkedBy.get(tables);
  if (!checked) checkedBy.set(tables, (checked = new Map()));
  const lastChecked = checked;

  const read = async <T>(partition: string): Promise<Map<string, { value: T; etag: string }>> => {
    const client = await tables.table(SUMMARIES);
    const out = new Map<string, { value: T; etag: string }>();
    try {
      for await (const row of client.listEntities<Row>({
        queryOptions: { filter: odata`PartitionKey eq ${partition}` },
      }))
        out.set(row.rowKey!, { value: fromJsonColumns<T>(row), etag: row.etag });
    } catch (error) {
      throw toStoreError(error, 'enhetsoversikten');
    }
    return out;
  };

  /** Writes `value` unless the stored summary has its version or a newer one; races retry. */
  const record = async (partition: string, unitId: string, value: { version: number }) => {
    const client = await tables.table(SUMMARIES);
    const rowKey = encodeKey(unitId);
    for (let attempt = 1; ; attempt++) {
      try {
        let stored: { version: number; etag: string } | undefined;
        try {
          const row = await client.getEntity<Row>(partition, rowKey);
          stored = { version: fromJsonColumns<{ version: number }>(row).version, etag: row.etag };
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
        if (stored && stored.version >= value.version) return;
        const entity = { partitionKey: partition, rowKey, ...toJsonColumns(value) };
        if (stored) await client.updateEntity(entity, 'Replace', { etag: stored.etag });
        else await client.createEntity(entity);
        return;
      } catch (error) {
        const status = statusOf(error);
        // 409/412: another save wrote first; read again and compare versions.
        if (attempt >= WRITE_TRIES) throw toStoreError(error, 'enhetsoversikten');
        if (status !== 409 && status !== 412) await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  };

  const recordOrForget = async (partition: string, unitId: string, value: { version: number }) => {
    try {
      await record(partition, unitId, value);
    } catch {
      // This process's next read of the partition checks it against the source first.
      lastChecked.delete(partition);
    }
  };

  /** The partition made right from the source: missing or older summaries written. */
  const repair = async <T extends { unitId: string; version: number }>(
    partition: string,
    fresh: readonly T[],
  ): Promise<T[]> => {
    const stored = await read<T>(partition);
    const behind = fresh.filter((s) => (stored.get(encodeKey(s.unitId))?.value.version ?? -1) < s.version);
    for (let i = 0; i < behind.length; i += 16)
      await Promise.all(behind.slice(i, i + 16).map((s) => record(partition, s.unitId, s)));
    return [...fresh];
  };

  const fromIndex = async <T extends { unitId: string; version: number }>(
    partition: string,
    fresh: () => Promise<T[]>,
  ): Promise<T[]> => {
    const checked = lastChecked;
    const last = checked.get(partition);
    if (last === undefined) {
      const summaries = await repair(partition, await fresh());
      checked.set(partition, now());
      return summaries;
    }
    if (now() - last > RECHECK_MS) {
      checked.set(partition, now());
      // Not awaited: this read answers from the index; a failed check is tried again next time.
      void fresh()
        .then((summaries) => repair(partition, summaries))
        .catch(() => checked.delete(partition));
    }
    return [...(await read<T>(partition)).values()].map((entry) => entry.value);
  };

  return {
    localPlans: () => fromIndex(PLANS, async () => (await source.localPlans()).map(summariseLocalPlan)),
    reports: (campaignId) =>
      fromIndex(reportsOf(campaignId), async () => (await source.reports(campaignId)).map(summariseReport)),
    recordPlan: (plan) => recordOrForget(PLANS, plan.unitId, summariseLocalPlan(plan)),
    recordReport: (report) =>
      recordOrForget(reportsOf(report.campaignId), report.unitId, summariseReport(report)),
  };
}
