import type { Request, Server } from 'restify';
import { z } from 'zod';
import { parseSchoolYear } from '../../domain/calendar/school-year.js';
import { BadRequestError } from '../../domain/errors.js';
import { languageOf } from '../../i18n/index.js';
import { planIssueText } from '../../i18n/plan-issues.js';
import type { Logger } from '../../log/logger.js';
import type { AccessDeps } from '../../use-cases/access.js';
import {
  checkPlanImport,
  importPlanFile,
  previewRollForward,
  rollForward,
  type PlanAdminDeps,
  type PlanSource,
} from '../../use-cases/admin/plan-admin.js';
import type { Authenticator } from '../auth/authenticator.js';
import { route } from '../respond.js';
import { text } from '../schemas.js';
import { parseRequest } from '../validate.js';

/** `2027-2028`; whether it is a school year the domain says, with its own words. */
const rollBody = z.object({ schoolYear: text(20).default(''), dryRun: z.boolean().optional() });
import { adminTextsFor, authoriseAdmin } from '../auth/authorise-admin.js';

export interface PlanAdminRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  access: AccessDeps;
  plans: PlanAdminDeps;
}

/**
 * Plan administration for the tab, admins only:
 * - `POST /api/plan/import[?dryRun=true]`: a plan file as YAML or JSON. A dry run validates and
 *   tells what would change, storing nothing; a real import refuses a bad file with every problem
 *   (400, `details`) and stores nothing, else stores it and re-syncs reminders.
 * - `POST /api/plan/roll-forward` `{schoolYear, dryRun?}`: the current plan moved to another
 *   school year (ISO week and weekday kept); the dry run lists every moved date.
 */
export function planAdminRoutes(server: Server, deps: PlanAdminRouteDeps): void {
  server.post(
    '/api/plan/import',
    route(deps.logger, async (req, res) => {
      await authoriseAdmin(deps.authenticate, deps.access, req);
      const source = planSource(req);
      if (!source) throw new BadRequestError(adminTextsFor(req).emptyPlan);
      res.header('cache-control', 'no-store');
      if (isDryRun(req)) {
        const checked = await checkPlanImport(deps.plans, source);
        const language = languageOf(req.header('accept-language'));
        res.json(200, {
          dryRun: true,
          ...(checked.valid
            ? checked
            : { ...checked, issues: checked.issues.map((issue) => planIssueText(issue, language)) }),
        });
        return;
      }
      res.json(200, { dryRun: false, ...(await importPlanFile(deps.plans, source)) });
    }),
  );

  server.post(
    '/api/plan/roll-forward',
    route(deps.logger, async (req, res) => {
      await authoriseAdmin(deps.authenticate, deps.access, req);
      const texts = adminTextsFor(req);
      const raw = parseRequest(req, { body: rollBody }).body.schoolYear;
      const target = parseSchoolYear(raw);
      if (!target) throw new BadRequestError(texts.badSchoolYear(raw));
      res.header('cache-control', 'no-store');
      if (isDryRun(req, true)) {
        const { preview } = await previewRollForward(deps.plans, target, texts);
        res.json(200, { dryRun: true, ...preview });
        return;
      }
      res.json(200, { dryRun: false, ...(await rollForward(deps.plans, target, texts)) });
    }),
  );
}

/**
 * `?dryRun=true` (or `?mode=validate`); for a roll-forward also `"dryRun": true` in the body (an
 * import's body is the plan file itself).
 */
function isDryRun(req: Request, inBody = false): boolean {
  const query = (req.query ?? {}) as Record<string, unknown>;
  if (query.dryRun === 'true' || query.dryRun === '1' || query.mode === 'validate') return true;
  return inBody && (req.body as { dryRun?: unknown } | undefined)?.dryRun === true;
}

/** JSON arrives parsed by the body parser; YAML (or any text) as it was sent. */
function planSource(req: Request): PlanSource | undefined {
  const body: unknown = req.body;
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
  if (text === undefined) return { parsed: body };
  return text.trim() ? { text } : undefined;
}
