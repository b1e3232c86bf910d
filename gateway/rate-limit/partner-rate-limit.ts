import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import type { Identity } from '../auth';
import { TokenBuckets } from './token-bucket';

export interface PartnerRateLimitOptions {
  /** Requests per minute per partner; also the burst a partner may send at once. */
  perMinute: number;
  /** Where to count refusals (gateway_partner_rate_limited_total); optional. */
  registry?: Registry;
  now?: () => number;
}

/** Throws RATE_LIMITED (HTTP 429) for a partner over its per-minute budget; customers and anonymous callers pass untouched. */
export type PartnerRateLimit = (identity: Identity) => void;

export const RATE_LIMITED = 'RATE_LIMITED';

/** HTTP 429 with Retry-After; Apollo Server turns `extensions.http` into the status and headers. */
export function rateLimitedError(retryAfterSeconds: number, limitPerMinute: number): GraphQLError {
  return new GraphQLError(`Partner rate limit of ${limitPerMinute} requests per minute exceeded; retry after ${retryAfterSeconds} s`, {
    extensions: {
      code: RATE_LIMITED,
      retryAfterSeconds,
      limitPerMinute,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/**
 * One token bucket per partner, kept in this gateway process (with several replicas each
 * enforces its own budget). Partner ids come from the configured key list, so they are bounded.
 */
export function createPartnerRateLimit(options: PartnerRateLimitOptions): PartnerRateLimit {
  const buckets = new TokenBuckets(options.perMinute, 60_000, options.now);
  const refused = options.registry
    ? new Counter({
        name: 'gateway_partner_rate_limited_total',
        help: 'Partner requests refused with 429 RATE_LIMITED, by partner',
        labelNames: ['partner'],
        registers: [options.registry],
      })
    : undefined;
  return (identity) => {
    if (identity.kind !== 'partner') return;
    const result = buckets.take(identity.partnerId);
    if (result.allowed) return;
    refused?.inc({ partner: identity.partnerId });
    throw rateLimitedError(result.retryAfterSeconds, options.perMinute);
  };
}
