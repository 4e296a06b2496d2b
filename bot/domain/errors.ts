import type { PlanIssue } from './plan/plan-problems.js';
import type { Problem } from './problems.js';

/** Stable error codes: logs, HTTP replies and tests match on these, never on messages. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'PLAN_INVALID'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'STORAGE_UNAVAILABLE'
  | 'AUTH_UNAVAILABLE';

/** Base of every error Planpuls raises on purpose. */
export class PlanpulsError extends Error {
  /**
   * Why the input was refused, by stable code, when the domain knows: the edge says it in the
   * person's language. The message says the same in Norwegian, for logs and older callers.
   */
  readonly reasons: readonly Problem[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; reasons?: readonly Problem[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.reasons = options?.reasons ?? [];
  }
}

/** A configuration value is missing or malformed; names every offending variable. */
export class ConfigError extends PlanpulsError {
  constructor(readonly problems: readonly string[]) {
    super('CONFIG_INVALID', `Ugyldig konfigurasjon:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Input from a person or a client did not pass validation. */
export class BadRequestError extends PlanpulsError {
  constructor(message: string, options?: { cause?: unknown; reasons?: readonly Problem[] }) {
    super('BAD_REQUEST', message, options);
  }
}

export class NotFoundError extends PlanpulsError {
  constructor(message: string, options?: { reasons?: readonly Problem[] }) {
    super('NOT_FOUND', message, options);
  }
}

/** Someone else changed the record first (ETag mismatch) or it already exists. */
export class ConflictError extends PlanpulsError {
  constructor(message: string, options?: { cause?: unknown; reasons?: readonly Problem[] }) {
    super('CONFLICT', message, options);
  }
}

/** Storage did not answer or failed in a way the caller cannot fix. */
export class StorageError extends PlanpulsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORAGE_UNAVAILABLE', message, options);
  }
}

export type { PlanIssue };

/**
 * A plan file did not validate; carries every problem found, each naming entry and field. The
 * message is for logs; people get the issues in their language (bot/i18n/plan-issues.ts).
 */
export class PlanInvalidError extends PlanpulsError {
  constructor(readonly issues: readonly PlanIssue[]) {
    super(
      'PLAN_INVALID',
      `plan file invalid (${issues.length}): ${issues.map((i) => `${i.line ? `line ${i.line}` : i.path || '/'} ${i.problem.code}`).join('; ')}`,
    );
  }
}

/** A message is larger than Teams accepts; refused before anything is queued. */
export class MessageTooLargeError extends PlanpulsError {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      'BAD_REQUEST',
      `Meldingen er ${Math.ceil(bytes / 1024)} KB; Teams tar imot høyst ${limit / 1024} KB.`,
    );
  }
}

/** No valid identity came with the request. */
export class UnauthorizedError extends PlanpulsError {
  constructor(message: string, options?: { cause?: unknown; reasons?: readonly Problem[] }) {
    super('UNAUTHORIZED', message, options);
  }
}

/**
 * Who is calling cannot be checked right now: the identity provider's signing keys could not be
 * fetched. An outage (try again shortly), not a refusal of the caller.
 */
export class AuthUnavailableError extends PlanpulsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('AUTH_UNAVAILABLE', message, options);
  }
}

/** The caller is known but their role does not allow this. */
export class ForbiddenError extends PlanpulsError {
  constructor(message: string, options?: { reasons?: readonly Problem[] }) {
    super('FORBIDDEN', message, options);
  }
}
