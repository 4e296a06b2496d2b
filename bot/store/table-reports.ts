import { odata, type TableEntity, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { encodeKey } from '../domain/conversations/conversation-ref.js';
import { ConflictError } from '../domain/errors.js';
import type { LocalPlan } from '../domain/reports/local-plan.js';
import { migrateReport, type Report } from '../domain/reports/report.js';
import type { LocalPlanChange, LocalPlanRepository } from '../use-cases/reports/local-plan-repository.js';
import type { ReportRepository } from '../use-cases/reports/report-repository.js';
import type { UnitSummaryRepository } from '../use-cases/status/unit-summary-repository.js';
import { fromJsonColumns, toJsonColumns } from './json-columns.js';
import { createTableUnitSummaries } from './table-unit-summaries.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

/** One partition per unit: its local plan and its reports, current rows and every version. */
const UNITS = 'unitplans';
/** Where reports were kept before local plans (partition per campaign); still read. */
const LEGACY_REPORTS = 'reports';
const LEGACY_VERSIONS = 'reportversions';

type Row = TableEntity<Record<string, unknown>>;
/** A row as storage returned it, with its ETag. */
type ReadRow = TableEntityResult<Record<string, unknown>>;

const PLAN = 'p';
const planVersion = (version: number) => `p|${pad(version)}`;
const reportRow = (campaignId: string) => `r|${encodeKey(campaignId)}`;
const reportVersion = (campaignId: string, version: number) => `${reportRow(campaignId)}|${pad(version)}`;
const pad = (n: number) => String(n).padStart(6, '0');
/** A partition's rows whose keys continue `prefix` (the versions under a current row). */
const versionsUnder = (partition: string, prefix: string) =>
  odata`PartitionKey eq ${partition} and RowKey gt ${prefix} and RowKey lt ${`${prefix}~`}`;

const staleReport = (cause: unknown) =>
  new ConflictError(
    'Rapporten er endret av noen andre etter at du åpnet den. Ingenting er lagret; åpne den på nytt og gjør endringen der.',
    { cause },
  );
const stalePlanMessage =
  'Den lokale planen er endret av noen andre etter at du åpnet den. Ingenting er lagret; åpne den på nytt og gjør endringen der.';
const stalePlan = (cause: unknown) => new ConflictError(stalePlanMessage, { cause });

/** Where a current row came from: its ETag, or the legacy table (a save then creates the new row). */
type Origin = { etag: string } | { legacy: true };

/**
 * Units' local plans and reports in Azure Tables, one partition per unit, so a submitted report
 * and the local plan it updates are written in one entity-group transaction: the current rows
 * under their ETags (or created when new) and the version rows, all or nothing. Reads are point
 * reads; a report written before this layout is read from the old tables and migrated.
 */
export function createTableUnitPlans(tables: Tables): {
  reports: ReportRepository;
  localPlans: LocalPlanRepository;
  /** The status overview's index of both, written after each save (table-unit-summaries.ts). */
  summaries: UnitSummaryRepository;
} {
  // Where the objects `get` handed out came from, so a save right after needs no second read.
  const origins = new WeakMap<object, Origin>();
  // Nothing writes the old table any more: once it is seen empty, a missing report needs no
  // second read there (that read was one of the few storage calls of a first save).
  let legacyEmpty: Promise<boolean> | undefined;
  const hasLegacy = async () => {
    legacyEmpty ??= (async () => {
      const client = await tables.table(LEGACY_REPORTS);
      const page = await client
        .listEntities({ queryOptions: { select: ['PartitionKey'] } })
        .byPage({ maxPageSize: 1 })
        .next();
      return page.done || page.value.length === 0;
    })().catch((error: unknown) => {
      legacyEmpty = undefined;
      throw toStoreError(error, 'rapportene');
    });
    return !(await legacyEmpty);
  };
  const point = async (table: string, pk: string, rk: string, what: string) => {
    const client = await tables.table(table);
    try {
      return await client.getEntity<Row>(pk, rk);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw toStoreError(error, what);
    }
  };
  const query = async <T>(table: string, filter: string, what: string): Promise<T[]> => {
    const client = await tables.table(table);
    const out: T[] = [];
    try {
      for await (const e of client.listEntities<Row>({ queryOptions: { filter } }))
        out.push(fromJsonColumns<T>(e));
    } catch (error) {
      throw toStoreError(error, what);
    }
    return out;
  };

  /** A report from its current row, or from the old table when it has none. */
  const reportFrom = async (row: ReadRow | undefined, campaignId: string, unitId: string) => {
    if (row) {
      const report = migrateReport(fromJsonColumns<Report>(row));
      origins.set(report, { etag: row.etag });
      return report;
    }
    if (!(await hasLegacy())) return undefined;
    const legacy = await point(LEGACY_REPORTS, encodeKey(campaignId), encodeKey(unitId), 'rapporten');
    if (!legacy) return undefined;
    const report = migrateReport(fromJsonColumns<Report>(legacy));
    origins.set(report, { legacy: true });
    return report;
  };
  const planFrom = (row: ReadRow | undefined): LocalPlan | undefined => {
    if (!row) return undefined;
    const plan = fromJsonColumns<LocalPlan>(row);
    origins.set(plan, { etag: row.etag });
    return plan;
  };
  const getReport = async (campaignId: string, unitId: string): Promise<Report | undefined> =>
    reportFrom(await point(UNITS, encodeKey(unitId), reportRow(campaignId), 'rapporten'), campaignId, unitId);
  const getPlan = async (unitId: string): Promise<LocalPlan | undefined> =>
    planFrom(await point(UNITS, encodeKey(unitId), PLAN, 'den lokale planen'));
  // Both rows are in the unit's partition: one query instead of two point reads costs about
  // half as much CPU, here and in Azurite (measured in bench:reports, see BENCHMARKS.md).
  const getWithPlan = async (campaignId: string, unitId: string) => {
    const key = reportRow(campaignId);
    const client = await tables.table(UNITS);
    const rows = new Map<string, ReadRow>();
    try {
      const filter = odata`PartitionKey eq ${encodeKey(unitId)} and (RowKey eq ${PLAN} or RowKey eq ${key})`;
      for await (const row of client.listEntities<Row>({ queryOptions: { filter } }))
        rows.set(row.rowKey!, row);
    } catch (error) {
      throw toStoreError(error, 'rapporten');
    }
    return {
      report: await reportFrom(rows.get(key), campaignId, unitId),
      localPlan: planFrom(rows.get(PLAN)),
    };
  };

  /**
   * The writes of a new version: the current row, replaced under the ETag it was read with (or
   * created), and the version's own row; 'stale' when `previous` is not the version before it.
   */
  const versioned = (
    partitionKey: string,
    rowKey: string,
    versionRowKey: string,
    value: { version: number },
    previous: object | undefined,
  ): TransactionAction[] | 'stale' => {
    const origin = previous && origins.get(previous);
    const expected = (previous as { version?: number } | undefined)?.version ?? 0;
    if (expected !== value.version - 1) return 'stale';
    if (previous && !origin) return 'stale';
    const columns = toJsonColumns(value);
    const head: Row = { partitionKey, rowKey, ...columns };
    return [
      origin && 'etag' in origin ? ['update', head, 'Replace', { etag: origin.etag }] : ['create', head],
      ['create', { partitionKey, rowKey: versionRowKey, ...columns }],
    ];
  };

  const submit = async (unitId: string, actions: TransactionAction[], stale: (e: unknown) => Error) => {
    const client = await tables.table(UNITS);
    try {
      await client.submitTransaction(actions);
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) throw stale(error);
      throw toStoreError(error, `enheten ${unitId}`);
    }
  };

  const planActions = ({ next, previous }: LocalPlanChange) =>
    versioned(encodeKey(next.unitId), PLAN, planVersion(next.version), next, previous);

  const reports: ReportRepository = {
    get: getReport,
    getWithPlan,
    async save(report, previous, plan) {
      const actions = versioned(
        encodeKey(report.unitId),
        reportRow(report.campaignId),
        reportVersion(report.campaignId, report.version),
        report,
        previous,
      );
      if (actions === 'stale') throw staleReport(undefined);
      if (plan) {
        if (plan.next.unitId !== report.unitId) throw new RangeError('planen gjelder en annen enhet');
        const more = planActions(plan);
        if (more === 'stale') throw stalePlan(undefined);
        actions.push(...more);
      }
      // Which of the two lost is not told by the batch; a re-read by the caller tells.
      await submit(report.unitId, actions, staleReport);
      await Promise.all([
        summaries.recordReport(report),
        ...(plan ? [summaries.recordPlan(plan.next)] : []),
      ]);
    },
    async list(campaignId) {
      const [now, legacy] = await Promise.all([
        query<Report>(UNITS, odata`RowKey eq ${reportRow(campaignId)}`, 'rapportene'),
        query<Report>(LEGACY_REPORTS, odata`PartitionKey eq ${encodeKey(campaignId)}`, 'rapportene'),
      ]);
      const byUnit = new Map(legacy.map((r) => [r.unitId, r]));
      for (const r of now) byUnit.set(r.unitId, r);
      return [...byUnit.values()].map(migrateReport);
    },
    async history(campaignId, unitId) {
      const [now, legacy] = await Promise.all([
        query<Report>(
          UNITS,
          versionsUnder(encodeKey(unitId), `${reportRow(campaignId)}|`),
          'rapporthistorikken',
        ),
        query<Report>(
          LEGACY_VERSIONS,
          odata`PartitionKey eq ${`${encodeKey(campaignId)}|${encodeKey(unitId)}`}`,
          'rapporthistorikken',
        ),
      ]);
      const byVersion = new Map(legacy.map((r) => [r.version, r]));
      for (const r of now) byVersion.set(r.version, r);
      return [...byVersion.values()].map(migrateReport).sort((a, b) => a.version - b.version);
    },
  };

  const localPlans: LocalPlanRepository = {
    get: getPlan,
    async save(plan, previous) {
      const actions = planActions({ next: plan, previous });
      if (actions === 'stale') throw stalePlan(undefined);
      await submit(plan.unitId, actions, stalePlan);
      await summaries.recordPlan(plan);
    },
    async history(unitId) {
      const out = await query<LocalPlan>(
        UNITS,
        versionsUnder(encodeKey(unitId), `${PLAN}|`),
        'planhistorikken',
      );
      return out.sort((a, b) => a.version - b.version);
    },
    // One query across the units' partitions: the current plan rows alone, not their versions.
    all: () => query<LocalPlan>(UNITS, odata`RowKey eq ${PLAN}`, 'de lokale planene'),
  };
  const summaries = createTableUnitSummaries(tables, {
    localPlans: () => localPlans.all(),
    reports: (campaignId) => reports.list(campaignId),
  });
  return { reports, localPlans, summaries };
}
