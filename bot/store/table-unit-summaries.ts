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
/**
 * The shape of a partition's rows, stored beside the JSON (`format`; none: 1). A row of an older
 * shape counts as stale, however new its version: the repair writes it again from the source.
 * Local plans 2: each action that serves a goal or theme carries its id, text and reference.
 */
const formatOf = (partition: string) => (partition === PLANS ? 2 : 1);

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
 * The status overview's index in Azure Tables (and «Planens mål»'s). Storage cannot index the
 * units' table across partitions, so without it the overview scanned every unit's plan and report
 * rows with all their versions, three times a request; now it reads a partition of small rows for
 * each.
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

  /** The partition's summaries, each with the shape it was written in. */
  const readPartition = async <T>(partition: string): Promise<{ value: T; format: number }[]> => {
    const client = await tables.table(SUMMARIES);
    const out: { value: T; format: number }[] = [];
    try {
      for await (const row of client.listEntities<Row>({
        queryOptions: { filter: odata`PartitionKey eq ${partition}` },
      }))
        out.push({ value: fromJsonColumns<T>(row), format: Number(row.format ?? 1) });
    } catch (error) {
      throw toStoreError(error, 'enhetsoversikten');
    }
    return out;
  };

  /** Whether a stored summary must give way to `version` in today's shape. */
  const behind = (
    partition: string,
    stored: { version: number; format: number } | undefined,
    version: number,
  ) =>
    !stored ||
    stored.version < version ||
    (stored.version === version && stored.format < formatOf(partition));

  /** Writes `value` unless the stored summary has its version (in today's shape) or a newer one; a race reads again. */
  const put = async (partition: string, value: { unitId: string; version: number }) => {
    const client = await tables.table(SUMMARIES);
    const rowKey = encodeKey(value.unitId);
    const format = formatOf(partition);
    for (let attempt = 1; ; attempt++) {
      try {
        let stored: { version: number; format: number; etag: string } | undefined;
        try {
          const entity = await client.getEntity<Row>(partition, rowKey);
          stored = {
            version: fromJsonColumns<{ version: number }>(entity).version,
            format: Number(entity.format ?? 1),
            etag: entity.etag,
          };
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
        if (!behind(partition, stored, value.version)) return;
        const entity = { partitionKey: partition, rowKey, format, ...toJsonColumns(value) };
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

  /** Writes what the partition lacks of the source's summaries (or holds in an older shape); sixteen units at a time. */
  const repair = async <T extends { unitId: string; version: number }>(partition: string, fresh: T[]) => {
    const stored = new Map(
      (await readPartition<T>(partition)).map((s) => [s.value.unitId, { ...s, version: s.value.version }]),
    );
    const stale = fresh.filter((s) => behind(partition, stored.get(s.unitId), s.version));
    for (let i = 0; i < stale.length; i += 16)
      await Promise.all(stale.slice(i, i + 16).map((s) => put(partition, s)));
    return fresh;
  };

  /** Answers from the source, and mends the partition from it. */
  const mend = async <T extends { unitId: string; version: number }>(
    partition: string,
    fresh: () => Promise<T[]>,
  ) => {
    const summaries = await repair(partition, await fresh());
    checked.set(partition, now());
    return summaries;
  };

  /**
   * A partition this process has not checked yet is answered from the source (and mended); later
   * reads answer from the partition and check it again in the background now and then. A row in
   * an older shape (written by an older instance during a deployment) is mended at once.
   */
  const read = async <T extends { unitId: string; version: number }>(
    partition: string,
    fresh: () => Promise<T[]>,
  ): Promise<T[]> => {
    const last = checked.get(partition);
    if (last === undefined) return mend(partition, fresh);
    if (now() - last > RECHECK_MS) {
      checked.set(partition, now());
      void fresh()
        .then((summaries) => repair(partition, summaries))
        .catch(() => checked.delete(partition));
    }
    const rows = await readPartition<T>(partition);
    if (rows.some((r) => r.format < formatOf(partition))) return mend(partition, fresh);
    return rows.map((r) => r.value);
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
