import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
} from '../domain/errors.js';
import { problem, type ProblemCode, type ProblemParams } from '../domain/problems.js';
import type { Problem } from '../domain/problems.js';
import { problemsText } from '../i18n/problems.js';

/**
 * Input the domain refused, by code; the message is the Norwegian text for logs and for callers
 * that show it as it is, the edge says the problems in the person's language.
 */
export function invalidInput(problems: readonly Problem[]): BadRequestError {
  return new BadRequestError(problemsText(problems, 'nb').join(' '), { reasons: problems });
}

/** A refusal by a rule of the domain (a deadline, a right), by code as {@link invalidInput}. */
export function forbidden(problems: readonly Problem[]): ForbiddenError {
  return new ForbiddenError(problemsText(problems, 'nb').join(' '), { reasons: problems });
}

/** Something the input names is not there, by code as {@link invalidInput}. */
export function notFound(problems: readonly Problem[]): NotFoundError {
  return new NotFoundError(problemsText(problems, 'nb').join(' '), { reasons: problems });
}

/** A change that lost to the record's state (already sent, already cancelled), by code. */
export function conflict(problems: readonly Problem[]): ConflictError {
  return new ConflictError(problemsText(problems, 'nb').join(' '), { reasons: problems });
}

/** No valid identity or key came with the request, by code. */
export function unauthorized(problems: readonly Problem[]): UnauthorizedError {
  return new UnauthorizedError(problemsText(problems, 'nb').join(' '), { reasons: problems });
}

/** One problem, for the refusals above: `refuse(forbidden, 'BROADCAST_NOT_YOURS')`. */
export function refuse<C extends ProblemCode, E>(
  as: (problems: readonly Problem[]) => E,
  code: C,
  ...params: ProblemParams[C] extends Readonly<Record<string, never>> ? [] : [ProblemParams[C]]
): E {
  return as([problem(code, (params[0] ?? {}) as ProblemParams[C])]);
}
