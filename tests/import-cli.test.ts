import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../bot/log/logger.js';
import { createTablePlanRepository } from '../bot/store/table-plan-repository.js';
import { planFixture, planYaml } from './support/plan-fixture.js';
import { runScript } from './support/processes.js';
import { freshTables } from './support/storage.js';

const dir = mkdtempSync(join(tmpdir(), 'planpuls-import-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run import', () => {
  it('imports a plan, changes nothing on a second run, and rolls forward on request', async () => {
    const { tables, prefix, connectionString } = freshTables();
    const env = { STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: prefix };
    const path = file('good.yaml', planYaml());

    const first = await runScript('bot/cli/import.ts', [path], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Importerte testkommune.2020-2021 (3 hendelser, 1 enheter).\n');

    const repo = createTablePlanRepository(tables, silentLogger);
    const before = await repo.list();
    const second = await runScript('bot/cli/import.ts', [path], env);
    expect(second.stdout).toBe(
      'testkommune.2020-2021 er allerede importert med samme innhold; ingenting endret.\n',
    );
    expect(await repo.list()).toEqual(before);

    const rolled = await runScript('bot/cli/import.ts', [path, '--school-year', '2026-2027'], env);
    expect(rolled.stdout).toBe(
      'Importerte testkommune.2026-2027 (3 hendelser, 1 enheter), rullet fra 2020-2021.\n',
    );
    expect((await repo.load('testkommune.2026-2027'))?.plan.calendar[0]?.date).toBe('2026-05-14');
  });

  it('refuses a broken file naming entry and field, and leaves storage untouched', async () => {
    const { tables, prefix, connectionString } = freshTables();
    const env = { STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: prefix };
    await runScript('bot/cli/import.ts', [file('ok.yaml', planYaml())], env);
    const repo = createTablePlanRepository(tables, silentLogger);
    const before = await repo.list();

    const broken = planFixture();
    broken.title = 'Endret tittel';
    broken.calendar[1].date = '2020-13-01';
    broken.calendar[0].slots[0].end = '12:00';
    const result = await runScript('bot/cli/import.ts', [file('broken.yaml', planYaml(broken))], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('calendar[1] (lp-01).date: er ikke en gyldig dato');
    expect(result.stderr).toContain('calendar[0] (kulg-01).slots[0].end: slutt må være etter start');
    expect(result.stderr).not.toContain('endDate');
    expect(await repo.list()).toEqual(before);
    expect((await repo.load('testkommune.2020-2021'))?.plan.title).toBe('Testplan');
  });

  it('refuses a malformed school year before touching storage', async () => {
    const result = await runScript(
      'bot/cli/import.ts',
      [file('x.yaml', planYaml()), '--school-year', '2026'],
      {
        STORAGE_CONNECTION_STRING: 'not used',
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--school-year må være to påfølgende år');
  });
});
