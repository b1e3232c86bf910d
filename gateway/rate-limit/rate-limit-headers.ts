import type { LimitDecision } from '../../shared-state';

/**
 * The RateLimit and RateLimit-Policy fields of the IETF httpapi draft "RateLimit header fields for
 * HTTP" (draft-ietf-httpapi-ratelimit-headers-08 onwards): structured-field lists whose items name
 * the policy, with q = quota, w = window in seconds, r = remaining and t = seconds until reset.
 * One policy per caller kind, so a client can tell which budget it is spending.
 */
export function rateLimitHeaders(policy: string, windowSeconds: number, decision: LimitDecision): Record<string, string> {
  const name = JSON.stringify(policy);
  return {
    'ratelimit-policy': `${name};q=${decision.limit};w=${windowSeconds}`,
    ratelimit: `${name};r=${decision.remaining};t=${secondsUntilReset(decision)}`,
  };
}

/** Whole seconds, never 0 for a refusal: "retry after 0 s" would invite an immediate retry storm. */
export function secondsUntilReset(decision: LimitDecision): number {
  return Math.max(decision.allowed ? 0 : 1, Math.ceil(decision.resetMs / 1000));
}
