import { issueCustomerToken } from '../../../gateway/auth';
import { loadGatewayConfig } from '../../../gateway/config';
import { eventually } from '../../support/eventually';
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from '../../support/private-redis';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';

// The gateway's edge limits per partner key, customer pin and anonymous client address, in memory
// and over Redis; the two-process proof is test/integration/replicas/two-replicas.test.ts.
const ACME = 'acme-partner-key-0123456789';
const GLOBEX = 'globex-partner-key-0123456789';
const PARTNER_KEYS = JSON.stringify([
  { key: ACME, partnerId: 'acme', scopes: ['directory:read'] },
  { key: GLOBEX, partnerId: 'globex', scopes: ['directory:read'] },
]);
const LIMIT = 3;
const LIMITS = {
  METRICS_PORT: '0',
  PARTNER_API_KEYS: PARTNER_KEYS,
  PARTNER_RATE_LIMIT_PER_MINUTE: String(LIMIT),
  CUSTOMER_RATE_LIMIT_PER_MINUTE: String(LIMIT),
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: String(LIMIT),
};

let stub: StubSubgraph;
let alice: string;
let bob: string;
// Who the subgraph saw, so we can tell which requests got through the gateway.
const reachedSubgraph = (): string[] =>
  stub.received.map((r) => {
    const identity = JSON.parse(Buffer.from(String(r['x-jd-identity']), 'base64url').toString('utf8'));
    return identity.partnerId ?? identity.pin ?? identity.kind;
  });
const ping = (h: Harness, headers: Record<string, string> = {}) =>
  fetch(h.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ ping }' }),
  });
const statuses = async (n: number, send: () => Promise<Response>) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send()).status);
  return out;
};
const metricsText = (h: Harness) => fetch(h.gateway.metricsUrl!).then((r) => r.text());

beforeAll(async () => {
  stub = await startStubSubgraph('offices', 'type Query { ping: String }', { Query: { ping: () => 'pong' } });
  const jwt = loadGatewayConfig({}).jwt;
  alice = `Bearer ${await issueCustomerToken(jwt, 'jd_demo_alice')}`;
  bob = `Bearer ${await issueCustomerToken(jwt, 'jd_demo_bob')}`;
});
afterAll(() => stub.stop());
beforeEach(() => void (stub.received.length = 0));

describe('edge rate limits in one process (no Redis)', () => {
  let h: Harness;
  beforeAll(async () => void (h = await startGateway([stub], LIMITS)));
  afterAll(() => h.close());

  it(`answers a partner's first ${LIMIT} requests with RateLimit headers, then 429 RATE_LIMITED with Retry-After, without calling the subgraph`, async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await ping(h, { 'x-api-key': ACME });
      expect(res.status).toBe(200);
      expect((await body(res)).data).toEqual({ ping: 'pong' });
      expect(res.headers.get('ratelimit-policy')).toBe(`"partner";q=${LIMIT};w=60`);
      expect(res.headers.get('ratelimit')).toMatch(new RegExp(`^"partner";r=${LIMIT - 1 - i};t=\\d+$`));
    }
    const refused = await ping(h, { 'x-api-key': ACME });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit')).toBe(`"partner";r=0;t=${retryAfter}`);
    expect(refused.headers.get('ratelimit-policy')).toBe(`"partner";q=${LIMIT};w=60`);
    expect(refused.headers.get('x-jd-sandbox')).toBe('simulated');
    const b = await body(refused);
    expect(b.data).toBeUndefined();
    expect(b.errors).toHaveLength(1);
    expect(b.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, limitPerMinute: LIMIT });
    expect(b.errors?.[0].message).toMatch(/per partner key/);
    expect(b.errors?.[0].extensions.http).toBeUndefined();
    expect(reachedSubgraph()).toEqual(['acme', 'acme', 'acme']);
  });

  it('gives another partner key its own budget', async () => {
    expect(await statuses(LIMIT + 1, () => ping(h, { 'x-api-key': GLOBEX }))).toEqual([200, 200, 200, 429]);
    expect(reachedSubgraph()).toEqual(['globex', 'globex', 'globex']);
  });

  it('limits each customer pin on its own budget', async () => {
    expect(await statuses(LIMIT + 1, () => ping(h, { authorization: alice }))).toEqual([200, 200, 200, 429]);
    const refused = await ping(h, { authorization: alice });
    expect((await body(refused)).errors?.[0].message).toMatch(/per customer/);
    expect(refused.headers.get('ratelimit-policy')).toBe(`"customer";q=${LIMIT};w=60`);
    expect(await statuses(LIMIT, () => ping(h, { authorization: bob }))).toEqual([200, 200, 200]);
    expect(reachedSubgraph()).toEqual([...Array(LIMIT).fill('jd_demo_alice'), ...Array(LIMIT).fill('jd_demo_bob')]);
  });

  it('limits anonymous callers per client address, ignoring X-Forwarded-For when no proxy is trusted', async () => {
    // Without trusted hops a client cannot buy a fresh budget by inventing a forwarded address.
    const spoofed = (i: number) => ping(h, { 'x-forwarded-for': `203.0.113.${i}` });
    const got: number[] = [];
    for (let i = 0; i <= LIMIT; i++) got.push((await spoofed(i)).status);
    expect(got).toEqual([200, 200, 200, 429]);
    expect((await body(await ping(h))).errors?.[0].message).toMatch(/per client address/);
  });

  it('counts refusals per caller kind (and partner) in /metrics', async () => {
    const text = await metricsText(h);
    expect(text).toMatch(/gateway_rate_limited_total\{caller="partner",partner="acme"\} 1\b/);
    expect(text).toMatch(/gateway_rate_limited_total\{caller="partner",partner="globex"\} 1\b/);
    expect(text).toMatch(/gateway_rate_limited_total\{caller="customer",partner=""\} 2\b/);
    expect(text).toMatch(/gateway_rate_limited_total\{caller="anonymous",partner=""\} 2\b/);
  });
});

