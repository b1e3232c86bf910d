import type { IncomingMessage } from 'node:http';
import { loadGatewayConfig } from '../../../gateway/config';
import { issueCustomerToken } from '../../../gateway/auth';
import { startStubSubgraph } from './helpers/stub-subgraph';
import { startGateway, type Harness } from './helpers/gateway-harness';
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from '../../support/private-redis';

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const callerOf = (headers: IncomingMessage['headers']) =>
  JSON.parse(Buffer.from(String(headers['x-jd-identity']), 'base64url').toString('utf8')) as { kind: string; pin?: string };

/**
 * Two subgraphs that both tell the gateway their answers are public for a while:
 * - `offices` really is public: its answer depends on the arguments and the language only;
 * - `orders` claims to be public (a wrong hint) but answers per caller, so only the gateway's own
 *   rules can keep one customer's answer from another.
 * Each answer carries a per-subgraph call number, so a cached answer is told from a fresh one.
 */
async function startSubgraphs(officesMaxAge = 60) {
  let officeCalls = 0;
  let orderCalls = 0;
  const offices = await startStubSubgraph(
    'offices',
    `${FEDERATION}
     type Query { directory(city: String): [String!]! }`,
    {
      Query: {
        directory: (_: unknown, args: { city?: string }, ctx: unknown) => {
          officeCalls++;
          const { language } = ctx as { language: string };
          return [`${args.city ?? 'all'}:${language}:call-${officeCalls}`];
        },
      },
    },
    { cacheControl: `max-age=${officesMaxAge}, public`, context: (req) => ({ language: req.headers['accept-language'] ?? 'zh' }) },
  );
  const orders = await startStubSubgraph(
    'orders',
    `${FEDERATION}
     type Query { myOrders: [String!]! }`,
    {
      Query: {
        myOrders: (_: unknown, _args: unknown, ctx: unknown) => {
          orderCalls++;
          const { caller } = ctx as { caller: ReturnType<typeof callerOf> };
          return [`${caller.pin ?? caller.kind}:order-${orderCalls}`];
        },
      },
    },
    { cacheControl: 'max-age=60, public', context: (req) => ({ caller: callerOf(req.headers) }) },
  );
  // No Cache-Control at all: the gateway must treat its answers as maxAge 0.
  const clock = await startStubSubgraph(
    'clock',
    `${FEDERATION}
     type Query { now: String! }`,
    { Query: { now: () => new Date().toISOString() } },
  );
  return { offices, orders, clock, all: [offices, orders, clock], stop: () => Promise.all([offices.stop(), orders.stop(), clock.stop()]) };
}

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, string[]>; errors?: unknown[] };
}

async function ask(url: string, query: string, opts: { token?: string; language?: string; variables?: object } = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      'accept-language': opts.language ?? 'zh',
    },
    body: JSON.stringify({ query, variables: opts.variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

const lookups = async (h: Harness, result: 'hit' | 'miss') =>
  (await h.gateway.metrics.responseCache.get()).values.find((v) => v.labels.result === result)?.value ?? 0;

const DIRECTORY = 'query Directory($city: String) { directory(city: $city) }';

describe('public response cache (in memory)', () => {
  let subgraphs: Awaited<ReturnType<typeof startSubgraphs>>;
  let h: Harness;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    subgraphs = await startSubgraphs();
    h = await startGateway(subgraphs.all);
    const jwt = loadGatewayConfig({}).jwt;
    [alice, bob] = await Promise.all([issueCustomerToken(jwt, 'jd_demo_alice'), issueCustomerToken(jwt, 'jd_demo_bob')]);
  });
  afterAll(async () => {
    await h.close();
    await subgraphs.stop();
  });
  beforeEach(() => {
    subgraphs.offices.received.length = 0;
    subgraphs.orders.received.length = 0;
  });

  it('answers a repeated anonymous public query without the subgraph, with age and cache-control a CDN understands', async () => {
    const [hitsBefore, missesBefore] = [await lookups(h, 'hit'), await lookups(h, 'miss')];
    const first = await ask(h.gateway.url, DIRECTORY, { variables: { city: 'Beijing' } });
    const second = await ask(h.gateway.url, DIRECTORY, { variables: { city: 'Beijing' } });
    expect(second.body).toEqual(first.body);
    expect(first.body.data?.directory[0]).toMatch(/^Beijing:zh:call-\d+$/);
    expect(subgraphs.offices.received).toHaveLength(1);
    expect(first.headers.get('cache-control')).toBe('max-age=60, public');
    expect(first.headers.get('age')).toBeNull();
    expect(second.headers.get('cache-control')).toBe('max-age=60, public');
    expect(Number(second.headers.get('age'))).toBeGreaterThanOrEqual(0);
    expect(Number(second.headers.get('age'))).toBeLessThanOrEqual(60);
    expect((await lookups(h, 'hit')) - hitsBefore).toBe(1);
    expect((await lookups(h, 'miss')) - missesBefore).toBe(1);
  });

  it('keys on the variables and on accept-language', async () => {
    const beijing = await ask(h.gateway.url, DIRECTORY, { variables: { city: 'Shanghai' } });
    const english = await ask(h.gateway.url, DIRECTORY, { variables: { city: 'Shanghai' }, language: 'en' });
    const other = await ask(h.gateway.url, DIRECTORY, { variables: { city: 'Wuhan' } });
    expect(beijing.body.data?.directory[0]).toMatch(/^Shanghai:zh:/);
    expect(english.body.data?.directory[0]).toMatch(/^Shanghai:en:/);
    expect(other.body.data?.directory[0]).toMatch(/^Wuhan:zh:/);
    expect(subgraphs.offices.received).toHaveLength(3);
  });

  it('never serves one customer the answer fetched for another, even when the subgraph calls it public', async () => {
    const answers: string[] = [];
    for (const token of [alice, bob, alice, bob])
      answers.push((await ask(h.gateway.url, '{ myOrders }', { token })).body.data!.myOrders[0]);
    expect(answers.map((a) => a.split(':')[0])).toEqual(['jd_demo_alice', 'jd_demo_bob', 'jd_demo_alice', 'jd_demo_bob']);
    // Every request went to the subgraph: nothing of an identified caller is stored or read.
    expect(new Set(answers).size).toBe(4);
    expect(subgraphs.orders.received.map((r) => callerOf(r).pin)).toEqual(['jd_demo_alice', 'jd_demo_bob', 'jd_demo_alice', 'jd_demo_bob']);
  });

  it('never hands an anonymous public answer to an identified caller, and tells the CDN theirs is private', async () => {
    const anonymous = await ask(h.gateway.url, DIRECTORY, { variables: { city: 'Xian' } });
    const customer = await ask(h.gateway.url, DIRECTORY, { variables: { city: 'Xian' }, token: alice });
    expect(customer.body).not.toEqual(anonymous.body);
    expect(subgraphs.offices.received).toHaveLength(2);
    expect(customer.headers.get('cache-control')).toBe('max-age=60, private');
    expect(customer.headers.get('age')).toBeNull();
  });

  it('stores nothing when one subgraph of the plan gave no maxAge', async () => {
    const mixed = '{ directory(city: "Nanjing") now }';
    await ask(h.gateway.url, mixed);
    const second = await ask(h.gateway.url, mixed);
    expect(subgraphs.offices.received).toHaveLength(2);
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.headers.get('age')).toBeNull();
  });
});

