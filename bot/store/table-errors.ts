import { ConflictError, NotFoundError, StorageError } from '../domain/errors.js';

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** HTTP status of a storage failure, if it has one. */
export function statusOf(error: unknown): number | undefined {
  return (error as RestErrorLike | undefined)?.statusCode;
}

/**
 * Maps an Azure Tables failure to our typed errors: 409/412 are lost races (conflict), 404 is
 * not found, anything else is storage trouble. The original stays as `cause`.
 */
export function toStoreError(error: unknown, what: string): Error {
  const status = statusOf(error);
  if (status === 409 || status === 412) {
    return new ConflictError(`${what}: endret av noen andre samtidig`, { cause: error });
  }
  if (status === 404) return new NotFoundError(`${what}: finnes ikke`);
  return new StorageError(`${what}: lagringen svarte ikke som ventet`, { cause: error });
}
