import { problem, type Problem, type ProblemField } from '../problems.js';
import { ACTION_STATUSES, type ActionStatus } from './action-status.js';
import { isServesRef, type ServesRef } from './action-serves.js';

/** One action (handling) of a unit's local plan, with its deadline and status. */
export interface LocalPlanAction {
  /** Stable within the unit's plan: `h1`, `h2` … (never reused, so history lines up). */
  readonly id: string;
  readonly text: string;
  /** ISO date (YYYY-MM-DD). */
  readonly deadline: string;
  readonly status: ActionStatus;
  readonly responsible?: string;
  /** The plan's goal or theme the action serves (`goal:<id>` or `theme:<id>`), if the unit says. */
  readonly serves?: ServesRef;
}

/** The four elements of a unit's local development plan. */
export interface LocalPlanContent {
  readonly kartlegging: string;
  readonly analyse: string;
  readonly mal: string;
  readonly actions: readonly LocalPlanAction[];
}

/** The current version of a unit's local plan, kept current by its leaders. */
export interface LocalPlan extends LocalPlanContent {
  readonly unitId: string;
  /** 1 for the first save; every save adds one and is kept. 0: never saved. */
  readonly version: number;
  readonly savedBy: string;
  readonly savedByName: string;
  readonly savedAt: string;
  /** Where the save came from: the tab, or a report submitted for a campaign. */
  readonly source?: { kind: 'tab' } | { kind: 'rapport'; campaignId: string };
}

/** Limits: the form card has fixed rows, so the number of actions is capped. */
export const LOCAL_PLAN_LIMITS = {
  text: 2000,
  actions: 10,
  actionText: 500,
  responsible: 100,
} as const;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function emptyLocalPlan(unitId: string): LocalPlan {
  return {
    unitId,
    version: 0,
    kartlegging: '',
    analyse: '',
    mal: '',
    actions: [],
    savedBy: '',
    savedByName: '',
    savedAt: '',
  };
}

/** A draft action as it arrives from a form: every field may be missing or malformed. */
export interface ActionInput {
  readonly id?: string;
  readonly text: string;
  readonly deadline: string;
  readonly status: string;
  readonly responsible?: string;
  /** `goal:<id>` or `theme:<id>`; '' or missing: none. */
  readonly serves?: string;
}

/**
 * How much a save must fill in: a report `draft` nothing (only lengths and formats count); the
 * kept `plan` every action's text, deadline and status; a submitted `report` also all three
 * elements and at least one action.
 */
export type Completeness = 'draft' | 'plan' | 'report';

/** Problems with a local plan, by code, one per field. */
export function localPlanProblems(
  content: { kartlegging: string; analyse: string; mal: string; actions: readonly ActionInput[] },
  completeness: Completeness,
): Problem[] {
  const complete = completeness === 'report';
  const actionsComplete = completeness !== 'draft';
  const problems: Problem[] = [];
  const max = LOCAL_PLAN_LIMITS;
  const text = (value: string, field: ProblemField, limit: number, required: boolean) => {
    if (required && !value) problems.push(problem('FIELD_REQUIRED', { field }));
    if (value.length > limit)
      problems.push(problem('FIELD_TOO_LONG', { field, length: value.length, max: limit }));
  };
  text(content.kartlegging, { kind: 'kartlegging' }, max.text, complete);
  text(content.analyse, { kind: 'analyse' }, max.text, complete);
  text(content.mal, { kind: 'mal' }, max.text, complete);
  if (complete && content.actions.length === 0) problems.push(problem('PLAN_NO_ACTIONS', {}));
  if (content.actions.length > max.actions)
    problems.push(problem('PLAN_TOO_MANY_ACTIONS', { max: max.actions, count: content.actions.length }));
  content.actions.forEach((action, i) => {
    const n = i + 1;
    text(action.text, { kind: 'action', n }, max.actionText, true);
    text(action.responsible ?? '', { kind: 'action-responsible', n }, max.responsible, false);
    const deadline: ProblemField = { kind: 'action-deadline', n };
    if (action.deadline && !DATE.test(action.deadline))
      problems.push(problem('FIELD_NOT_DATE', { field: deadline }));
    else if (actionsComplete && !action.deadline)
      problems.push(problem('FIELD_REQUIRED', { field: deadline }));
    if (action.serves && !isServesRef(action.serves))
      problems.push(problem('FIELD_INVALID', { field: { kind: 'action-serves', n } }));
    const status: ProblemField = { kind: 'action-status', n };
    if (action.status && !(ACTION_STATUSES as readonly string[]).includes(action.status))
      problems.push(problem('ACTION_STATUS_UNKNOWN', { field: status }));
    else if (actionsComplete && !action.status)
      problems.push(problem('ACTION_STATUS_MISSING', { field: status }));
  });
  return problems;
}

/**
 * Gives new actions ids that the plan has never used (`h<n>` above every known id), keeps known
 * ids, and drops ids the caller made up (a forged id becomes a new action).
 */
export function assignActionIds(
  actions: readonly ActionInput[],
  known: readonly Pick<LocalPlanAction, 'id'>[],
): LocalPlanAction[] {
  const used = new Set(known.map((a) => a.id));
  let next = Math.max(0, ...known.map((a) => Number(/^h(\d+)$/.exec(a.id)?.[1] ?? 0))) + 1;
  const seen = new Set<string>();
  return actions.map((a) => {
    const keep = a.id && used.has(a.id) && !seen.has(a.id);
    const id = keep ? a.id! : `h${next++}`;
    seen.add(id);
    return toAction(a, id);
  });
}

/** A form's action row as kept, with the id it is given (`localPlanProblems` checks its status). */
export function toAction(input: ActionInput, id: string): LocalPlanAction {
  return {
    id,
    text: input.text,
    deadline: input.deadline,
    status: input.status as ActionStatus,
    ...(input.responsible ? { responsible: input.responsible } : {}),
    ...(input.serves && isServesRef(input.serves) ? { serves: input.serves } : {}),
  };
}

const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Reads a local plan from a JSON body (the tab); unknown keys are ignored, lengths checked later. */
export function localPlanFromJson(body: Record<string, unknown>): {
  kartlegging: string;
  analyse: string;
  mal: string;
  actions: ActionInput[];
} {
  const list = Array.isArray(body.actions) ? (body.actions as unknown[]) : [];
  return {
    kartlegging: str(body.kartlegging),
    analyse: str(body.analyse),
    mal: str(body.mal),
    actions: list.map((raw) => {
      const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      return {
        id: str(a.id),
        text: str(a.text),
        deadline: str(a.deadline),
        status: str(a.status),
        responsible: str(a.responsible),
        serves: str(a.serves),
      };
    }),
  };
}

/** Whether two plans say the same (ignoring who saved them when). */
export function samePlan(a: LocalPlanContent, b: LocalPlanContent): boolean {
  const pick = (p: LocalPlanContent) => [p.kartlegging, p.analyse, p.mal, p.actions];
  return JSON.stringify(pick(a)) === JSON.stringify(pick(b));
}
