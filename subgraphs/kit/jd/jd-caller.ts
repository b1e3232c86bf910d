/**
 * Who a request's JD calls serve (one customer, one partner), for the JD rate limiter's fair shares
 * (JD_CALLER_SHARE_PERCENT), so one caller cannot take the whole JD budget. It rides on the request's
 * JdCallOptions (`caller`) rather than in async context: see jd/client's JdCallOptions for why.
 */
import type { Identity } from '../identity/identity';

/** The caller's key for the JD budget; anonymous callers share none (they read no JD data). */
export function jdCallerKey(identity: Identity | undefined): string | undefined {
  if (identity?.kind === 'customer') return `customer:${identity.pin}`;
  if (identity?.kind === 'partner') return `partner:${identity.partnerId}`;
  return undefined;
}
