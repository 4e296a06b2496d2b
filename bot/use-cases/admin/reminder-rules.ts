import { BadRequestError, ConflictError, NotFoundError } from '../../domain/errors.js';
import type { PlanFile } from '../../domain/plan/plan-schema.js';
import { DEFAULT_READING_LEAD_DAYS, REMINDER_TIME } from '../../domain/reminders/reminder-rules.js';
import { importPlan } from '../import-plan.js';
import { currentPlan } from '../read-plan.js';
import type { PlanAdminDeps } from './plan-admin.js';

/** A rule value as stored: a number of days or a `TT:MM` time, or null for "not set here". */
export interface RuleValues {
  readonly readingLeadDays: unknown;
  readonly reminderTime: unknown;
}

/** The current plan's reminder rules: app defaults, per programme, per event overrides. */
export interface ReminderRulesView {
  readonly planKey: string;
  readonly revision: string;
  readonly defaults: { readonly readingLeadDays: number; readonly reminderTime: string };
  readonly programmes: readonly ({ id: string; name: string } & RuleValues)[];
  /** Every event, with its override (null where it follows its programme). */
  readonly events: readonly ({
    id: string;
    title: string;
    date: string;
    programme: string;
    hasReading: boolean;
  } & RuleValues)[];
}

export interface RuleChange {
  readonly revision: string;
  readonly programmes: readonly ({ id: string } & RuleValues)[];
  /** The complete set of event overrides; events left out follow their programme. */
  readonly events: readonly ({ id: string } & RuleValues)[];
}

export interface RuleTexts {
  noPlan: string;
  stalePlan: string;
  unknownProgramme(id: string): string;
  unknownEvent(id: string): string;
  notSaved(problems: string[]): string;
}

export async function readReminderRules(deps: PlanAdminDeps, texts: RuleTexts): Promise<ReminderRulesView> {
  const stored = await currentPlan(deps.read);
  if (!stored) throw new NotFoundError(texts.noPlan);
  const { plan, info } = stored;
  return {
    planKey: info.key,
    revision: info.revision,
    defaults: { readingLeadDays: DEFAULT_READING_LEAD_DAYS, reminderTime: REMINDER_TIME },
    programmes: plan.programmes.map((p) => ({
      id: p.id,
      name: p.name,
      readingLeadDays: p.defaults?.readingLeadDays ?? null,
      reminderTime: p.defaults?.reminderTime ?? null,
    })),
    events: plan.calendar.map((e) => ({
      id: e.id,
      title: e.title,
      date: e.date,
      programme: e.programme,
      hasReading: e.reading !== undefined,
      readingLeadDays: e.reminders?.readingLeadDays ?? null,
      reminderTime: e.reminders?.reminderTime ?? null,
    })),
  };
}

/**
 * Writes new reminder rules as a new revision of the current plan through the validated import
 * path, so a value the plan format refuses is refused with the validator's message and nothing
 * is stored; then re-syncs the reminders.
 */
export async function updateReminderRules(
  deps: PlanAdminDeps,
  change: RuleChange,
  texts: RuleTexts,
): Promise<ReminderRulesView> {
  const stored = await currentPlan(deps.read);
  if (!stored) throw new NotFoundError(texts.noPlan);
  if (stored.info.revision !== change.revision) throw new ConflictError(texts.stalePlan);
  const plan = withRules(stored.plan, change, texts);
  await importPlan(deps, JSON.stringify(plan), {
    ...(stored.info.rolledFrom ? { rolledFrom: stored.info.rolledFrom } : {}),
  });
  await deps.resync();
  return readReminderRules(deps, texts);
}

function withRules(plan: PlanFile, change: RuleChange, texts: RuleTexts): unknown {
  const programmes = new Map(change.programmes.map((p) => [p.id, p]));
  const events = new Map(change.events.map((e) => [e.id, e]));
  const problems = [
    ...[...programmes.keys()]
      .filter((id) => !plan.programmes.some((p) => p.id === id))
      .map(texts.unknownProgramme),
    ...[...events.keys()].filter((id) => !plan.calendar.some((e) => e.id === id)).map(texts.unknownEvent),
  ];
  if (problems.length > 0) throw new BadRequestError(texts.notSaved(problems));
  return {
    ...plan,
    programmes: plan.programmes.map((p) => {
      const rules = programmes.get(p.id);
      if (!rules) return p;
      const defaults: Record<string, unknown> = { ...p.defaults, ...values(rules) };
      if (rules.readingLeadDays === null) delete defaults.readingLeadDays;
      if (rules.reminderTime === null || rules.reminderTime === '') delete defaults.reminderTime;
      return { ...p, defaults: Object.keys(defaults).length > 0 ? defaults : undefined };
    }),
    calendar: plan.calendar.map((e) => {
      const rules = events.get(e.id);
      const reminders = rules ? values(rules) : {};
      return { ...e, reminders: Object.keys(reminders).length > 0 ? reminders : undefined };
    }),
  };
}

/** The set values only; the validator judges their type and range. */
function values(rules: RuleValues): Record<string, unknown> {
  return {
    ...(rules.readingLeadDays !== null && rules.readingLeadDays !== undefined
      ? { readingLeadDays: rules.readingLeadDays }
      : {}),
    ...(rules.reminderTime !== null && rules.reminderTime !== undefined && rules.reminderTime !== ''
      ? { reminderTime: rules.reminderTime }
      : {}),
  };
}
