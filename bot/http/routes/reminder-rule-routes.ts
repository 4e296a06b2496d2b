import type { Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import type { AccessDeps } from '../../use-cases/access.js';
import type { PlanAdminDeps } from '../../use-cases/admin/plan-admin.js';
import {
  readReminderRules,
  updateReminderRules,
  type RuleChange,
} from '../../use-cases/admin/reminder-rules.js';
import type { Authenticator } from '../auth/authenticator.js';
import { route } from '../respond.js';
import { id, text } from '../schemas.js';
import { parseRequest } from '../validate.js';

/**
 * The rules as the tab sends them back. The values themselves are checked where the plan is: the
 * change is written as a plan revision through the validated import (400 with its problems).
 */
const ruleValue = z.union([z.number(), z.string().max(20), z.boolean(), z.null()]).optional();
const entry = z
  .object({ id, readingLeadDays: ruleValue, reminderTime: ruleValue })
  .transform((e) => ({ id: e.id, readingLeadDays: e.readingLeadDays, reminderTime: e.reminderTime }));
const rulesBody = z.object({
  revision: text(100).min(1),
  programmes: z.array(entry).max(1000).default([]),
  events: z.array(entry).max(5000).default([]),
});
import { adminTextsFor, authoriseAdmin } from '../auth/authorise-admin.js';

export interface ReminderRuleRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  access: AccessDeps;
  plans: PlanAdminDeps;
}

/**
 * `GET /api/plan/reminder-rules`: the current plan's reminder defaults per programme and
 * overrides per event; `PUT` writes them as a new plan revision through the validated import
 * (400 with the validator's problems, 409 on a stale revision). Admins only.
 */
export function reminderRuleRoutes(server: Server, deps: ReminderRuleRouteDeps): void {
  server.get(
    '/api/plan/reminder-rules',
    route(deps.logger, async (req, res) => {
      await authoriseAdmin(deps.authenticate, deps.access, req);
      res.header('cache-control', 'no-store');
      res.json(200, await readReminderRules(deps.plans, adminTextsFor(req)));
    }),
  );

  server.put(
    '/api/plan/reminder-rules',
    route(deps.logger, async (req, res) => {
      await authoriseAdmin(deps.authenticate, deps.access, req);
      const texts = adminTextsFor(req);
      const change: RuleChange = parseRequest(req, { body: rulesBody }).body;
      res.json(200, await updateReminderRules(deps.plans, change, texts));
    }),
  );
}