describe('client address behind trusted proxies', () => {
  it('with TRUSTED_PROXY_HOPS=1 gives each forwarded client address its own budget', async () => {
    const h = await startGateway([stub], { ...LIMITS, TRUSTED_PROXY_HOPS: '1' });
    try {
      const from = (address: string) => () => ping(h, { 'x-forwarded-for': address });
      expect(await statuses(LIMIT + 1, from('198.51.100.7'))).toEqual([200, 200, 200, 429]);
      expect(await statuses(LIMIT, from('198.51.100.8'))).toEqual([200, 200, 200]);
      // With one hop trusted only the address our proxy appended counts, not what the client put before it.
      expect(await statuses(1, from('10.9.9.9, 198.51.100.7'))).toEqual([429]);
    } finally {
      await h.close();
    }
  });
});

describe('limits off', () => {
  it('never refuses when every *_RATE_LIMIT_PER_MINUTE is 0, and sends no RateLimit headers', async () => {
    const h = await startGateway([stub], {
      PARTNER_API_KEYS: PARTNER_KEYS,
      PARTNER_RATE_LIMIT_PER_MINUTE: '0',
      CUSTOMER_RATE_LIMIT_PER_MINUTE: '0',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '0',
    });
    try {
      const callers: Record<string, string>[] = [{ 'x-api-key': ACME }, { authorization: alice }, {}];
      for (const headers of callers) {
        // One after another: identical requests in flight would share one subgraph fetch.
        expect(await statuses(9, () => ping(h, headers))).toEqual(Array(9).fill(200));
        expect((await ping(h, headers)).headers.has('ratelimit')).toBe(false);
      }
      expect(stub.received).toHaveLength(30);
    } finally {
      await h.close();
    }
  });
});

// A private redis-server the test can kill; under CI=true a missing binary fails instead of skipping.
const redisSuite = hasRedisServer() || process.env.CI === 'true' ? describe : describe.skip;

redisSuite('edge rate limits over Redis', () => {
  let redis: PrivateRedis;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    // A generous command timeout: a busy test machine must not look like a failing Redis.
    const env = { ...LIMITS, REDIS_URL: redis.url, RATE_LIMIT_NAMESPACE: 'edge-test', REDIS_OPERATION_TIMEOUT_MS: '2000' };
    [a, b] = await Promise.all([startGateway([stub], env), startGateway([stub], env)]);
    await eventually(
      async () => /gateway_redis_up 1/.test(await metricsText(a)) && /gateway_redis_up 1/.test(await metricsText(b)),
      'both gateways connected to Redis',
    );
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  it('holds one budget per caller across two gateways sharing Redis', async () => {
    const alternate = (headers: Record<string, string>) => {
      let i = 0;
      return () => ping(i++ % 2 === 0 ? a : b, headers);
    };
    expect(await statuses(LIMIT + 1, alternate({ 'x-api-key': ACME }))).toEqual([200, 200, 200, 429]);
    expect(await statuses(LIMIT + 1, alternate({ authorization: alice }))).toEqual([200, 200, 200, 429]);
    expect(await statuses(LIMIT + 1, alternate({}))).toEqual([200, 200, 200, 429]);
    expect(stub.received).toHaveLength(3 * LIMIT);
    expect(a.logs).toContainEqual(expect.objectContaining({ rateLimitCounters: 'redis' }));
  });

  it('falls back to memory when Redis dies: no 5xx, a warning and a metric, and each process enforces the budget alone', async () => {
    await redis.kill();
    // The first requests after the kill may still find the socket open; all that matters is no 5xx.
    const got = await statuses(LIMIT + 3, () => ping(a, { authorization: bob }));
    expect(got.every((s) => s === 200 || s === 429)).toBe(true);
    expect(got.slice(0, LIMIT)).toEqual([200, 200, 200]);
    expect(got.at(-1)).toBe(429);
    expect(await metricsText(a)).toMatch(/gateway_rate_limit_fallback_total [1-9]/);
    expect(await metricsText(a)).toMatch(/gateway_redis_up 0/);
    expect(a.logs).toContainEqual(expect.objectContaining({ level: 40, msg: expect.stringMatching(/^rate limits: Redis unavailable/) }));
  });
});
