import { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import { createSharedLimiter, type RedisConnection, type SharedLimiter } from '../../shared-state';
import type { Identity } from '../auth';
import { rateLimitHeaders, secondsUntilReset } from './rate-limit-headers';
import { rateLimitedError } from './rate-limited-error';

type CallerKind = Identity['kind'];

export interface EdgeRateLimitOptions {
  /** Requests per minute per partner key, per customer pin and per anonymous client address; 0 turns that limit off. */
  perMinute: Record<CallerKind, number>;
  /** Separates this deployment's counters from another's in a shared Redis. */
  namespace: string;
  /** With a connection every replica spends one budget; without it each process counts alone. */
  redis?: RedisConnection;
  registry: Registry;
  log: Logger;
}

/** What the caller is charged against; the client address matters only for anonymous callers. */
export interface RateLimitSubject {
  identity: Identity;
  clientAddress: string | undefined;
}

/** The RateLimit headers to send (none when the caller's kind is unlimited), and the refusal when over budget. */
export interface RateLimitVerdict {
  headers: Record<string, string>;
  /** RATE_LIMITED (HTTP 429 with Retry-After), to throw from the context function. */
  refusal?: GraphQLError;
}

/** Charges one request to its caller's budget. Never rejects: a failing Redis falls back to memory. */
export type EdgeRateLimit = (subject: RateLimitSubject) => Promise<RateLimitVerdict>;

const WINDOW_SECONDS = 60;
const CALLER_NOUN: Record<CallerKind, string> = { partner: 'partner key', customer: 'customer', anonymous: 'client address' };
// A fallback warning at most this often: during an outage every request falls back.
const FALLBACK_LOG_INTERVAL_MS = 30_000;

/**
 * The gateway's edge limits, one fixed one-minute window per caller on rate-limiter-flexible (through
 * shared-state's limiter, so Redis counters with this process's memory as the fallback). Pins and
 * addresses are hashed before they become keys: Redis needs to tell callers apart, not know who they are.
 */
export function createEdgeRateLimit(options: EdgeRateLimitOptions): EdgeRateLimit {
  const refused = new Counter({
    name: 'gateway_rate_limited_total',
    help: 'Requests refused with 429 RATE_LIMITED, by caller kind (and partner id for partners)',
    labelNames: ['caller', 'partner'],
    registers: [options.registry],
  });
  const fallbacks = new Counter({
    name: 'gateway_rate_limit_fallback_total',
    help: 'Rate-limit decisions made by this process alone because Redis failed or was unreachable',
    registers: [options.registry],
  });
  let lastFallbackLog = -Infinity;
  const onFallback = () => {
    fallbacks.inc();
    const now = Date.now();
    if (now - lastFallbackLog < FALLBACK_LOG_INTERVAL_MS) return;
    lastFallbackLog = now;
    options.log.warn(
      { redis: options.redis?.url.replace(/\/\/[^@/]*@/, '//***@') },
      'rate limits: Redis unavailable, counting in this process only until it answers again (each replica enforces the budget on its own)',
    );
  };
  const limiters = new Map<CallerKind, SharedLimiter>();
  for (const kind of ['partner', 'customer', 'anonymous'] as const) {
    const points = options.perMinute[kind];
    if (points <= 0) continue;
    limiters.set(
      kind,
      createSharedLimiter({
        keyPrefix: `gw-rl:${options.namespace}:${kind}`,
        points,
        windowSeconds: WINDOW_SECONDS,
        redis: options.redis,
        onFallback,
      }),
    );
  }

  return async ({ identity, clientAddress }) => {
    const limiter = limiters.get(identity.kind);
    if (!limiter) return { headers: {} };
    const decision = await limiter.consume(callerKey(identity, clientAddress));
    const headers = rateLimitHeaders(identity.kind, WINDOW_SECONDS, decision);
    if (decision.allowed) return { headers };
    refused.inc({ caller: identity.kind, partner: identity.kind === 'partner' ? identity.partnerId : '' });
    return { headers, refusal: rateLimitedError(CALLER_NOUN[identity.kind], secondsUntilReset(decision), limiter.points) };
  };
}

function callerKey(identity: Identity, clientAddress: string | undefined): string {
  switch (identity.kind) {
    case 'partner':
      // Partner ids come from the configured key list: bounded, and not personal data.
      return identity.partnerId;
    case 'customer':
      return digest(`pin:${identity.pin}`);
    case 'anonymous':
      // No address (a closed socket) shares one budget rather than escaping the limit.
      return digest(`addr:${clientAddress ?? 'unknown'}`);
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);
