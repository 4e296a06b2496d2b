import { BadRequestError, ConflictError } from '../../domain/errors.js';

/** What someone who changed an item on a stale view is told; nothing of theirs was stored. */
export const ITEM_CHANGED =
  'Saken ble endret av noen andre etter at du åpnet den. Ingenting er lagret; last på nytt og prøv igjen.';
/** The same for a change to the whole agenda (order, publishing). */
export const AGENDA_CHANGED =
  'Sakslisten ble endret av noen andre etter at du åpnet den. Ingenting er lagret; last på nytt og prøv igjen.';
/** A change to an item that does not name the item version its author saw. */
export const ITEM_VERSION_MISSING = 'Send med «version», versjonen av saken du endrer.';
/** A reorder or publish that does not name the agenda version its author saw. */
export const AGENDA_VERSION_MISSING = 'Send med «version», versjonen av sakslisten du så.';

/**
 * Refuses a change made on a stale view: `seen` is the version the actor's card or screen
 * showed, and every change must name one (`missing` is the 400 message when it does not), so
 * no client can overwrite a change it never saw.
 */
export function requireSeen(seen: unknown, current: number, changed: string, missing: string): void {
  if (seen === undefined || seen === null || seen === '') throw new BadRequestError(missing);
  const version = Number(seen);
  if (!Number.isInteger(version) || version < 1) throw new BadRequestError('«version» må være et heltall.');
  if (version !== current) throw new ConflictError(changed);
}
