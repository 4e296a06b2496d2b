import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { takesAgendaItems } from '../agenda/deadlines.js';
import { PlanFile } from './plan-schema.js';
import { upgradePlan } from './upgrade-plan.js';
import { checkGoalsAndMilestones } from './validate-goals.js';

import type { PlanIssue } from '../errors.js';

export type { PlanIssue };

export type PlanValidation =
  | { readonly ok: true; readonly plan: PlanFile }
  | { readonly ok: false; readonly issues: readonly PlanIssue[] };

/** Parses plan text (YAML, of which JSON is a subset) and validates it completely. */
export function parsePlan(source: string): PlanValidation {
  let raw: unknown;
  try {
    raw = parseYaml(source, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const where =
      error instanceof YAMLParseError && error.linePos ? `linje ${error.linePos[0].line}` : 'filen';
    // The parser's own words (English) are quoted as a detail, without its position, which
    // `where` already gives.
    const first = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    const detail = first.replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
    return { ok: false, issues: [{ where, message: `kan ikke leses som YAML/JSON («${detail}»)` }] };
  }
  return validatePlan(raw);
}

/** Validates an already parsed plan: shape first, then references between entries. */
export function validatePlan(given: unknown): PlanValidation {
  const raw = upgradePlan(given);
  // Zod's own messages (wrong type, unknown key) in Norwegian too, as our own messages are.
  const parsed = PlanFile.safeParse(raw, { error: NORWEGIAN });
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => toPlanIssue(raw, issue)) };
  }
  const issues = [...checkReferences(parsed.data), ...checkGoalsAndMilestones(parsed.data)];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plan: parsed.data };
}

const NORWEGIAN = z.locales.no().localeError;

function toPlanIssue(raw: unknown, issue: z.core.$ZodIssue): PlanIssue {
  return { where: describePath(raw, issue.path), message: issue.message };
}

/** Renders a path, naming list entries by their id where they have one. */
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
  return out || 'filen';
}

function idOf(node: unknown): string | undefined {
  if (node && typeof node === 'object' && 'id' in node) {
    const id = (node as { id: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

function checkReferences(plan: PlanFile): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const report = (where: string, message: string) => issues.push({ where, message });

  const roleIds = uniqueIds('roles', plan.roles, report);
  const programmeIds = uniqueIds('programmes', plan.programmes, report);
  const unitIds = uniqueIds('units', plan.units, report);
  uniqueIds('themes', plan.themes, report);
  uniqueIds('futurePictures', plan.futurePictures, report);
  uniqueIds('periodTasks', plan.periodTasks, report);
  uniqueIds('calendar', plan.calendar, report);
  void unitIds;

  const signIds = new Set<string>();
  plan.futurePictures.forEach((picture, p) =>
    picture.signs.forEach((sign, s) => {
      if (signIds.has(sign.id)) {
        report(
          `futurePictures[${p}] (${picture.id}).signs[${s}] (${sign.id}).id`,
          `tegnet «${sign.id}» finnes fra før`,
        );
      }
      signIds.add(sign.id);
    }),
  );

  const mustBe = (ids: Set<string>, kind: string) => (where: string, id: string | undefined) => {
    if (id !== undefined && !ids.has(id)) report(where, `ukjent ${kind} «${id}»`);
  };
  const programme = mustBe(programmeIds, 'program/nettverk');
  const role = mustBe(roleIds, 'rolle');

  plan.programmes.forEach((entry, i) => {
    const at = `programmes[${i}] (${entry.id})`;
    programme(`${at}.parent`, entry.parent);
    if (entry.parent === entry.id) report(`${at}.parent`, 'et program kan ikke være sin egen forelder');
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
      report(
        `${at}.reminders.agendaCallLeadDays`,
        'møtet tar ikke imot saker: gi det en agenda-items-deadline-regel, eller programmet agendaItemsDaysBefore',
      );
  });
  return issues;
}

function uniqueIds(
  list: string,
  entries: readonly { id: string }[],
  report: (where: string, message: string) => void,
): Set<string> {
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    if (ids.has(entry.id)) report(`${list}[${i}] (${entry.id}).id`, `id «${entry.id}» finnes fra før`);
    ids.add(entry.id);
  });
  return ids;
}
