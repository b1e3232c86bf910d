import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

// body-parser's error types, as what the client should fix.
const BODY_ERRORS: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': { code: 'BAD_REQUEST', message: 'The request body is not valid JSON' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the gateway accepts' },
  'charset.unsupported': { code: 'BAD_REQUEST', message: 'The request body must be UTF-8 JSON' },
  'encoding.unsupported': { code: 'BAD_REQUEST', message: 'The request body has an unsupported content-encoding' },
  'request.aborted': { code: 'BAD_REQUEST', message: 'The request was aborted' },
  'request.size.invalid': { code: 'BAD_REQUEST', message: 'The request body does not match its content-length' },
};

const graphqlError = (res: Response, status: number, message: string, extensions: Record<string, unknown>) =>
  void res.status(status).json({ errors: [{ message, extensions }] });

/** A POST that express.json() did not parse: not JSON (text/plain, form data, none). Apollo would answer 500. */
export function requireJsonPost(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || req.body !== undefined) return next();
  graphqlError(res, 415, 'POST a JSON body with content-type: application/json', { code: 'BAD_REQUEST' });
}

/** Unknown paths answer a GraphQL-style JSON 404, not Express's HTML page. */
export function jsonNotFound(req: Request, res: Response): void {
  graphqlError(res, 404, 'Not found', { code: 'NOT_FOUND' });
}

/**
 * Express's last error handler: every error a middleware passes on (a malformed or oversized body
 * above all) becomes a GraphQL JSON error, never Express's HTML page with its stack. Client mistakes
 * keep their 4xx and log one debug line; anything else is INTERNAL_SERVER_ERROR with the request id,
 * logged once as an error, structured and without the body.
 */
export function jsonErrors(log: Logger) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const e = (err ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown; name?: unknown; message?: unknown };
    const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
    const requestId = res.locals.requestId as string | undefined;
    if (status >= 400 && status < 500) {
      const known = BODY_ERRORS[String(e.type)] ?? { code: 'BAD_REQUEST', message: 'The request is malformed' };
      log.debug({ requestId, status, type: e.type }, 'refused a malformed request');
      return graphqlError(res, status, known.message, { code: known.code });
    }
    log.error({ requestId, name: String(e.name ?? 'unknown'), message: String(e.message ?? '').slice(0, 500) }, 'internal error');
    graphqlError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR', requestId });
  };
}
