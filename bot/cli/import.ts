// `npm run import -- FILE [--school-year 2026-2027]`: validates a plan file completely, then
// stores it (rolled forward if asked). A bad file changes nothing and exits 1 naming the entries.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { parseSchoolYear } from '../domain/calendar/school-year.js';
import { PlanInvalidError, PlanpulsError } from '../domain/errors.js';
import { planIssuesMessage } from '../i18n/plan-issues.js';
import { createLogger } from '../log/logger.js';
import { systemClock } from '../platform/system-clock.js';
import { openStorage } from '../platform/storage.js';
import { createTablePlanRepository } from '../store/table-plan-repository.js';
import { importPlan } from '../use-cases/import-plan.js';

const USAGE = 'Bruk: npm run import -- FIL [--school-year ÅÅÅÅ-ÅÅÅÅ]';

async function run(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'school-year': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const schoolYear = values['school-year'] === undefined ? undefined : parseSchoolYear(values['school-year']);
  if (values['school-year'] !== undefined && !schoolYear) {
    process.stderr.write(
      `--school-year må være to påfølgende år, f.eks. 2026-2027, ikke «${values['school-year']}».\n`,
    );
    return 2;
  }

  const source = await readFile(file, 'utf8');
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel === 'debug' ? 'debug' : 'warn' });
  const storage = await openStorage(config, logger);
  try {
    const plans = createTablePlanRepository(storage.tables, logger);
    const result = await importPlan({ plans, clock: systemClock }, source, schoolYear ? { schoolYear } : {});
    const what = `${result.plan.calendar.length} hendelser, ${result.plan.units.length} enheter`;
    process.stdout.write(
      result.changed
        ? `Importerte ${result.info.key} (${what})${result.info.rolledFrom ? `, rullet fra ${result.info.rolledFrom}` : ''}.\n`
        : `${result.info.key} er allerede importert med samme innhold; ingenting endret.\n`,
    );
    return 0;
  } finally {
    await storage.stop();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${
        error instanceof PlanInvalidError
          ? planIssuesMessage(error.issues, 'nb')
          : error instanceof PlanpulsError
            ? error.message
            : String((error as Error)?.stack ?? error)
      }\n`,
    );
    process.exit(1);
  },
);
