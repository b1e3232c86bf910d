import { createServer, type Server, type AddressInfo } from 'node:net';
import { loadJdConfig, type JdCallObservation } from '../../../jd/client';
import { createJdLoaderStats } from '../../../jd/loaders';
import { JD_METHODS } from '../../../jd/protocol';
import { createSandbox, type Sandbox } from '../../../jd/sandbox';
import { createJdRuntime, jdReachable } from '../../../subgraphs/kit';

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.destroy());
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kit: the JD runtime every JD-backed process builds once', () => {
  it('is ready only while JD (here a local listener) accepts connections', async () => {
    const server = await listen();
    const { port } = server.address() as AddressInfo;
    const probe = jdReachable(`http://127.0.0.1:${port}/routerjson`, 500);
    expect(await probe()).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await probe()).toBe(false);
  });

  it('builds per-request loaders over one client and cache, and says where JD is', async () => {
    const runtime = createJdRuntime({ jd: loadJdConfig({ JD_SANDBOX_PORT: '4999' }) });
    expect(runtime.describeJd()).toBe('sandbox at http://127.0.0.1:4999/routerjson, 50 JD calls/s in this process (50 / 1 processes)');
    const a = runtime.createLoaders('jd_demo_alice');
    const b = runtime.createLoaders('jd_demo_alice');
    expect(a).not.toBe(b); // one set per request, never shared across requests
    expect(typeof a.price.load).toBe('function');
    await runtime.close();
  });

  describe('with the options the whole stack passes', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await createSandbox({ seed: 'jd-runtime', scale: { customers: 2, ordersPerCustomer: 1, skus: 120 } });
    });
    afterAll(() => sandbox.stop());
    beforeEach(() => sandbox.stats.reset());

    const jdFor = (s: Sandbox) => ({ ...loadJdConfig({}), apiUrl: s.routerUrl, ...s.credentials });

    it('reports every JD attempt and breaker state to the given hooks, counts loads in the given stats, and caches for the overridden TTL', async () => {
      const observed: JdCallObservation[] = [];
      const breakers: [string, string][] = [];
      const stats = createJdLoaderStats();
      const runtime = createJdRuntime({
        // No stale grace, so the load past the TTL goes to JD (stale-while-revalidate has its own tests).
        jd: { ...jdFor(sandbox), cacheGraceMs: { [JD_METHODS.priceGet]: 0 } },
        observer: (o) => observed.push(o),
        onBreakerStateChange: (method, state) => breakers.push([method, state]),
        stats,
        ttl: { [JD_METHODS.priceGet]: 1000 },
      });
      const sku = String([...sandbox.data.skus.keys()][0]);
      try {
        expect(runtime.stats).toBe(stats);
        expect(await runtime.createLoaders(undefined).price.load(sku)).toMatchObject({ skuId: sku });
        expect(observed).toEqual([expect.objectContaining({ method: JD_METHODS.priceGet, outcome: 'ok', attempt: 1 })]);
        expect(breakers).toEqual([[JD_METHODS.priceGet, 'closed']]);
        expect(stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ jdCalls: 1, keysSent: 1, cacheMisses: 1 });

        await runtime.createLoaders(undefined).price.load(sku); // another request within the 1 s override (generous, so a busy machine cannot turn it into a miss): from the shared cache
        expect(stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ jdCalls: 1, cacheHits: 1 });
        await sleep(1100);
        await runtime.createLoaders(undefined).price.load(sku); // the 1 s override has passed: JD again
        expect(sandbox.stats.snapshot().methods[JD_METHODS.priceGet].calls).toBe(2);
        expect(observed).toHaveLength(2);
      } finally {
        await runtime.close();
      }
    });

    it('keeps the default TTL without overrides (30 s for prices)', async () => {
      const runtime = createJdRuntime({ jd: jdFor(sandbox) });
      const sku = String([...sandbox.data.skus.keys()][1]);
      try {
        await runtime.createLoaders(undefined).price.load(sku);
        await sleep(1100);
        await runtime.createLoaders(undefined).price.load(sku);
        expect(sandbox.stats.snapshot().methods[JD_METHODS.priceGet].calls).toBe(1);
        expect(runtime.stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ jdCalls: 1, cacheHits: 1 });
      } finally {
        await runtime.close();
      }
    });

    it("merges concurrent requests' price misses into one JD call by default (JD_BATCH_WINDOW_MS 2), and not with 0", async () => {
      const [one, two] = [...sandbox.data.skus.keys()].slice(2, 4).map(String);
      // Both loads reach the window through promise jobs alone, before any timer can close it.
      const both = (runtime: ReturnType<typeof createJdRuntime>) =>
        Promise.all([runtime.createLoaders(undefined).price.load(one), runtime.createLoaders(undefined).price.load(two)]);
      const windowed = createJdRuntime({ jd: jdFor(sandbox) });
      try {
        expect(await both(windowed)).toMatchObject([{ skuId: one }, { skuId: two }]);
        expect(sandbox.stats.snapshot().methods[JD_METHODS.priceGet].calls).toBe(1);
        expect(windowed.stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ jdCalls: 1, keysSent: 2, windowSavedCalls: 1 });
      } finally {
        await windowed.close();
      }
      const off = createJdRuntime({ jd: { ...jdFor(sandbox), batchWindowMs: 0 } });
      try {
        await both(off);
        expect(sandbox.stats.snapshot().methods[JD_METHODS.priceGet].calls).toBe(3);
      } finally {
        await off.close();
      }
    });

    it('refuses a TTL override for a method the loaders do not cache, naming it', () => {
      expect(() => createJdRuntime({ jd: jdFor(sandbox), ttl: { 'jingdong.not.a.method': 5 } as never })).toThrow(
        /jingdong\.not\.a\.method/,
      );
    });
  });
});
