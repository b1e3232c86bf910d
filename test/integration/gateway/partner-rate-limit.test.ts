import { issueCustomerToken } from '../../../gateway/auth';
import { loadGatewayConfig } from '../../../gateway/config';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';

const ACME = 'acme-partner-key-0123456789';
const GLOBEX = 'globex-partner-key-0123456789';
const PARTNER_KEYS = JSON.stringify([
  { key: ACME, partnerId: 'acme', scopes: ['directory:read'] },
  { key: GLOBEX, partnerId: 'globex', scopes: ['directory:read'] },
]);
const LIMIT = 3;

describe('per-partner rate limit (sandbox mode)', () => {
  let stub: StubSubgraph;
  let h: Harness;
  let customerToken: string;
  // Identities the subgraph saw, so we can tell which requests got through the gateway.
  const reachedSubgraph = (): string[] =>
    stub.received.map((r) => JSON.parse(Buffer.from(String(r['x-jd-identity']), 'base64url').toString('utf8')).partnerId ?? 'non-partner');
  const ping = (headers: Record<string, string>) =>
    fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ ping }' }),
    });

  beforeAll(async () => {
    stub = await startStubSubgraph('offices', 'type Query { ping: String }', { Query: { ping: () => 'pong' } });
    // A fresh gateway per suite: buckets start full.
    h = await startGateway([stub], { PARTNER_API_KEYS: PARTNER_KEYS, PARTNER_RATE_LIMIT_PER_MINUTE: String(LIMIT), METRICS_PORT: '0' });
    customerToken = await issueCustomerToken(loadGatewayConfig({}).jwt, 'jd_demo_alice');
  });
  afterAll(async () => {
    await h.close();
    await stub.stop();
  });

  it(`answers a partner's first ${LIMIT} requests, then 429 RATE_LIMITED with Retry-After, without calling the subgraph`, async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await ping({ 'x-api-key': ACME });
      expect(res.status).toBe(200);
      expect((await body(res)).data).toEqual({ ping: 'pong' });
    }
    const refused = await ping({ 'x-api-key': ACME });
    expect(refused.status).toBe(429);
    // 3 per minute refill one token every 20 s.
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(19);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(refused.headers.get('x-jd-sandbox')).toBe('simulated');
    const b = await body(refused);
    expect(b.data).toBeUndefined();
    expect(b.errors).toHaveLength(1);
    expect(b.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, limitPerMinute: LIMIT });
    expect(b.errors?.[0].extensions.http).toBeUndefined();
    expect(reachedSubgraph().filter((p) => p === 'acme')).toHaveLength(LIMIT);
  });

  it('leaves a different partner key its own budget', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await ping({ 'x-api-key': GLOBEX })).status).toBe(200);
    expect((await ping({ 'x-api-key': GLOBEX })).status).toBe(429);
    expect(reachedSubgraph().filter((p) => p === 'globex')).toHaveLength(LIMIT);
  });

  it('does not limit customers or anonymous callers', async () => {
    stub.received.length = 0;
    for (let i = 0; i < LIMIT * 3; i++) {
      expect((await ping({ authorization: `Bearer ${customerToken}` })).status).toBe(200);
      expect((await ping({})).status).toBe(200);
    }
    expect(stub.received).toHaveLength(LIMIT * 6);
  });

  it('counts refusals per partner in /metrics', async () => {
    const text = await (await fetch(h.gateway.metricsUrl!)).text();
    expect(text).toMatch(/gateway_partner_rate_limited_total\{partner="acme"\} 1\b/);
    expect(text).toMatch(/gateway_partner_rate_limited_total\{partner="globex"\} 1\b/);
  });
});

describe('partner rate limit off', () => {
  it('never refuses when PARTNER_RATE_LIMIT_PER_MINUTE=0', async () => {
    const stub = await startStubSubgraph('offices', 'type Query { ping: String }', { Query: { ping: () => 'pong' } });
    const h = await startGateway([stub], { PARTNER_API_KEYS: PARTNER_KEYS, PARTNER_RATE_LIMIT_PER_MINUTE: '0' });
    try {
      for (let i = 0; i < 10; i++) {
        const res = await fetch(h.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': ACME },
          body: JSON.stringify({ query: '{ ping }' }),
        });
        expect(res.status).toBe(200);
      }
      expect(stub.received).toHaveLength(10);
    } finally {
      await h.close();
      await stub.stop();
    }
  });
});
