import type { Request, Response } from 'restify';
import type { ErrorCode } from '../domain/errors.js';
import { PlanpulsError, PlanInvalidError } from '../domain/errors.js';
import { languageOf, messages, type Messages } from '../i18n/index.js';
import { problem, type ProblemCode, type ProblemParams } from '../domain/problems.js';
import { errorText, problemText } from '../i18n/problems.js';
import { planIssuesMessage, planIssueText } from '../i18n/plan-issues.js';
import type { Logger } from '../log/logger.js';

const STATUS: Record<ErrorCode, number> = {
  CONFIG_INVALID: 500,
  PLAN_INVALID: 400,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  STORAGE_UNAVAILABLE: 503,
  AUTH_UNAVAILABLE: 503,
};

/** What a 503 tells the client to wait before trying again: outages here pass in seconds or last. */
export const RETRY_AFTER_S = 10;

/** The error body every endpoint answers with. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function textFor(req: Request): Messages {
  return messages(languageOf(req.header('accept-language')));
}

/**
 * A problem in the request's language, for what still takes a message rather than a code (the
 * authenticator's refusal, a role check): `said(req, 'SIGN_IN_REQUIRED')`.
 */
export function said<C extends ProblemCode>(
  req: Request,
  code: C,
  ...params: ProblemParams[C] extends Readonly<Record<string, never>> ? [] : [ProblemParams[C]]
): string {
  const p = problem(code, (params[0] ?? {}) as ProblemParams[C]);
  return problemText(p, languageOf(req.header('accept-language')));
}

export function sendError(res: Response, status: number, body: ErrorBody): void {
  res.status(status);
  res.json(body);
}

/**
 * Wraps an async route so that every failure becomes one clear JSON reply: our typed errors
 * keep their code and message; anything else is logged and answered 500 without details.
 */
export function route(logger: Logger, handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (error) {
      if (error instanceof PlanpulsError) {
        const status = STATUS[error.code];
        if (status >= 500) logger.error('request failed', { path: req.path(), error });
        // A refused request is the caller's matter, not ours: at most info, with no stack.
        else if (status === 400)
          logger.info('request refused', { path: req.path(), reasons: error.reasons.map((r) => r.code) });
        const message =
          error.code === 'STORAGE_UNAVAILABLE'
            ? textFor(req).errors.storageDown
            : error.code === 'AUTH_UNAVAILABLE'
              ? textFor(req).errors.signInUnavailable
              : error instanceof PlanInvalidError
                ? planIssuesMessage(error.issues, languageOf(req.header('accept-language')))
                : errorText(error, languageOf(req.header('accept-language')));
        if (status === 503) res.header('Retry-After', String(RETRY_AFTER_S));
        // The domain's reasons by code and parameters, for clients that say them their own way.
        const details =
          error instanceof PlanInvalidError
            ? error.issues.map((issue) => planIssueText(issue, languageOf(req.header('accept-language'))))
            : error.reasons.length > 0
              ? error.reasons
              : undefined;
        sendError(res, status, { error: { code: error.code, message, ...(details ? { details } : {}) } });
        return;
      }
      logger.error('request failed', { path: req.path(), error });
      sendError(res, 500, { error: { code: 'INTERNAL', message: textFor(req).errors.internal } });
    }
  };
}
