import { createHash } from 'node:crypto';
import { loadGatewayConfig } from '../../../gateway/config';
import { issueCustomerToken } from '../../../gateway/auth';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { priced, body, startGateway, type Harness } from './helpers/gateway-harness';

const sha = (q: string) => createHash('sha256').update(q).digest('hex');
const ext = (hash: string) => encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));

describe('gateway HTTP protocol: APQ, CSRF, cache-control', () => {
  let offices: StubSubgraph;
  let orders: StubSubgraph;
  let h: Harness;
  const get = (params: string, headers: Record<string, string> = {}) =>
    fetch(`${h.gateway.url}?${params}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    offices = await startStubSubgraph(
      'offices',
      'type Query { offices: [String!]! }',
      { Query: { offices: () => ['Beijing', 'Shanghai'] } },
      { cacheControl: 'max-age=86400, public' },
    );
    orders = await startStubSubgraph('orders', 'type Query { myOrders: [String!]! }', { Query: { myOrders: () => ['o-1'] } });
    h = await startGateway([offices, orders]);
  });
  afterAll(async () => {
    await h.close();
    await Promise.all([offices.stop(), orders.stop()]);
  });
  beforeEach(() => void ((offices.received.length = 0), (orders.received.length = 0)));

  describe('APQ', () => {
    it('misses an unknown hash over GET and POST, registers over POST, then hits over GET', async () => {
      const query = 'query Offices { offices }';
      const hash = sha(query);
      const miss = await get(`extensions=${ext(hash)}`);
      expect((await body(miss)).errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const missPost = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect((await body(missPost)).errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(offices.received).toHaveLength(0);

      const register = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(await register.json()).toEqual(priced({ offices: ['Beijing', 'Shanghai'] }));

      const hit = await get(`operationName=Offices&extensions=${ext(hash)}`);
      expect(hit.status).toBe(200);
      expect(await hit.json()).toEqual(priced({ offices: ['Beijing', 'Shanghai'] }));
      const hitPost = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(await hitPost.json()).toEqual(priced({ offices: ['Beijing', 'Shanghai'] }));
      // Only the registration reached the subgraph: the public answer it stored served both hashes-only requests.
      expect(offices.received).toHaveLength(1);

      const text = await h.gateway.metrics.registry.metrics();
      expect(text).toMatch(/gateway_apq_total\{result="miss"\} 2/);
      expect(text).toMatch(/gateway_apq_total\{result="register"\} 1/);
      expect(text).toMatch(/gateway_apq_total\{result="hit"\} 2/);
    });

    it('refuses a query whose hash does not match', async () => {
      const res = await post({ query: '{ offices }', extensions: { persistedQuery: { version: 1, sha256Hash: sha('something else') } } });
      expect((await body(res)).errors?.[0].message).toMatch(/does not match/);
      expect(offices.received).toHaveLength(0);
    });
  });

  describe('CSRF prevention', () => {
    it('refuses a GET without a preflight-forcing header and never reaches a subgraph', async () => {
      const res = await fetch(`${h.gateway.url}?query=${encodeURIComponent('{ offices }')}`);
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/CSRF/i);
      expect(offices.received).toHaveLength(0);
    });
  });

  describe('cache-control', () => {
    it('marks an anonymous GET of public data with the subgraph hint', async () => {
      const res = await get(`query=${encodeURIComponent('{ offices }')}`);
      expect(await res.json()).toEqual(priced({ offices: ['Beijing', 'Shanghai'] }));
      expect(res.headers.get('cache-control')).toBe('max-age=86400, public');
    });

    it('never marks a customer response public', async () => {
      const token = await issueCustomerToken(loadGatewayConfig({}).jwt, 'jd_demo_alice');
      const res = await get(`query=${encodeURIComponent('{ offices }')}`, { authorization: `Bearer ${token}` });
      expect(res.headers.get('cache-control')).toBe('max-age=86400, private');
    });

    it('does not cache data whose subgraph gave no hint, alone or mixed with public data', async () => {
      const mine = await get(`query=${encodeURIComponent('{ myOrders }')}`);
      expect(mine.headers.get('cache-control')).toBe('no-store');
      const both = await get(`query=${encodeURIComponent('{ myOrders offices }')}`);
      expect(both.headers.get('cache-control')).toBe('no-store');
    });
  });
});
