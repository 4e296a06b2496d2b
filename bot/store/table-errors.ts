import { BadRequestError, ConflictError, NotFoundError, StorageError } from '../domain/errors.js';
import { problem, type Problem } from '../domain/problems.js';

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** HTTP status of a storage failure, if it has one. */
export function statusOf(error: unknown): number | undefined {
  return (error as RestErrorLike | undefined)?.statusCode;
}

/** Azure Tables holds a string property of at most 64 KiB: 32K UTF-16 code units. */
const MAX_PROPERTY_CHARS = 32 * 1024;

/**
 * Maps an Azure Tables failure to our typed errors: 409/412 are lost races (conflict), 404 is
 * not found, 400 and 413 are storage refusing what it was given (a value or entity too large,
 * too many properties, a character it cannot hold): the caller's input, so a 400 naming the
 * property when `entity` shows which. Anything else (no answer, 5xx, 403) is storage trouble.
 * The original stays as `cause`.
 */
export function toStoreError(
  error: unknown,
  what: string,
  entity?: Readonly<Record<string, unknown>>,
): Error {
  const status = statusOf(error);
  if (status === 409 || status === 412) {
    return new ConflictError(`${what}: endret av noen andre samtidig`, { cause: error });
  }
  if (status === 404) return new NotFoundError(`${what}: finnes ikke`);
  // 414 and 431: a key or filter too long for a URL, which no stored row can have either.
  if (status === 400 || status === 413 || status === 414 || status === 431) {
    const reasons = refusalOf(error as RestErrorLike, entity);
    return new BadRequestError(
      `${what}: lagringen tok ikke imot det (${storageCode(error as RestErrorLike) ?? status})`,
      {
        cause: error,
        reasons,
      },
    );
  }
  return new StorageError(`${what}: lagringen svarte ikke som ventet (${status ?? 'uten svar'})`, {
    cause: error,
  });
}

function refusalOf(error: RestErrorLike, entity: Readonly<Record<string, unknown>> | undefined): Problem[] {
  if (storageCode(error) !== 'PropertyValueTooLarge') return [problem('STORAGE_REFUSED', {})];
  const long = Object.entries(entity ?? {}).filter(
    ([, value]) => typeof value === 'string' && value.length > MAX_PROPERTY_CHARS,
  );
  return long.length > 0
    ? long.map(([name]) => problem('STORED_VALUE_TOO_LARGE', { field: { kind: 'input', name } }))
    : [problem('STORED_VALUE_TOO_LARGE', {})];
}

/**
 * The storage's own error code (`PropertyValueTooLarge`): on the error where the SDK puts it,
 * else in the OData error body the SDK leaves in the message (as Azurite's answers arrive).
 */
function storageCode(error: RestErrorLike): string | undefined {
  return error.code ?? /"code"\s*:\s*"(\w+)"/.exec(error.message ?? '')?.[1];
}
