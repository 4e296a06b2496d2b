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
import type { UnitSummaries, UnitSummaryRepository } from '../use-cases/status/unit-summary-repository.js';
import { fromJsonColumns, toJsonColumns } from './json-columns.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

/** One partition, a row per unit: its local plan's summary and its reports' in every campaign. */
const SUMMARIES = 'unitsummaries';
const UNITS = 'u';
/** The key under which "checked against the source" is remembered for the local plans. */
const PLANS = 'p';
/** How long a process trusts the index before it checks it against the source once more. */
const RECHECK_MS = 10 * 60 * 1000;
const WRITE_TRIES = 4;

interface UnitRow {
  readonly unitId: string;
  readonly plan?: LocalPlanSummary;
  readonly reports: Readonly<Record<string, ReportSummary>>;
}

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
 * versions, three times a request; now it reads 800 small rows of one partition, once.
 *
 * A save writes its summary right after its own transaction (it cannot join it: another
 * partition). Should that write fail after its retries, or the process die between the two, the
 * index is made right from the source: on a process's first read (which answers from the freshly
 * read source) and in the background every ten minutes. A summary is only ever replaced by a
 * higher version, so late or repeated writes do no harm; a unit's row is replaced under its ETag,
 * so a plan's and a report's summary written at once both stay.
 */
export function createTableUnitSummaries(
  tables: Tables,
  source: SummarySource,
  now: () => number = () => performance.now(),
): UnitSummaryStore {
  let known = checkedBy.get(tables);
  if (!known) checkedBy.set(tables, (known = new Map()));
  const checked = known;

  const readRows = async (): Promise<UnitRow[]> => {
    const client = await tables.table(SUMMARIES);
    const out: UnitRow[] = [];
    try {
      for await (const row of client.listEntities<Row>({
        queryOptions: { filter: odata`PartitionKey eq ${UNITS}` },
      }))
        out.push(fromJsonColumns<UnitRow>(row));
    } catch (error) {
      throw toStoreError(error, 'enhetsoversikten');
    }
    return out;
  };

  /** Applies `change` to the unit's row unless it would not change it; a race reads again. */
  const update = async (unitId: string, change: (row: UnitRow) => UnitRow | undefined) => {
    const client = await tables.table(SUMMARIES);
    const rowKey = encodeKey(unitId);
    for (let attempt = 1; ; attempt++) {
      try {
        let stored: { row: UnitRow; etag: string } | undefined;
        try {
          const entity = await client.getEntity<Row>(UNITS, rowKey);
          stored = { row: fromJsonColumns<UnitRow>(entity), etag: entity.etag };
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
        const next = change(stored?.row ?? { unitId, reports: {} });
        if (!next) return;
        const entity = { partitionKey: UNITS, rowKey, ...toJsonColumns(next) };
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

  const putPlan = (plan: LocalPlanSummary) =>
    update(plan.unitId, (row) => ((row.plan?.version ?? -1) >= plan.version ? undefined : { ...row, plan }));
  const putReport = (report: ReportSummary) =>
    update(report.unitId, (row) =>
      (row.reports[report.campaignId]?.version ?? -1) >= report.version
        ? undefined
        : { ...row, reports: { ...row.reports, [report.campaignId]: report } },
    );

  const quietly = async (key: string, write: Promise<void>) => {
    try {
      await write;
    } catch {
      // This process's next read checks that source against the index first.
      checked.delete(key);
    }
  };

  /** Writes what the index lacks of the source's summaries; many units at a time, not all. */
  const repair = async <T extends { unitId: string; version: number }>(
    fresh: readonly T[],
    indexed: (row: UnitRow | undefined, unitId: string) => number,
    put: (summary: T) => Promise<void>,
  ) => {
    const rows = new Map((await readRows()).map((r) => [r.unitId, r]));
    const behind = fresh.filter((s) => indexed(rows.get(s.unitId), s.unitId) < s.version);
    for (let i = 0; i < behind.length; i += 16) await Promise.all(behind.slice(i, i + 16).map(put));
  };
  const freshPlans = async () => (await source.localPlans()).map(summariseLocalPlan);
  const freshReports = async (campaignId: string) => (await source.reports(campaignId)).map(summariseReport);
  const repairPlans = (fresh: LocalPlanSummary[]) =>
    repair(fresh, (row) => row?.plan?.version ?? -1, putPlan);
  const repairReports = (campaignId: string, fresh: ReportSummary[]) =>
    repair(fresh, (row) => row?.reports[campaignId]?.version ?? -1, putReport);

  return {
    async units(campaignIds) {
      // A source this process has not checked yet: answer from it (and mend the index); later
      // reads answer from the index and check again in the background now and then.
      const unchecked = [PLANS, ...campaignIds].filter((key) => !checked.has(key));
      const [plans, ...reports] = await Promise.all([
        checked.has(PLANS) ? undefined : freshPlans(),
        ...campaignIds.map((id) => (checked.has(id) ? undefined : freshReports(id))),
      ]);
      if (plans) await repairPlans(plans);
      for (const [i, id] of campaignIds.entries()) if (reports[i]) await repairReports(id, reports[i]);
      const at = now();
      for (const key of unchecked) checked.set(key, at);
      for (const key of [PLANS, ...campaignIds])
        if (at - (checked.get(key) ?? at) > RECHECK_MS) {
          checked.set(key, at);
          const check =
            key === PLANS
              ? freshPlans().then(repairPlans)
              : freshReports(key).then((fresh) => repairReports(key, fresh));
          void check.catch(() => checked.delete(key));
        }
      const rows = await readRows();
      const result: UnitSummaries = {
        localPlans: plans ?? rows.flatMap((r) => (r.plan ? [r.plan] : [])),
        reports: new Map(
          campaignIds.map((id, i) => [
            id,
            reports[i] ?? rows.flatMap((r) => (r.reports[id] ? [r.reports[id]] : [])),
          ]),
        ),
      };
      return result;
    },
    recordPlan: (plan) => quietly(PLANS, putPlan(summariseLocalPlan(plan))),
    recordReport: (report) => quietly(report.campaignId, putReport(summariseReport(report))),
  };
}
