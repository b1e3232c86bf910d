import { Counter, Registry } from 'prom-client';
import { GraphQLClient } from 'graphql-request';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { startGateway, type Harness } from './helpers/gateway-harness';

describe('health and metrics', () => {
  let offices: StubSubgraph;
  let orders: StubSubgraph;
  let h: Harness;
  const base = () => h.gateway.url.replace(/\/graphql$/, '');
  beforeAll(async () => {
    offices = await startStubSubgraph('offices', 'type Query { offices: [String!]! }', { Query: { offices: () => ['Xian'] } });
    orders = await startStubSubgraph('orders', 'type Query { boom: String }', {
      Query: {
        boom: () => {
          throw new Error('secret database detail');
        },
      },
    });
    h = await startGateway([offices, orders], { METRICS_PORT: '0' });
  });
  afterAll(async () => {
    await h.close();
    await offices.stop();
  });

  it('is live, and ready with every subgraph answering', async () => {
    expect((await fetch(`${base()}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base()}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', supergraph: 'loaded', subgraphs: { offices: 'up', orders: 'up' } });
  });

  it('exposes requests by operation and outcome, latency, subgraph fetches and external metrics', async () => {
    const client = new GraphQLClient(h.gateway.url);
    await client.request('query DirectoryPage { offices }');
    await client.request('query Boom { boom }').catch(() => undefined);
    const external = new Registry();
    new Counter({ name: 'jd_calls_total', help: 'JD calls', registers: [external] }).inc(3);
    h.gateway.registerExternalMetrics(external);
    h.gateway.registerExternalMetrics(() => '# TYPE jd_cache_hits_total counter\njd_cache_hits_total 7\n');

    const res = await fetch(h.gateway.metricsUrl!);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/gateway_requests_total\{operation="DirectoryPage",outcome="ok"\} 1/);
    expect(text).toMatch(/gateway_requests_total\{operation="Boom",outcome="error"\} 1/);
    expect(text).toMatch(/gateway_request_duration_seconds_count\{operation="DirectoryPage"\} 1/);
    expect(text).toMatch(/gateway_subgraph_fetches_total\{subgraph="offices",outcome="ok"\} 1/);
    expect(text).toMatch(/gateway_subgraph_fetches_total\{subgraph="orders",outcome="error"\} 1/);
    expect(text).toMatch(/jd_calls_total 3/);
    expect(text).toMatch(/jd_cache_hits_total 7/);
  });

  it('serves /metrics on METRICS_PORT only, never on the API port', async () => {
    expect(new URL(h.gateway.metricsUrl!).port).not.toBe(String(h.gateway.port));
    const onApi = await fetch(`${base()}/metrics`);
    expect(onApi.status).toBe(404);
    expect(await onApi.text()).not.toMatch(/gateway_/);
  });

  it('stays ready but reports degraded, naming the subgraph, once one stops answering', async () => {
    await orders.stop();
    const ready = await fetch(`${base()}/health/ready`);
    // One subgraph down must not take every replica out of the load balancer: the rest still answers.
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'degraded', supergraph: 'loaded', subgraphs: { offices: 'up', orders: 'down' } });
    expect(await new GraphQLClient(h.gateway.url).request('{ offices }')).toEqual({ offices: expect.any(Array) });
  });
});

describe('metrics behind METRICS_TOKEN', () => {
  it('serves /metrics on the API port to the token holder only, and nothing without a setting', async () => {
    const offices = await startStubSubgraph('offices', 'type Query { offices: [String!]! }', { Query: { offices: () => ['Xian'] } });
    const token = 'scrape-token-0123456789abcdef';
    const withToken = await startGateway([offices], { METRICS_TOKEN: token });
    const without = await startGateway([offices]);
    try {
      const url = withToken.gateway.url.replace(/\/graphql$/, '/metrics');
      expect(withToken.gateway.metricsUrl).toBe(url);
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789abc', token]) {
        const res = await fetch(url, { headers: authorization ? { authorization } : {} });
        expect(res.status).toBe(401);
        expect(await res.text()).not.toMatch(/gateway_/);
      }
      const scraped = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/gateway_process_/);
      expect(without.gateway.metricsUrl).toBeUndefined();
      expect((await fetch(without.gateway.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
    } finally {
      await withToken.close();
      await without.close();
      await offices.stop();
    }
  });
});
