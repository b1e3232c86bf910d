import type { GraphQLError } from 'graphql';
import { Registry } from 'prom-client';
import { TokenBuckets, createPartnerRateLimit } from '../../../gateway/rate-limit';

describe('TokenBuckets', () => {
  it('allows `capacity` at once, then refuses with the whole seconds until the next token', () => {
    let now = 1_000_000;
    const buckets = new TokenBuckets(3, 60_000, () => now);
    expect([1, 2, 3].map(() => buckets.take('a'))).toEqual([
      { allowed: true, remaining: 2 },
      { allowed: true, remaining: 1 },
      { allowed: true, remaining: 0 },
    ]);
    // 3 per minute: one token every 20 s.
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now += 15_000;
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    now += 5_000;
    expect(buckets.take('a')).toEqual({ allowed: true, remaining: 0 });
  });

  it('keeps callers apart and never reports less than 1 s to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(1, 60_000, () => now);
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('b').allowed).toBe(true);
    now += 59_999;
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('forgets buckets that have refilled, so memory follows recent callers only', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 60_000, () => now);
    buckets.take('a');
    buckets.take('b');
    expect(buckets.size).toBe(2);
    now += 60_000;
    buckets.take('c');
    expect(buckets.size).toBe(1);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new TokenBuckets(0, 60_000)).toThrow(RangeError);
    expect(() => new TokenBuckets(1.5, 60_000)).toThrow(RangeError);
  });
});

describe('createPartnerRateLimit', () => {
  const partner = (partnerId: string) => ({ kind: 'partner' as const, partnerId, scopes: [] });

  it('throws RATE_LIMITED with HTTP 429 and Retry-After for the partner over budget, and counts it', async () => {
    const registry = new Registry();
    const limit = createPartnerRateLimit({ perMinute: 2, registry, now: () => 0 });
    limit(partner('acme'));
    limit(partner('acme'));
    let error: GraphQLError | undefined;
    try {
      limit(partner('acme'));
    } catch (err) {
      error = err as GraphQLError;
    }
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30, limitPerMinute: 2 });
    const http = error?.extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    expect(http.headers.get('retry-after')).toBe('30');
    expect(() => limit(partner('globex'))).not.toThrow();
    expect(await registry.metrics()).toMatch(/gateway_partner_rate_limited_total\{partner="acme"\} 1/);
  });

  it('never limits customers or anonymous callers', () => {
    const limit = createPartnerRateLimit({ perMinute: 1, now: () => 0 });
    for (let i = 0; i < 20; i++) {
      expect(() => limit({ kind: 'customer', pin: 'jd_demo_alice' })).not.toThrow();
      expect(() => limit({ kind: 'anonymous' })).not.toThrow();
    }
  });
});
