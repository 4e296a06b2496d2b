import { PLAN_FORMAT_VERSION } from './plan-schema.js';

/**
 * Brings a parsed plan of an older format version up to the current one, so old files (and plan
 * revisions stored before the upgrade) still import and validate. Anything that is not a
 * version 1 plan is returned as it is, for validation to judge.
 *
 * Version 1 → 2: a unit's single `note` mixed what participants may read with how the unit was
 * transcribed; which is which cannot be told, so it becomes an administrators' note
 * (`sourceNotes`), where showing it too little is the safe mistake. Goals and milestones are new
 * and optional.
 */
export function upgradePlan(raw: unknown): unknown {
  if (!isRecord(raw) || raw.version !== 1) return raw;
  const units = Array.isArray(raw.units) ? raw.units.map(upgradeUnit) : raw.units;
  return { ...raw, version: PLAN_FORMAT_VERSION, ...(units === undefined ? {} : { units }) };
}

function upgradeUnit(unit: unknown): unknown {
  if (!isRecord(unit) || !('note' in unit)) return unit;
  const { note, ...rest } = unit;
  return note === undefined ? rest : { ...rest, sourceNotes: [note] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
