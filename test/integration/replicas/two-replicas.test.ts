/**
 * Two gateway processes (started like `npm run start:gateway`, each on its own free port) over two
 * separately started sets of the four subgraphs, one JD sandbox and one Redis: what one replica
 * did, the other sees. Needs REDIS_URL (default local); under CI=true a missing Redis fails it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createClient } from '@keyv/redis';
import { issueCustomerToken } from '../../../gateway/auth';
import { loadGatewayConfig } from '../../../gateway/config';
import { createSandbox, DEMO_PINS, type Sandbox } from '../../../jd/sandbox';
import { eventually } from '../../support/eventually';
import { redisSuite, TEST_REDIS_URL as redisUrl } from '../../support/redis';
import { startGatewayProcess, startSubgraphSet, type GatewayProcess, type SubgraphSet } from '../../support/replicas';

const { describe: suite, reachable, requireRedis } = redisSuite();
jest.setTimeout(60_000);

const LIMIT = 10;
const PARTNER_KEY = 'replica-test-partner-key-0123456789';
const namespace = `replicas-${randomUUID().slice(0, 8)}`;
const METRICS_TOKEN = `replica-metrics-${randomUUID()}`;

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

// Behind TRUSTED_PROXY_HOPS=1 each request names its client address; a fresh one per request keeps
// the anonymous limit out of the tests that are not about it.
const someAddress = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}, 10.0.${Math.floor(Math.random() * 250)}.1`;
async function post(
  gateway: GatewayProcess,
  payload: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Body }> {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': someAddress(), ...headers },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

suite('two gateway replicas over one Redis', () => {
  let sandbox: Sandbox;
  let setA: SubgraphSet;
  let setB: SubgraphSet;
  let a: GatewayProcess;
  let b: GatewayProcess;
  let alice: Record<string, string>;
  // A customer of its own, so the budget test spends nobody else's.
  let customerToken = '';
  const admin = createClient({ url: redisUrl, socket: { reconnectStrategy: false, connectTimeout: 2000 } });

  beforeAll(async () => {
    requireRedis();
    await admin.connect();
    sandbox = await createSandbox({ port: 0 });
    const shared = { NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: redisUrl, JD_CACHE_NAMESPACE: namespace };
    [setA, setB] = await Promise.all([startSubgraphSet(shared, sandbox), startSubgraphSet(shared, sandbox)]);
    const gatewayEnv = {
      ...shared,
      SUPERGRAPH_PATH: join(resolve(__dirname, '../../..'), 'schema', 'supergraph.graphql'),
      RATE_LIMIT_NAMESPACE: namespace,
      // A busy test machine must not look like a failing Redis (each replica would then count alone).
      REDIS_OPERATION_TIMEOUT_MS: '2000',
      METRICS_TOKEN,
      TRUSTED_PROXY_HOPS: '1',
      PARTNER_API_KEYS: JSON.stringify([{ key: PARTNER_KEY, partnerId: 'replica-test', scopes: ['directory:read'] }]),
      PARTNER_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      CUSTOMER_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    };
    [a, b] = await Promise.all([
      startGatewayProcess({ ...gatewayEnv, ...setA.urlEnv }, 'gateway A'),
      startGatewayProcess({ ...gatewayEnv, ...setB.urlEnv }, 'gateway B'),
    ]);
    const jwt = loadGatewayConfig({}).jwt;
    alice = { authorization: `Bearer ${await issueCustomerToken(jwt, DEMO_PINS.alice)}` };
    customerToken = await issueCustomerToken(jwt, `jd_replica_rl_${randomUUID().slice(0, 8)}`);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([setA?.stop(), setB?.stop()]);
    await sandbox?.stop();
    if (!reachable) return;
    for (const pattern of [`${namespace}::*`, `gw-rl:${namespace}:*`]) {
      for await (const keys of admin.scanIterator({ MATCH: pattern, COUNT: 500 })) if (keys.length > 0) await admin.del(keys);
    }
    admin.destroy();
  });

  it('serves through B an APQ hash registered through A', async () => {
    // A query no run has registered before: its hash is new to Redis.
    const query = `query ReplicaApq_${randomUUID().replace(/-/g, '')} { nearestSupportOffice(countryCode: "DE") { office { city } } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const unknown = await post(b, { extensions });
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post(a, { query, extensions });
    expect(registered.body.data).toEqual({ nearestSupportOffice: { office: { city: 'Frankfurt am Main' } } });
    const served = await post(b, { extensions });
    expect(served.status).toBe(200);
    expect(served.body).toEqual(registered.body);
  });

  it.each([
    ['partner key', () => ({ 'x-api-key': PARTNER_KEY })],
    ['customer pin', () => ({ authorization: `Bearer ${customerToken}` })],
    ['anonymous client address', () => ({ 'x-forwarded-for': '198.51.100.77, 10.0.0.9' })],
  ])('holds one %s budget across A and B', async (_caller, headers) => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await post(i % 2 === 0 ? a : b, { query: '{ __typename }' }, headers())).status);
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    // Each replica alone has seen only half the budget; together they have spent all of it.
    const refusedByA = await post(a, { query: '{ __typename }' }, headers());
    const refusedByB = await post(b, { query: '{ __typename }' }, headers());
    for (const refused of [refusedByA, refusedByB]) {
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    }
  });

  it('serves through B, from the shared cache, a JD read made through A: no JD call', async () => {
    const query =
      '{ orders(first: 5) { totalCount edges { node { id status items { product { skuId name price { amount } inStock } } } } } }';
    sandbox.stats.reset();
    const throughA = await post(a, { query }, alice);
    expect(throughA.body.errors).toBeUndefined();
    const callsThroughA = sandbox.stats.snapshot().total;
    expect(callsThroughA).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300)); // A's subgraphs write to Redis after answering

    const throughB = await post(b, { query }, alice);
    expect(throughB.body).toEqual(throughA.body);
    expect(sandbox.stats.snapshot().total).toBe(callsThroughA);
  });

  it('evicts what B would read when A applies for after-sales or cancels, so B sees the new state at once', async () => {
    const candidates = [...sandbox.data.orders.values()].filter(
      (o) =>
        o.pin === DEMO_PINS.alice &&
        o.orderState === 'FINISHED_L' &&
        o.itemInfoList.length === 1 &&
        ![...sandbox.data.afsServices.values()].some((s) => s.orderId === o.orderId),
    );
    const query = 'query($id: ID!) { order(id: $id) { afterSalesEligibility { skuId eligible } afterSalesServices { id status } } }';
    type Seen = {
      order: { afterSalesEligibility: { skuId: string; eligible: boolean }[]; afterSalesServices: { id: string; status: string }[] };
    };
    const readThroughB = async (id: string) => (await post(b, { query, variables: { id } }, alice)).body.data as Seen;
    let orderId = '';
    let skuId = '';
    for (const o of candidates) {
      const line = (await readThroughB(o.orderId)).order.afterSalesEligibility.find((l) => l.eligible);
      if (line) [orderId, skuId] = [o.orderId, line.skuId];
      if (orderId) break;
    }
    expect(orderId).not.toBe('');
    // B has read (and cached) the order with no service.
    expect((await readThroughB(orderId)).order.afterSalesServices).toEqual([]);

    const applied = await post(
      a,
      {
        query:
          'mutation($input: ApplyForAfterSalesInput!) { applyForAfterSales(input: $input) { service { id status } userErrors { code } } }',
        variables: {
          input: {
            orderId,
            skuId,
            quantity: 1,
            type: 'RETURN',
            expectation: 'REFUND',
            description: 'Stopped charging after a week.',
            idempotencyKey: `replicas-${orderId}`,
          },
        },
      },
      alice,
    );
    const service = (applied.body.data as { applyForAfterSales: { service: { id: string; status: string } } }).applyForAfterSales.service;
    expect(service.id).toMatch(/^\d+$/);
    expect((await readThroughB(orderId)).order.afterSalesServices).toEqual([service]);

    const cancelled = await post(
      a,
      {
        query: 'mutation($id: ID!) { cancelAfterSales(id: $id) { service { id status } userErrors { code } } }',
        variables: { id: service.id },
      },
      alice,
    );
    expect(cancelled.body.data).toEqual({ cancelAfterSales: { service: { id: service.id, status: 'CANCELLED' }, userErrors: [] } });
    expect((await readThroughB(orderId)).order.afterSalesServices).toEqual([{ id: service.id, status: 'CANCELLED' }]);
  });

  it('shares the public response cache: what A fetched for an anonymous caller, B answers without the subgraphs', async () => {
    const metric = async (gateway: GatewayProcess, pattern: RegExp) =>
      Number(
        pattern.exec(
          await (await fetch(`${gateway.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text(),
        )?.[1] ?? 0,
      );
    const hits = (gateway: GatewayProcess) => metric(gateway, /^gateway_response_cache_total\{result="hit"\} (\d+)/m);
    const officesFetches = (gateway: GatewayProcess) =>
      metric(gateway, /^gateway_subgraph_fetches_total\{subgraph="offices",outcome="ok"\} (\d+)/m);
    // An operation no run has cached before: its cache key is new to Redis.
    const query = `query ReplicaPublic_${randomUUID().replace(/-/g, '')} { nearestSupportOffice(countryCode: "FR") { office { city } } }`;
    const fromA = await post(a, { query });
    expect(fromA.body.data).toEqual({ nearestSupportOffice: { office: { city: expect.any(String) } } });

    // A stores the answer after it has sent it; ask B until it finds it in Redis (each ask counted).
    let hit: { body: Body; fetched: number } | undefined;
    await eventually(async () => {
      const [hitsBefore, fetchesBefore] = [await hits(b), await officesFetches(b)];
      const res = await post(b, { query });
      if ((await hits(b)) === hitsBefore) return false;
      hit = { body: res.body, fetched: (await officesFetches(b)) - fetchesBefore };
      return true;
    }, 'B answering from the shared response cache');
    expect(hit?.body).toEqual(fromA.body);
    expect(hit?.fetched).toBe(0);
  });

  it('keeps answering through B when A is killed under load, and requests a client retries succeed', async () => {
    const query = { query: '{ nearestSupportOffice(countryCode: "JP") { office { city } } }' };
    const outcomes = { answeredByA: 0, answeredByB: 0, retried: 0, failedOnB: 0 };
    // A client that sends to A or B in turn and retries once on the other replica when a request fails.
    const request = async (first: GatewayProcess) => {
      const second = first === a ? b : a;
      for (const target of [first, second]) {
        try {
          const res = await post(target, query);
          if (res.status === 200 && res.body.data) {
            outcomes[target === a ? 'answeredByA' : 'answeredByB']++;
            return res.body.data;
          }
        } catch {
          // connection refused or reset: the replica is gone
        }
        if (target === b) outcomes.failedOnB++;
        else outcomes.retried++;
      }
      throw new Error('both replicas failed');
    };
    let sent = 0;
    const worker = async () => {
      const results: unknown[] = [];
      for (let i = 0; i < 30; i++) results.push(await request(sent++ % 2 === 0 ? a : b));
      return results;
    };
    const load = Promise.all([worker(), worker(), worker(), worker()]);
    while (outcomes.answeredByA < 10) await new Promise((r) => setTimeout(r, 5));
    await a.kill();
    const results = (await load).flat();

    expect(results).toHaveLength(120);
    for (const data of results) expect(data).toEqual({ nearestSupportOffice: { office: { city: expect.any(String) } } });
    expect(outcomes.retried).toBeGreaterThan(0);
    expect(outcomes.failedOnB).toBe(0);
    expect(outcomes.answeredByB).toBeGreaterThan(60);
    const health = await fetch(`${b.base}/health/ready`);
    expect(health.status).toBe(200);
  });
});
