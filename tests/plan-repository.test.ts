import { describe, expect, it } from 'vitest';
import { ConflictError } from '../bot/domain/errors.js';
import { schoolYear } from '../bot/domain/calendar/school-year.js';
import { rollPlanForward } from '../bot/domain/plan/roll-forward.js';
import { validatePlan } from '../bot/domain/plan/validate-plan.js';
import type { PlanFile } from '../bot/domain/plan/plan-schema.js';
import { silentLogger } from '../bot/log/logger.js';
import { createTablePlanRepository } from '../bot/store/table-plan-repository.js';
import { planFixture } from './support/plan-fixture.js';
import { freshTables } from './support/storage.js';

const at = new Date('2026-11-23T08:00:00Z');

function plan(change?: (raw: Record<string, any>) => void): PlanFile {
  const raw = planFixture();
  change?.(raw);
  const result = validatePlan(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

async function rowCount(tables: ReturnType<typeof freshTables>['tables']): Promise<number> {
  let count = 0;
  for await (const row of (await tables.table('planrows')).listEntities()) count += row ? 1 : 0;
  return count;
}

describe('table plan repository (real Azurite)', () => {
  it('stores a plan and loads exactly the same plan back', async () => {
    const { tables } = freshTables();
    const repo = createTablePlanRepository(tables, silentLogger);
    const saved = await repo.save(plan(), { importedAt: at });
    expect(saved.changed).toBe(true);
    expect(saved.info).toMatchObject({ key: 'testkommune.2020-2021', importedAt: at.toISOString() });

    const fresh = createTablePlanRepository(tables, silentLogger);
    const loaded = await fresh.load('testkommune.2020-2021');
    expect(loaded?.plan).toEqual(plan());
    expect((await fresh.list()).map((p) => p.key)).toEqual(['testkommune.2020-2021']);
  });

  it('changes nothing when the same plan is saved again', async () => {
    const { tables } = freshTables();
    const repo = createTablePlanRepository(tables, silentLogger);
    const first = await repo.save(plan(), { importedAt: at });
    const again = await repo.save(plan(), { importedAt: new Date('2026-12-01T00:00:00Z') });
    expect(again.changed).toBe(false);
    expect(again.info.etag).toBe(first.info.etag);
    expect(again.info.importedAt).toBe(at.toISOString());
  });

  it('replaces a changed plan and removes the superseded revision', async () => {
    const { tables } = freshTables();
    const repo = createTablePlanRepository(tables, silentLogger);
    await repo.save(plan(), { importedAt: at });
    const rowsBefore = await rowCount(tables);
    const changed = plan((raw) => raw.calendar.pop());
    expect((await repo.save(changed, { importedAt: at })).changed).toBe(true);
    expect((await repo.load('testkommune.2020-2021'))?.plan.calendar).toHaveLength(2);
    expect(await rowCount(tables)).toBe(rowsBefore - 1);
  });

  it('keeps a rolled plan apart from its source and remembers where it came from', async () => {
    const { tables } = freshTables();
    const repo = createTablePlanRepository(tables, silentLogger);
    await repo.save(plan(), { importedAt: at });
    await repo.save(rollPlanForward(plan(), schoolYear(2026)), { importedAt: at, rolledFrom: '2020-2021' });
    const keys = (await repo.list()).map((p) => [p.key, p.rolledFrom]);
    expect(keys).toEqual([
      ['testkommune.2020-2021', undefined],
      ['testkommune.2026-2027', '2020-2021'],
    ]);
  });

  it('turns a lost race between two saves into a ConflictError, never a silent overwrite', async () => {
    const { tables } = freshTables();
    // A reads the pointer and writes its revision; as it is about to swap the pointer, B's whole
    // save runs, and only then does A's swap go out: the saves overlap every time, whatever the
    // machine's load.
    let bDone: Promise<unknown> | undefined;
    const b = createTablePlanRepository(tables, silentLogger);
    const saveB = () =>
      b.save(
        plan((raw) => (raw.title = 'Versjon B')),
        { importedAt: at },
      );
    const heldBack: typeof tables = {
      ...tables,
      table: async (name) => {
        const client = await tables.table(name);
        if (name !== 'plans') return client;
        return new Proxy(client, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver);
            if (prop !== 'updateEntity' || typeof value !== 'function') return value;
            return async (...args: unknown[]) => {
              bDone = saveB();
              await bDone.catch(() => undefined);
              return value.apply(target, args);
            };
          },
        });
      },
    };
    const a = createTablePlanRepository(heldBack, silentLogger);
    await b.save(plan(), { importedAt: at });
    const aSaves = a.save(
      plan((raw) => (raw.title = 'Versjon A')),
      { importedAt: at },
    );
    await aSaves.catch(() => undefined);
    const results = await Promise.allSettled([aSaves, bDone]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const winner = results.findIndex((r) => r.status === 'fulfilled') === 0 ? 'Versjon A' : 'Versjon B';
    expect(
      (await createTablePlanRepository(tables, silentLogger).load('testkommune.2020-2021'))?.plan.title,
    ).toBe(winner);
  });
});
