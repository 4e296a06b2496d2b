import { BadRequestError, ConflictError } from '../../domain/errors.js';

/** What someone who changed an item on a stale view is told; nothing of theirs was stored. */
export const ITEM_CHANGED =
  'Saken ble endret av noen andre etter at du åpnet den. Ingenting er lagret; last på nytt og prøv igjen.';
/** The same for a change to the whole agenda (order, publishing). */
export const AGENDA_CHANGED =
  'Sakslisten ble endret av noen andre etter at du åpnet den. Ingenting er lagret; last på nytt og prøv igjen.';

/**
 * Refuses a change made on a stale view: `seen` is the version the actor's card or screen
 * showed. Without one (older clients), the change is still conditional on what this request
 * read, so it cannot overwrite a change made meanwhile.
 */
export function requireSeen(seen: unknown, current: number, message: string): void {
  if (seen === undefined || seen === null || seen === '') return;
  const version = Number(seen);
  if (!Number.isInteger(version) || version < 1) throw new BadRequestError('«version» må være et heltall.');
  if (version !== current) throw new ConflictError(message);
}
