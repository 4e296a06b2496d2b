import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { takesAgendaItems } from '../agenda/deadlines.js';
import { PlanFile, PLAN_LIMITS } from './plan-schema.js';
import { isPlanCheck, PLAN_CHECK, type PlanIssue, type PlanProblem } from './plan-problems.js';
import { upgradePlan } from './upgrade-plan.js';
import { checkGoalsAndMilestones } from './validate-goals.js';

export type { PlanIssue, PlanProblem };

export type PlanValidation =
  | { readonly ok: true; readonly plan: PlanFile }
  | { readonly ok: false; readonly issues: readonly PlanIssue[] };

/** Parses plan text (YAML, of which JSON is a subset) and validates it completely. */
export function parsePlan(source: string): PlanValidation {
  let raw: unknown;
  try {
    raw = parseYaml(source, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line : undefined;
    // The parser's own words (English) are quoted as a detail, without its position, which
    // `line` already gives.
    const first = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    const detail = first.replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
    const problem: PlanProblem = { code: 'PLAN_UNREADABLE', detail };
    return { ok: false, issues: [{ path: '', ...(line === undefined ? {} : { line }), problem }] };
  }
  return validatePlan(raw);
}

/** Validates an already parsed plan: shape first, then references between entries. */
export function validatePlan(given: unknown): PlanValidation {
  // A version-1 file is read as version 2 (bot/domain/plan/upgrade-plan.ts).
  const raw = upgradePlan(given);
  const parsed = PlanFile.safeParse(raw, { error: NORWEGIAN });
  if (!parsed.success) {
    // Zod's own words for its built-in checks, in both languages: a failing file is parsed once
    // more with English words; the issues come in the same order.
    const english = PlanFile.safeParse(raw, { error: ENGLISH });
    const en = english.success ? [] : english.error.issues;
    return {
      ok: false,
      issues: parsed.error.issues.map((issue, i) => toPlanIssue(raw, issue, en[i]?.message ?? issue.message)),
    };
  }
  const issues = [...checkReferences(parsed.data), ...checkGoalsAndMilestones(parsed.data)];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plan: parsed.data };
}

const NORWEGIAN = z.locales.no().localeError;
const ENGLISH = z.locales.en().localeError;

function toPlanIssue(raw: unknown, issue: z.core.$ZodIssue, english: string): PlanIssue {
  const path = describePath(raw, issue.path);
  if (!isPlanCheck(issue.message)) {
    return { path, problem: { code: 'PLAN_SHAPE', text: { nb: issue.message, en: english } } };
  }
  const max =
    issue.message === PLAN_CHECK.entryTooLarge
      ? PLAN_LIMITS.entry
      : issue.code === 'too_big'
        ? Number(issue.maximum)
        : undefined;
  return { path, problem: { code: issue.message, ...(max === undefined ? {} : { max }) } };
}

/** Renders a path, naming list entries by their id where they have one; empty for the whole file. */
export function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = raw;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      node = Array.isArray(node) ? node[key] : undefined;
      const id = idOf(node);
      out += id ? `[${key}] (${id})` : `[${key}]`;
    } else {
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
      out += out ? `.${String(key)}` : String(key);
    }
  }
  return out;
}

function idOf(node: unknown): string | undefined {
  if (node && typeof node === 'object' && 'id' in node) {
    const id = (node as { id: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

type Report = (path: string, problem: PlanProblem) => void;

function checkReferences(plan: PlanFile): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const report: Report = (path, problem) => issues.push({ path, problem });

  const roleIds = uniqueIds('roles', plan.roles, report);
  const programmeIds = uniqueIds('programmes', plan.programmes, report);
  uniqueIds('units', plan.units, report);
  uniqueIds('themes', plan.themes, report);
  uniqueIds('futurePictures', plan.futurePictures, report);
  uniqueIds('periodTasks', plan.periodTasks, report);
  uniqueIds('calendar', plan.calendar, report);

  const signIds = new Set<string>();
  plan.futurePictures.forEach((picture, p) =>
    picture.signs.forEach((sign, s) => {
      if (signIds.has(sign.id)) {
        report(`futurePictures[${p}] (${picture.id}).signs[${s}] (${sign.id}).id`, {
          code: 'PLAN_DUPLICATE_SIGN',
          id: sign.id,
        });
      }
      signIds.add(sign.id);
    }),
  );

  const mustBe = (ids: Set<string>, kind: 'programme' | 'role') => (path: string, id: string | undefined) => {
    if (id !== undefined && !ids.has(id)) report(path, { code: 'PLAN_UNKNOWN_REFERENCE', kind, id });
  };
  const programme = mustBe(programmeIds, 'programme');
  const role = mustBe(roleIds, 'role');

  plan.programmes.forEach((entry, i) => {
    const at = `programmes[${i}] (${entry.id})`;
    programme(`${at}.parent`, entry.parent);
    if (entry.parent === entry.id) report(`${at}.parent`, { code: 'PLAN_OWN_PARENT' });
    entry.participants.forEach((id, j) => role(`${at}.participants[${j}]`, id));
  });
  plan.units.forEach((entry, i) =>
    entry.programmes.forEach((id, j) => programme(`units[${i}] (${entry.id}).programmes[${j}]`, id)),
  );
  plan.periodTasks.forEach((entry, i) =>
    programme(`periodTasks[${i}] (${entry.id}).programme`, entry.programme),
  );
  plan.calendar.forEach((entry, i) => {
    const at = `calendar[${i}] (${entry.id})`;
    programme(`${at}.programme`, entry.programme);
    entry.alsoFor.forEach((id, j) => programme(`${at}.alsoFor[${j}]`, id));
    entry.participants.forEach((id, j) => role(`${at}.participants[${j}]`, id));
    // A call for items on a meeting that takes none would silently never go out.
    const owner = plan.programmes.find((p) => p.id === entry.programme);
    if (typeof entry.reminders?.agendaCallLeadDays === 'number' && !takesAgendaItems(entry, owner))
      report(`${at}.reminders.agendaCallLeadDays`, { code: 'PLAN_TAKES_NO_ITEMS' });
  });
  return issues;
}

function uniqueIds(list: string, entries: readonly { id: string }[], report: Report): Set<string> {
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    if (ids.has(entry.id))
      report(`${list}[${i}] (${entry.id}).id`, { code: 'PLAN_DUPLICATE_ID', id: entry.id });
    ids.add(entry.id);
  });
  return ids;
}
