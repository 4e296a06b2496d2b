import type { Server } from 'restify';
import { BadRequestError } from '../../domain/errors.js';
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
      const change = ruleChange(req.body);
      if (!change) throw new BadRequestError(texts.badRules);
      res.json(200, await updateReminderRules(deps.plans, change, texts));
    }),
  );
}

function ruleChange(body: unknown): RuleChange | undefined {
  const b = (body ?? {}) as Record<string, unknown>;
  const entries = (list: unknown) =>
    Array.isArray(list) &&
    list.every((x) => x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string')
      ? (list as RuleChange['events'])
      : undefined;
  const programmes = entries(b.programmes ?? []);
  const events = entries(b.events ?? []);
  if (typeof b.revision !== 'string' || !programmes || !events) return undefined;
  return { revision: b.revision, programmes, events };
}
