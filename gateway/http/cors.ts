import type { NextFunction, Request, Response } from 'express';

// Browsers on another origin may read these: the simulated-data label, rate-limit back-off and the request id.
const EXPOSED_HEADERS = 'x-jd-sandbox, retry-after, ratelimit, ratelimit-policy, x-request-id';
const ALLOWED_HEADERS =
  'content-type, authorization, x-api-key, apollo-require-preflight, apollographql-client-name, apollographql-client-version, x-request-id, traceparent, accept-language';

/** CORS for the configured origins only ("*" allows any); no origins configured means no CORS headers. */
export function cors(origins: string[]) {
  const any = origins.includes('*');
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.header('origin');
    if (origin !== undefined && (any || origins.includes(origin))) {
      res.setHeader('access-control-allow-origin', any ? '*' : origin);
      res.append('vary', 'Origin');
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
      if (req.method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
        res.setHeader('access-control-max-age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
