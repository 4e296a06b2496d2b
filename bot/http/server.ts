import restify from 'restify';
import type { Logger } from '../log/logger.js';
import { baseContentSecurityPolicy } from './content-security-policy.js';
import { sendError, textFor } from './respond.js';

/** Largest request body we read; Bot Framework activities stay far below it. */
export const MAX_BODY_BYTES = 512 * 1024;

/** A restify server with body limits, security headers and one error format. */
export function createHttpServer(logger: Logger): restify.Server {
  const server = restify.createServer({ name: 'planpuls', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  // In `pre`, so 404s, 429s and other answers that never reach a route carry the headers too.
  server.pre((_req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    // The tab's routes replace it with the tab's full policy (content-security-policy.ts).
    res.header('Content-Security-Policy', baseContentSecurityPolicy());
    // App Service terminates TLS; browsers ignore this header on plain-HTTP localhost.
    res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });

  // restify's own errors (bad JSON, body too large, unknown route) get our format and language.
  server.on(
    'restifyError',
    (
      req: restify.Request,
      res: restify.Response,
      err: Error & { statusCode?: number; body?: { code?: string } },
      callback: () => void,
    ) => {
      const status = err.statusCode ?? 500;
      const text = textFor(req).errors;
      const restCode = err.body?.code ?? err.name;
      const known: Record<string, [string, string]> = {
        InvalidContent: ['BAD_JSON', text.badJson],
        BadRequest: ['BAD_JSON', text.badJson],
        PayloadTooLarge: ['BODY_TOO_LARGE', text.bodyTooLarge],
        RequestEntityTooLarge: ['BODY_TOO_LARGE', text.bodyTooLarge],
        ResourceNotFound: ['NOT_FOUND', text.notFound],
      };
      const [code, message] =
        known[restCode] ?? (status >= 500 ? ['INTERNAL', text.internal] : [restCode, err.message]);
      if (status >= 500) logger.error('request failed', { path: req.path(), error: err });
      sendError(res, status, { error: { code, message } });
      callback();
    },
  );
  return server;
}
