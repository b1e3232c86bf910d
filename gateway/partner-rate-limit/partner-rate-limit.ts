import { Counter, type Registry } from 'prom-client';
import type { Identity } from '../auth/identity';
import { rateLimitedError } from './rate-limited-error';
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

/**
 * One token bucket per partner, kept in this gateway process (with several replicas each
 * enforces its own budget). Partner ids come from the configured key list, so they are bounded.
 */
export function createPartnerRateLimit(options: PartnerRateLimitOptions): PartnerRateLimit {
  const buckets = new TokenBuckets(options.perMinute, 60_000, options.now);
  const refused = options.registry
    ? new Counter({ name: 'gateway_partner_rate_limited_total', help: 'Partner requests refused with 429 RATE_LIMITED, by partner', labelNames: ['partner'], registers: [options.registry] })
    : undefined;
  return (identity) => {
    if (identity.kind !== 'partner') return;
    const result = buckets.take(identity.partnerId);
    if (result.allowed) return;
    refused?.inc({ partner: identity.partnerId });
    throw rateLimitedError(result.retryAfterSeconds, options.perMinute);
  };
}
