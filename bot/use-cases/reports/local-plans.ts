import { BadRequestError, ConflictError } from '../../domain/errors.js';
import { problem, type Problem } from '../../domain/problems.js';
import type { PlanFile } from '../../domain/plan/plan-schema.js';
import { isServesRef, planKnowsServes } from '../../domain/reports/action-serves.js';
import {
  type ActionInput,
  assignActionIds,
  emptyLocalPlan,
  localPlanFromJson,
  localPlanProblems,
  type LocalPlan,
} from '../../domain/reports/local-plan.js';
import { problemsText } from '../../i18n/problems.js';
import type { ReportTexts } from '../../i18n/reports.js';
import { notFound, refuse } from '../refusals.js';
import { ForbiddenError } from '../../domain/errors.js';
import type { Access } from '../access.js';
import { currentPlan } from '../read-plan.js';
import { mayChange, mayRead, savedStamp, when } from './report-rules.js';
import type { ReportDeps } from './report-deps.js';

type Deps = Pick<ReportDeps, 'read' | 'localPlans'>;

/** What the tab gets: the plan (version 0 when never saved) and whether the caller may edit it. */
export interface LocalPlanView {
  readonly plan: LocalPlan;
  readonly mayEdit: boolean;
}

async function unitOf(deps: Deps, unitId: string) {
  const plan = (await currentPlan(deps.read))?.plan;
  const unit = plan?.units.find((u) => u.id === unitId);
  if (!plan || !unit) throw refuse(notFound, 'UNIT_NOT_FOUND');
  return { unit, plan };
}

/** Actions naming a goal or theme the plan does not have (a well-formed but unknown one). */
function unknownServes(plan: PlanFile, actions: readonly ActionInput[]): Problem[] {
  return actions.flatMap((action, i) =>
    action.serves && isServesRef(action.serves) && !planKnowsServes(plan, action.serves)
      ? [problem('FIELD_INVALID', { field: { kind: 'action-serves', n: i + 1 } })]
      : [],
  );
}

/** The unit's local plan, for its leaders, admins and coordinators. */
export async function readLocalPlan(
  deps: Deps,
  access: Access,
  unitId: string,
  text: ReportTexts,
): Promise<LocalPlanView> {
  await unitOf(deps, unitId);
  if (!mayRead(access, unitId)) throw new ForbiddenError(text.localPlanNoAccess);
  const plan = (await deps.localPlans.get(unitId)) ?? emptyLocalPlan(unitId);
  return { plan, mayEdit: mayChange(access, unitId) };
}

/** Every version of the unit's local plan, oldest first. */
export async function localPlanHistory(
  deps: Deps,
  access: Access,
  unitId: string,
  text: ReportTexts,
): Promise<LocalPlan[]> {
  await unitOf(deps, unitId);
  if (!mayRead(access, unitId)) throw new ForbiddenError(text.localPlanNoAccess);
  return deps.localPlans.history(unitId);
}

/**
 * Saves a new version of the unit's local plan, by its leaders or an admin. `expectedVersion` is
 * the version the editor saw; when the stored one differs, ConflictError names who saved it when,
 * and nothing is stored. Bad input is a BadRequestError listing every problem.
 */
export async function saveLocalPlan(
  deps: Deps,
  access: Access,
  unitId: string,
  body: Record<string, unknown>,
  expectedVersion: number | undefined,
  text: ReportTexts,
): Promise<LocalPlan> {
  const { plan: file } = await unitOf(deps, unitId);
  if (!mayChange(access, unitId)) throw new ForbiddenError(text.localPlanNotLeader);
  if (expectedVersion === undefined || !Number.isInteger(expectedVersion) || expectedVersion < 0)
    throw new BadRequestError(text.localPlanNeedVersion);
  const input = localPlanFromJson(body);
  const problems = [...localPlanProblems(input, 'plan'), ...unknownServes(file, input.actions)];
  // Already in the caller's language, with «Ikke lagret:» before the problems.
  if (problems.length > 0) throw new BadRequestError(text.invalid(problemsText(problems, text.language)));

  const current = await deps.localPlans.get(unitId);
  const staleError = (latest: LocalPlan | undefined) =>
    new ConflictError(
      text.localPlanStale(
        latest?.savedByName || undefined,
        when(deps, latest?.savedAt, text.language) || undefined,
      ),
    );
  if ((current?.version ?? 0) !== expectedVersion) throw staleError(current);
  const plan: LocalPlan = {
    unitId,
    version: expectedVersion + 1,
    kartlegging: input.kartlegging,
    analyse: input.analyse,
    mal: input.mal,
    actions: assignActionIds(input.actions, current?.actions ?? []),
    ...savedStamp(access, deps.read.clock.now()),
    source: { kind: 'tab' },
  };
  try {
    await deps.localPlans.save(plan, current);
  } catch (error) {
    if (error instanceof ConflictError) throw staleError(await deps.localPlans.get(unitId));
    throw error;
  }
  return plan;
}
