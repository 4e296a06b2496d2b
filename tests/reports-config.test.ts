import { describe, expect, it } from 'vitest';
import { createApp } from '../bot/app.js';
import { loadConfig } from '../bot/config/config.js';
import { silentLogger } from '../bot/log/logger.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { ADMIN } from './support/app.js';
import { planYaml } from './support/plan-fixture.js';
import { freshTables } from './support/storage.js';

describe('report campaign settings from the environment', () => {
  it('opens, is due and reminds on the configured days', async () => {
    const clock = { now: () => new Date('2020-11-20T08:00:00Z') };
    const app = createApp({
      config: loadConfig({
        PORT: '0',
        ADMIN_AAD_OBJECT_IDS: ADMIN,
        REPORT_H2_OPENS: '11-20',
        REPORT_DEADLINE_DAY: '30',
        REPORT_REMINDER_DAYS: '10,2',
      }),
      logger: silentLogger,
      clock,
      tables: freshTables().tables,
      deliver: false,
    });
    await importPlan({ plans: app.plans, clock }, planYaml());
    const url = await app.listen();
    try {
      const response = await fetch(`${url}/api/reports/campaigns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
        body: JSON.stringify({ id: '2020-H2' }),
      });
      expect(response.status).toBe(201);
      expect(((await response.json()) as any).campaign).toMatchObject({
        opens: '2020-11-20',
        deadline: '2020-11-30',
      });
      expect((await app.jobs.get('rapport-paminnelse:2020-H2:10'))?.dueAt.toISOString()).toBe(
        '2020-11-20T07:00:00.000Z',
      );
      expect((await app.jobs.get('rapport-paminnelse:2020-H2:2'))?.dueAt.toISOString()).toBe(
        '2020-11-28T07:00:00.000Z',
      );
      expect(await app.jobs.get('rapport-paminnelse:2020-H2:7')).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
