import { BadRequestError, ForbiddenError, NotFoundError } from '../domain/errors.js';
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
