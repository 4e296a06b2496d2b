import { describe, expect, it } from 'vitest';
import { ConflictError } from '../bot/domain/errors.js';
import { emptyContent, type Report } from '../bot/domain/reports/report.js';
import type { LocalPlan } from '../bot/domain/reports/local-plan.js';
import { createTableUnitPlans } from '../bot/store/table-reports.js';
import { freshTables } from './support/storage.js';

const report = (version: number, by: string): Report => ({
  campaignId: '2026-H2',
  unitId: 'leknes-skole',
  status: 'utkast',
  version,
  content: { ...emptyContent(), kartlegging: by },
  savedBy: by,
  savedByName: by,
  savedAt: '2026-12-02T10:00:00Z',
});

const localPlan = (version: number, mal: string): LocalPlan => ({
  unitId: 'leknes-skole',
  version,
  kartlegging: '',
  analyse: '',
  mal,
  actions: [],
  savedBy: 'x',
  savedByName: 'x',
  savedAt: '2026-12-02T10:00:00Z',
});

describe('table reports (real Azurite)', () => {
  it('lets one of ten simultaneous saves of a version win; the others get ConflictError and see the winner', async () => {
    const store = createTableUnitPlans(freshTables().tables).reports;
    await store.save(report(1, 'first'));
    const previous = await store.get('2026-H2', 'leknes-skole');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => store.save(report(2, `writer-${i}`), previous)),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(ConflictError);
        expect((r.reason as Error).message).toContain('Ingenting er lagret');
      }
    expect((await store.get('2026-H2', 'leknes-skole'))?.content.kartlegging).toBe(`writer-${won[0]}`);
    expect((await store.history('2026-H2', 'leknes-skole')).map((r) => r.savedBy)).toEqual([
      'first',
      `writer-${won[0]}`,
    ]);
  });

  it('refuses a first save when a report already exists, and a save that skips a version', async () => {
    const store = createTableUnitPlans(freshTables().tables).reports;
    await store.save(report(1, 'a'));
    await expect(store.save(report(1, 'b'))).rejects.toBeInstanceOf(ConflictError);
    await expect(store.save(report(3, 'c'))).rejects.toBeInstanceOf(ConflictError);
    expect(await store.history('2026-H2', 'leknes-skole')).toHaveLength(1);
  });

  it('writes a report and the local plan it updates together: when the plan is stale, neither is written', async () => {
    const { reports, localPlans } = createTableUnitPlans(freshTables().tables);
    await localPlans.save(localPlan(1, 'fra fanen'));
    const seen = await localPlans.get('leknes-skole');
    // Someone saves the plan in the tab between the read and the report's submit.
    await localPlans.save(localPlan(2, 'igjen fra fanen'), await localPlans.get('leknes-skole'));
    await expect(
      reports.save(report(1, 'rapport'), undefined, { next: localPlan(2, 'fra rapporten'), previous: seen }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await reports.get('2026-H2', 'leknes-skole')).toBeUndefined();
    expect(await reports.history('2026-H2', 'leknes-skole')).toEqual([]);
    expect((await localPlans.get('leknes-skole'))?.mal).toBe('igjen fra fanen');

    const latest = await localPlans.get('leknes-skole');
    await reports.save(report(1, 'rapport'), undefined, {
      next: localPlan(3, 'fra rapporten'),
      previous: latest,
    });
    expect((await localPlans.get('leknes-skole'))?.mal).toBe('fra rapporten');
    expect((await localPlans.history('leknes-skole')).map((p) => p.version)).toEqual([1, 2, 3]);
    expect((await reports.get('2026-H2', 'leknes-skole'))?.savedBy).toBe('rapport');
  });

  it('reads a report and its local plan together, each as `get` would, and a save on them is checked against both', async () => {
    const { reports, localPlans } = createTableUnitPlans(freshTables().tables);
    expect(await reports.getWithPlan('2026-H2', 'leknes-skole')).toEqual({
      report: undefined,
      localPlan: undefined,
    });
    await localPlans.save(localPlan(1, 'fra fanen'));
    await reports.save(report(1, 'utkast'));
    // Another campaign's report in the same partition is not read.
    await reports.save({ ...report(1, 'annen'), campaignId: '2027-H1' });
    const both = await reports.getWithPlan('2026-H2', 'leknes-skole');
    expect(both.report).toEqual(await reports.get('2026-H2', 'leknes-skole'));
    expect(both.localPlan).toEqual(await localPlans.get('leknes-skole'));

    // The plan changes in the tab after the read: the submit built on it stores nothing.
    await localPlans.save(localPlan(2, 'igjen fra fanen'), await localPlans.get('leknes-skole'));
    await expect(
      reports.save(report(2, 'sendt'), both.report, {
        next: localPlan(2, 'fra rapporten'),
        previous: both.localPlan,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await reports.get('2026-H2', 'leknes-skole'))?.version).toBe(1);

    const again = await reports.getWithPlan('2026-H2', 'leknes-skole');
    await reports.save(report(2, 'sendt'), again.report, {
      next: localPlan(3, 'fra rapporten'),
      previous: again.localPlan,
    });
    expect((await reports.getWithPlan('2026-H2', 'leknes-skole')).localPlan?.mal).toBe('fra rapporten');
    expect((await reports.history('2026-H2', 'leknes-skole')).map((r) => r.savedBy)).toEqual([
      'utkast',
      'sendt',
    ]);
  });

  it('reads reports stored before local plans, with one handling text, as one action, and saves on top of them', async () => {
    const { tables } = freshTables();
    const old = {
      ...report(1, 'gammel'),
      content: {
        kartlegging: 'k',
        analyse: 'a',
        mal: 'm',
        handling: 'Flere voksne ute.',
        handlingFrist: '2027-03-01',
        handlingStatus: 'pågår',
        signs: {},
        tidsressurser: '',
        fritekst: '',
        answers: {},
      },
    };
    // The layout of the first release: reports by campaign, versions by campaign and unit.
    await (
      await tables.table('reports')
    ).createEntity({
      partitionKey: '2026-H2',
      rowKey: 'leknes-skole',
      json: JSON.stringify(old),
    });
    await (
      await tables.table('reportversions')
    ).createEntity({
      partitionKey: '2026-H2|leknes-skole',
      rowKey: '000001',
      json: JSON.stringify(old),
    });
    const store = createTableUnitPlans(tables).reports;
    const read = await store.get('2026-H2', 'leknes-skole');
    expect((await store.getWithPlan('2026-H2', 'leknes-skole')).report).toEqual(read);
    expect(read?.content.actions).toEqual([
      { id: 'h1', text: 'Flere voksne ute.', deadline: '2027-03-01', status: 'pågår' },
    ]);
    expect(read?.content).not.toHaveProperty('handling');
    expect((await store.list('2026-H2')).map((r) => r.content.actions.length)).toEqual([1]);
    await store.save(report(2, 'ny'), read);
    await expect(store.save(report(2, 'ny igjen'), read)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.get('2026-H2', 'leknes-skole'))?.savedBy).toBe('ny');
    expect(
      (await store.history('2026-H2', 'leknes-skole')).map((r) => [r.version, r.content.actions.length]),
    ).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(await store.list('2026-H2')).toHaveLength(1);
  });

  it('keeps a report larger than one table column (64 KiB) whole', async () => {
    const store = createTableUnitPlans(freshTables().tables).reports;
    const big = { ...report(1, 'stor'), content: { ...emptyContent(), fritekst: 'æ'.repeat(70_000) } };
    await store.save(big);
    expect((await store.get('2026-H2', 'leknes-skole'))?.content.fritekst).toHaveLength(70_000);
  });
});