describe('public response cache honours maxAge', () => {
  it('fetches again once the answer is older than the subgraph allowed', async () => {
    const subgraphs = await startSubgraphs(1);
    const h = await startGateway(subgraphs.all);
    try {
      const first = await ask(h.gateway.url, DIRECTORY);
      expect((await ask(h.gateway.url, DIRECTORY)).body).toEqual(first.body);
      expect(subgraphs.offices.received).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 1100));
      const later = await ask(h.gateway.url, DIRECTORY);
      expect(later.body).not.toEqual(first.body);
      expect(subgraphs.offices.received).toHaveLength(2);
    } finally {
      await h.close();
      await subgraphs.stop();
    }
  });

  it('is off with RESPONSE_CACHE=false', async () => {
    const subgraphs = await startSubgraphs();
    const h = await startGateway(subgraphs.all, { RESPONSE_CACHE: 'false' });
    try {
      await ask(h.gateway.url, DIRECTORY);
      const second = await ask(h.gateway.url, DIRECTORY);
      expect(subgraphs.offices.received).toHaveLength(2);
      expect(second.headers.get('age')).toBeNull();
    } finally {
      await h.close();
      await subgraphs.stop();
    }
  });
});

const redisSuite = hasRedisServer() || process.env.CI === 'true' ? describe : describe.skip;

redisSuite('public response cache shared through Redis', () => {
  let redis: PrivateRedis;
  let subgraphs: Awaited<ReturnType<typeof startSubgraphs>>;
  let a: Harness;
  let b: Harness;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    subgraphs = await startSubgraphs();
    [a, b] = await Promise.all([
      startGateway(subgraphs.all, { REDIS_URL: redis.url }),
      startGateway(subgraphs.all, { REDIS_URL: redis.url }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await subgraphs.stop();
    await redis.stop();
  });

  it('serves on one replica what another fetched', async () => {
    const first = await ask(a.gateway.url, DIRECTORY, { variables: { city: 'Chengdu' } });
    // The write to Redis runs in the background of the first answer.
    let second: Answer | undefined;
    for (let tries = 0; tries < 50 && !second?.headers.get('age'); tries++) {
      if (tries) await new Promise((r) => setTimeout(r, 20));
      second = await ask(b.gateway.url, DIRECTORY, { variables: { city: 'Chengdu' } });
    }
    expect(second!.headers.get('age')).not.toBeNull();
    expect(second!.body).toEqual(first.body);
  });

  it('keeps answering, from the subgraph and from memory, while Redis is down', async () => {
    await redis.kill();
    const fresh = await ask(a.gateway.url, DIRECTORY, { variables: { city: 'Harbin' } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.data?.directory[0]).toMatch(/^Harbin:zh:/);
    const again = await ask(a.gateway.url, DIRECTORY, { variables: { city: 'Harbin' } });
    expect(again.body).toEqual(fresh.body);
    expect(again.headers.get('age')).not.toBeNull();
    const failures = (await a.gateway.metrics.responseCacheRedisFailures.get()).values.reduce((n, v) => n + v.value, 0);
    expect(failures).toBeGreaterThan(0);
  });
});
