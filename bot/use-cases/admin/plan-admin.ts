import type { SchoolYear } from '../../domain/calendar/school-year.js';
import { BadRequestError, NotFoundError, PlanInvalidError, type PlanIssue } from '../../domain/errors.js';
import { planChanges, samePlan, type MovedEvent, type PlanChanges } from '../../domain/plan/plan-changes.js';
import type { PlanFile } from '../../domain/plan/plan-schema.js';
import { rollPlanForward } from '../../domain/plan/roll-forward.js';
import { parsePlan, validatePlan } from '../../domain/plan/validate-plan.js';
import { importPlan, type ImportPlanDeps } from '../import-plan.js';
import { planKey } from '../plan-repository.js';
import { currentPlan, type ReadPlanDeps } from '../read-plan.js';

export interface PlanAdminDeps extends ImportPlanDeps {
  read: ReadPlanDeps;
  /** Brings reminder jobs in line with the stored plans (the app's `syncAllReminders`). */
  resync: () => Promise<void>;
}

/** A plan file as it arrived: text (YAML or JSON) or JSON the HTTP layer already parsed. */
export type PlanSource = { text: string } | { parsed: unknown };

/** The outcome of checking or importing a file; nothing is stored when `valid` is false. */
export type ImportOutcome =
  | { readonly valid: false; readonly issues: readonly PlanIssue[] }
  | {
      readonly valid: true;
      readonly key: string;
      readonly title: string;
      readonly schoolYear: string;
      /** False when the stored plan already has exactly this content. */
      readonly changed: boolean;
      readonly changes: PlanChanges;
      readonly revision?: string;
    };

/** Validates a plan file completely and tells what importing it would change; stores nothing. */
export async function checkPlanImport(deps: PlanAdminDeps, source: PlanSource): Promise<ImportOutcome> {
  const validation = 'text' in source ? parsePlan(source.text) : validatePlan(source.parsed);
  if (!validation.ok) return { valid: false, issues: validation.issues };
  const plan = validation.plan;
  const stored = await deps.plans.load(planKey(plan));
  const changes = planChanges(stored?.plan, plan);
  return {
    valid: true,
    key: planKey(plan),
    title: plan.title,
    schoolYear: plan.schoolYear,
    changed: !stored || !samePlan(stored.plan, plan),
    changes,
  };
}

/** Imports a plan file (every problem refused before anything is written), then re-syncs reminders. */
export async function importPlanFile(deps: PlanAdminDeps, source: PlanSource): Promise<ImportOutcome> {
  const checked = await checkPlanImport(deps, source);
  if (!checked.valid) throw new PlanInvalidError(checked.issues);
  const text = 'text' in source ? source.text : JSON.stringify(source.parsed);
  const result = await importPlan(deps, text);
  await deps.resync();
  return { ...checked, changed: result.changed, revision: result.info.revision };
}

/** What rolling the current plan forward to a school year would do. */
export interface RollForwardPreview {
  readonly from: { readonly key: string; readonly schoolYear: string };
  readonly to: { readonly key: string; readonly schoolYear: string };
  /** A plan for the target year is stored already; confirming replaces it. */
  readonly replaces: boolean;
  readonly moved: readonly MovedEvent[];
  readonly revision?: string;
}

export interface RollForwardTexts {
  noPlan: string;
  sameSchoolYear(year: string): string;
}

/** Previews rolling the current plan forward to `target`, keeping ISO week and weekday; stores nothing. */
export async function previewRollForward(
  deps: PlanAdminDeps,
  target: SchoolYear,
  texts: RollForwardTexts,
): Promise<{ preview: RollForwardPreview; plan: PlanFile }> {
  const stored = await currentPlan(deps.read);
  if (!stored) throw new NotFoundError(texts.noPlan);
  if (stored.plan.schoolYear === target.label) {
    throw new BadRequestError(texts.sameSchoolYear(target.label));
  }
  const rolled = rollPlanForward(stored.plan, target);
  const key = planKey(rolled);
  const before = new Map(stored.plan.calendar.map((e) => [e.id, e.date]));
  return {
    plan: stored.plan,
    preview: {
      from: { key: stored.info.key, schoolYear: stored.plan.schoolYear },
      to: { key, schoolYear: rolled.schoolYear },
      replaces: (await deps.plans.list()).some((p) => p.key === key),
      moved: rolled.calendar.map((e) => ({
        id: e.id,
        title: e.title,
        from: before.get(e.id) ?? e.date,
        to: e.date,
      })),
    },
  };
}

/** Rolls the current plan forward through the validated import path and re-syncs reminders. */
export async function rollForward(
  deps: PlanAdminDeps,
  target: SchoolYear,
  texts: RollForwardTexts,
): Promise<RollForwardPreview> {
  const { preview, plan } = await previewRollForward(deps, target, texts);
  const result = await importPlan(deps, JSON.stringify(plan), { schoolYear: target });
  await deps.resync();
  return { ...preview, revision: result.info.revision };
}
