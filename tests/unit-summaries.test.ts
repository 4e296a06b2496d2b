import { describe, expect, it } from 'vitest';
import { emptyContent, type Report } from '../bot/domain/reports/report.js';
import type { LocalPlan } from '../bot/domain/reports/local-plan.js';
import { createTableUnitPlans } from '../bot/store/table-reports.js';
import { createTableUnitSummaries } from '../bot/store/table-unit-summaries.js';
import { connectTables } from '../bot/store/table-service.js';
import { freshTables } from './support/storage.js';

const report = (
  unitId: string,
  version: number,
  answer: 'ja' | 'nei',
  status: Report['status'] = 'sendt',
): Report => ({
  campaignId: '2026-H2',
  unitId,
  status,
  version,
  content: { ...emptyContent(), kartlegging: 'lang tekst', signs: { s1: { answer, comment: 'hvorfor' } } },
  savedBy: 'a3',
  savedByName: 'Rita Rektor',
  savedAt: `2026-12-0${version}T10:00:00Z`,
  ...(status === 'sendt' ? { submittedAt: `2026-12-0${version}T10:00:00Z` } : {}),
});

const plan = (unitId: string, version: number): LocalPlan => ({
  unitId,
  version,
  kartlegging: 'k',
  analyse: 'a',
  mal: 'm',
  actions: [{ id: 'h1', text: 'Lesekurs', deadline: '2026-11-30', status: 'pågår' }],
  savedBy: 'a3',
  savedByName: 'Rita Rektor',
  savedAt: '2026-12-01T10:00:00Z',
});

describe('the status overview’s index of units (real Azurite)', () => {
  it('holds each save’s summary without the texts, the newest version winning', async () => {
    const { tables } = freshTables();
    const store = createTableUnitPlans(tables);
    await store.reports.save(report('leknes-skole', 1, 'nei', 'utkast'));
    const draft = await store.reports.get('2026-H2', 'leknes-skole');
    await store.reports.save(report('leknes-skole', 2, 'ja'), draft, {
      next: plan('leknes-skole', 1),
      previous: undefined,
    });
    // Written by the saves themselves, before anything read the index.
    const raw = await tables.table('unitsummaries');
    const keys: string[] = [];
    for await (const row of raw.listEntities()) keys.push(`${row.partitionKey}/${row.rowKey}`);
    expect(keys.sort()).toEqual(['p/leknes-skole', 'r|2026-H2/leknes-skole']);
    const { localPlans, reports } = await store.summaries.units(['2026-H2']);
    expect(reports.get('2026-H2')).toEqual([
      {
        campaignId: '2026-H2',
        unitId: 'leknes-skole',
        status: 'sendt',
        version: 2,
        savedAt: '2026-12-02T10:00:00Z',
        submittedAt: '2026-12-02T10:00:00Z',
        answers: { s1: 'ja' },
      },
    ]);
    expect(localPlans).toEqual([
      {
        unitId: 'leknes-skole',
        version: 1,
        savedAt: '2026-12-01T10:00:00Z',
        savedBy: 'a3',
        savedByName: 'Rita Rektor',
        actions: [{ status: 'pågår', deadline: '2026-11-30' }],
      },
    ]);
    // A late write of an older version (a retry, another instance) leaves the newer one.
    const index = createTableUnitSummaries(tables, {
      localPlans: async () => [],
      reports: async () => [],
    });
    await index.recordReport(report('leknes-skole', 1, 'nei', 'utkast'));
    expect((await store.summaries.units(['2026-H2'])).reports.get('2026-H2')?.[0]?.version).toBe(2);
  });

  it('is made right from the units’ own rows when a summary was never written (a crash between the two writes)', async () => {
    const { tables, connectionString, prefix } = freshTables();
    // Saves whose summaries are then lost, as if the process died after each save's own transaction.
    const broken = createTableUnitPlans(tables);
    await broken.reports.save(report('leknes-skole', 1, 'ja'));
    await broken.localPlans.save(plan('leknes-skole', 1));
    await broken.reports.save(report('ballstad-skole', 1, 'nei'));
    const summaries = await tables.table('unitsummaries');
    for await (const row of summaries.listEntities())
      await summaries.deleteEntity(row.partitionKey!, row.rowKey!);

    // Another process (its own connection) reads: the first read checks against the source.
    const restarted = createTableUnitPlans(connectTables(connectionString, prefix));
    const first = await restarted.summaries.units(['2026-H2']);
    const units = first.reports.get('2026-H2')!.map((r) => [r.unitId, r.answers.s1]);
    expect(units.sort()).toEqual([
      ['ballstad-skole', 'nei'],
      ['leknes-skole', 'ja'],
    ]);
    expect(first.localPlans.map((p) => p.unitId)).toEqual(['leknes-skole']);
    // …and wrote the index back, so the next process reads it without the source.
    const rows = [];
    for await (const row of summaries.listEntities()) rows.push(row.rowKey);
    expect(rows.sort()).toEqual(['ballstad-skole', 'leknes-skole', 'leknes-skole']);
    // The next read answers from the index alone, with the same content.
    const again = await restarted.summaries.units(['2026-H2']);
    expect(
      again.reports
        .get('2026-H2')!
        .map((r) => r.unitId)
        .sort(),
    ).toEqual(['ballstad-skole', 'leknes-skole']);
    expect(again.localPlans).toEqual(first.localPlans);
  });

  it('keeps both when a unit’s plan and report summaries are written at the same moment', async () => {
    const { tables } = freshTables();
    const index = createTableUnitSummaries(tables, { localPlans: async () => [], reports: async () => [] });
    await index.units(['2026-H2']); // checked against the (empty) source: later reads use the index
    const units = ['a', 'b', 'c', 'd', 'e'];
    await Promise.all(
      units.flatMap((u) => [index.recordPlan(plan(u, 1)), index.recordReport(report(u, 1, 'ja'))]),
    );
    const read = await index.units(['2026-H2']);
    expect(read.localPlans.map((p) => p.unitId).sort()).toEqual(units);
    expect(
      read.reports
        .get('2026-H2')!
        .map((r) => r.unitId)
        .sort(),
    ).toEqual(units);
  });
});
