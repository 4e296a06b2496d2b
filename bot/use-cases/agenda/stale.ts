import { ConflictError } from '../../domain/errors.js';
import { problem } from '../../domain/problems.js';
import { problemText } from '../../i18n/problems.js';
import { conflict, invalidInput, refuse } from '../refusals.js';

/** What a stale or unversioned change is about: one item, or the whole agenda (order, publishing). */
export type Versioned = 'item' | 'agenda';

/**
 * Refuses a change made on a stale view: `seen` is the version the actor's card or screen
 * showed, and every change must name one, so no client can overwrite a change it never saw.
 * The refusals are codes (ITEM_CHANGED, AGENDA_VERSION_MISSING, …), said in the person's language.
 */
export function requireSeen(seen: unknown, current: number, of: Versioned): void {
  if (seen === undefined || seen === null || seen === '')
    throw refuse(invalidInput, of === 'item' ? 'ITEM_VERSION_MISSING' : 'AGENDA_VERSION_MISSING');
  const version = Number(seen);
  if (!Number.isInteger(version) || version < 1) throw refuse(invalidInput, 'VERSION_NOT_WHOLE');
  if (version !== current) throw refuse(conflict, of === 'item' ? 'ITEM_CHANGED' : 'AGENDA_CHANGED');
}

/** Storage lost a race for the item (its ETag moved): said like a stale view, by code. */
export function itemChanged(cause?: unknown): ConflictError {
  const reason = problem('ITEM_CHANGED', {});
  return new ConflictError(problemText(reason, 'nb'), { cause, reasons: [reason] });
}

/** The same for the whole agenda. */
export function agendaChanged(cause?: unknown): ConflictError {
  const reason = problem('AGENDA_CHANGED', {});
  return new ConflictError(problemText(reason, 'nb'), { cause, reasons: [reason] });
}
