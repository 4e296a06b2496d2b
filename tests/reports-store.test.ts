import { describe, expect, it } from 'vitest';
import { ConflictError } from '../bot/domain/errors.js';
import { emptyContent, type Report } from '../bot/domain/reports/report.js';
import { createTableReports } from '../bot/store/table-reports.js';
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

describe('table reports (real Azurite)', () => {
  it('lets one of ten simultaneous saves of a version win; the others get ConflictError and see the winner', async () => {
    const store = createTableReports(freshTables().tables);
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
    const store = createTableReports(freshTables().tables);
    await store.save(report(1, 'a'));
    await expect(store.save(report(1, 'b'))).rejects.toBeInstanceOf(ConflictError);
    await expect(store.save(report(3, 'c'))).rejects.toBeInstanceOf(ConflictError);
    expect(await store.history('2026-H2', 'leknes-skole')).toHaveLength(1);
  });
});
