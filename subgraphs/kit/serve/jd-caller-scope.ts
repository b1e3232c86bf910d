/**
 * Runs each request as its caller (one customer, one partner) for the JD rate limiter, so one
 * caller cannot take the whole JD budget (see jd/client's `asCaller` and the limiter's callerShare).
 */
import type { RequestHandler } from 'express';
import { asCaller } from '../../../jd/client';
import type { Identity } from '../identity/identity';

/** The caller's key for the JD budget; anonymous callers share none (they read no JD data). */
function callerKey(identity: Identity | undefined): string | undefined {
  if (identity?.kind === 'customer') return `customer:${identity.pin}`;
  if (identity?.kind === 'partner') return `partner:${identity.partnerId}`;
  return undefined;
}

/** Express middleware after the identity guard (it reads `res.locals.identity`). */
export function jdCallerScope(): RequestHandler {
  return (_req, res, next) => {
    const key = callerKey(res.locals.identity as Identity | undefined);
    if (key) asCaller(key, () => next());
    else next();
  };
}
