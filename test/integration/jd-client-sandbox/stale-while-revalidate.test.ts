/**
 * Stale-while-revalidate in the JD loaders, against the in-process sandbox, every freshness rule:
 * fresh within the TTL; past it and within the grace the cached answer is served (and the request's
 * staleness record says how old) while one background refresh per key asks JD; nothing past the
 * grace; a customer's own write evicts what it changes (never older than their write, even when a
 * refresh was on its way); requestExchange's fresh reads never take a cached answer; and a refresh
 * takes no budget slot a customer may need. The clock is moved by hand, for every part alike
 * (cache expiry, ages, JD's signature check), so no test depends on how fast the machine is.
 */
import { RateLimiter, createJdClient, type JdCallOptions } from '../../../jd/client';
import {
  createJdCache,
  createJdLoaders,
  createStalenessRecord,
  resolveJdGrace,
  resolveJdTtl,
  type JdCache,
  type StalenessRecord,
} from '../../../jd/loaders';
import { JD_METHODS } from '../../../jd/protocol';
import { eventually } from '../../support/eventually';
import { startRecordingJd, type RecordingJd } from '../../support/recording-jd';
import { recordingLimiter } from '../../support/recording-limiter';

const TTL_MS = 10_000;
const GRACE_MS = 20_000;
const ttl = resolveJdTtl({ [JD_METHODS.priceGet]: TTL_MS, [JD_METHODS.afsOrderGet]: TTL_MS, [JD_METHODS.stockGet]: TTL_MS });
const grace = resolveJdGrace({ [JD_METHODS.priceGet]: GRACE_MS, [JD_METHODS.afsOrderGet]: GRACE_MS, [JD_METHODS.stockGet]: GRACE_MS });

const realNow = Date.now.bind(Date);
let skew = 0;
/** Moves every clock of this process (cache expiry, entry ages, JD timestamps and signatures) forward. */
const advance = (ms: number) => {
  skew += ms;
};

let jd: RecordingJd;
let cache: JdCache;
const sku = () => String([...jd.sandbox.data.skus.keys()][0]);
const priceFen = (p: unknown) => (p as { priceFen: number } | null)?.priceFen;

beforeAll(async () => {
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + skew);
  jd = await startRecordingJd({ seed: 'swr' });
});
afterAll(async () => {
  await jd.close();
  jest.restoreAllMocks();
});
beforeEach(() => {
  cache = createJdCache();
  jd.forgetCalls();
});
afterEach(() => cache.close());

const loaders = (customerPin?: string, client = jd.client, staleness?: StalenessRecord, call?: JdCallOptions) =>
  createJdLoaders({ client, cache, customerPin, ttl, grace, staleness, call });
/** One request: its loads (with loaders given its own staleness record), and that record beside the answer. */
const request = async <T>(work: (staleness: StalenessRecord) => Promise<T>) => {
  const stale = createStalenessRecord();
  const value = await work(stale);
  return { value, stale };
};

describe('stale-while-revalidate', () => {
  it('within the TTL: the cached answer, no JD call, nothing labelled stale', async () => {
    await loaders().price.load(sku());
    advance(TTL_MS / 2);
    jd.forgetCalls();
    const { stale } = await request((staleness) => loaders(undefined, undefined, staleness).price.load(sku()));
    expect(jd.calls).toEqual([]);
    expect(stale?.oldestAgeMs).toBeUndefined();
  });

  it('past the TTL, within the grace: serves the cached answer labelled with its age, and refreshes it once in the background', async () => {
    const id = sku();
    const before = priceFen(await loaders().price.load(id));
    jd.seed.price(id, 12_345);
    advance(TTL_MS + 5_000);
    jd.forgetCalls();
    // Three concurrent requests read the stale entry: all get it at once, and JD gets one refresh.
    const answers = await Promise.all([1, 2, 3].map(() => request((staleness) => loaders(undefined, undefined, staleness).price.load(id))));
    for (const { value, stale } of answers) {
      expect(priceFen(value)).toBe(before);
      expect(stale?.oldestAgeMs).toBeGreaterThanOrEqual(TTL_MS + 5_000);
      expect([...(stale?.methods ?? [])]).toEqual([JD_METHODS.priceGet]);
    }
    await eventually(() => cache.refreshing.size === 0, 'the background refresh to finish');
    expect(jd.callsOf(JD_METHODS.priceGet)).toHaveLength(1);
    // The refresh wrote JD's new answer back: the next request reads it fresh, without a call.
    jd.forgetCalls();
    const next = await request((staleness) => loaders(undefined, undefined, staleness).price.load(id));
    expect(priceFen(next.value)).toBe(12_345);
    expect(next.stale?.oldestAgeMs).toBeUndefined();
    expect(jd.calls).toEqual([]);
  });

  it('past the grace: never served; the request waits for JD', async () => {
    const id = sku();
    await loaders().price.load(id);
    jd.seed.price(id, 23_456);
    advance(TTL_MS + GRACE_MS + 1);
    jd.forgetCalls();
    const { value, stale } = await request((staleness) => loaders(undefined, undefined, staleness).price.load(id));
    expect(priceFen(value)).toBe(23_456);
    expect(stale?.oldestAgeMs).toBeUndefined();
    expect(jd.callsOf(JD_METHODS.priceGet)).toHaveLength(1);
  });

  it("never older than the customer's own write: apply evicts the order's list, even with a refresh of it on its way", async () => {
    const order = [...jd.sandbox.data.orders.values()].find((o) => o.pin === 'jd_demo_alice' && o.orderState === 'FINISHED_L')!;
    const pin = order.pin;
    const before = await loaders(pin).afsServicesByOrder.load(order.orderId);
    advance(TTL_MS + 1_000);
    // A stale read starts a background refresh (JD answers it after 200 ms) ...
    jd.sandbox.faults.set({ [JD_METHODS.afsOrderGet]: { latencyMs: 200 } });
    await request((staleness) => loaders(pin, undefined, staleness).afsServicesByOrder.load(order.orderId));
    expect(cache.refreshing.size).toBe(1);
    // ... then the customer files an application (JD's list now has one more) while it is on its way.
    const filed = await loaders(pin).applyForAfterSales({
      orderId: order.orderId,
      skuId: String(order.itemInfoList[0].skuId),
      skuNum: 1,
      customerPin: pin,
      afsApplyType: 10,
      customerExpect: 10,
      questionDesc: 'Broken on arrival.',
      isNeedDetectionReport: 0,
      images: [],
      thirdApplyId: `swr-${order.orderId}`,
    });
    jd.sandbox.faults.set({});
    const after = await request((staleness) => loaders(pin, undefined, staleness).afsServicesByOrder.load(order.orderId));
    expect(after.value.map((s) => s.afsServiceId)).toContain(filed.afsServiceId);
    expect(after.value).toHaveLength(before.length + 1);
    expect(after.stale?.oldestAgeMs).toBeUndefined();
    // The refresh that left before the write answers later and must not put the older list back.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = await loaders(pin).afsServicesByOrder.load(order.orderId);
    expect(later.map((s) => s.afsServiceId)).toContain(filed.afsServiceId);
  });

  it("requestExchange's fresh price and stock never take a cached answer, stale or not", async () => {
    const id = sku();
    await Promise.all([loaders().price.load(id), loaders().stock.load(id)]);
    jd.seed.price(id, 34_567);
    advance(TTL_MS + 1_000);
    jd.forgetCalls();
    const { value, stale } = await request((staleness) => {
      const l = loaders(undefined, undefined, staleness);
      return Promise.all([l.freshPrice.load(id), l.freshStock.load(id)]);
    });
    expect(priceFen(value[0])).toBe(34_567);
    expect(stale?.oldestAgeMs).toBeUndefined();
    expect(jd.callsOf(JD_METHODS.priceGet)).toHaveLength(1);
    expect(jd.callsOf(JD_METHODS.stockGet)).toHaveLength(1);
  });

  it("a refresh asks the limiter as background, for no caller, while the request's own misses ask as its caller", async () => {
    const { limiter, asked } = recordingLimiter();
    const client = createJdClient({ apiUrl: jd.sandbox.routerUrl, ...jd.sandbox.credentials }, { rateLimiter: limiter });
    const [stale, missing] = [...jd.sandbox.data.skus.keys()].slice(0, 2).map(String);
    await loaders(undefined, client).price.load(stale);
    advance(TTL_MS + 1_000);
    asked.length = 0;
    const alice = { caller: 'customer:jd_demo_alice' };
    // One request of Alice's: a stale price (served, refreshed in the background) and a stock miss (her own call).
    await request((staleness) => {
      const l = loaders(undefined, client, staleness, alice);
      return Promise.all([l.price.load(stale), l.stock.load(missing)]);
    });
    await eventually(() => cache.refreshing.size === 0, 'the background refresh to finish');
    expect(asked).toHaveLength(2);
    expect(asked.find((a) => a.method === JD_METHODS.priceGet)?.options).toMatchObject({ background: true, caller: undefined });
    const own = asked.find((a) => a.method === JD_METHODS.stockGet)?.options;
    expect(own).toMatchObject({ caller: 'customer:jd_demo_alice' });
    expect(own?.background).toBeFalsy();
  });

  it('a refresh takes no budget slot a customer may need: refused, the stale answer is still served, and the next reader tries again', async () => {
    // A budget of 5 calls a second, 4 of them already spent this second: the fifth stays for customers.
    const limiter = new RateLimiter({ perSecond: 5, maxWaitMs: 0 });
    const client = createJdClient({ apiUrl: jd.sandbox.routerUrl, ...jd.sandbox.credentials }, { rateLimiter: limiter });
    const id = sku();
    await loaders(undefined, client).price.load(id);
    advance(TTL_MS + 1_000);
    for (let i = 0; i < 4; i++) await limiter.acquire('spend');
    jd.forgetCalls();
    const { value, stale } = await request((staleness) => loaders(undefined, client, staleness).price.load(id));
    expect(priceFen(value)).not.toBeUndefined();
    expect(stale?.oldestAgeMs).toBeGreaterThan(TTL_MS);
    await eventually(() => cache.refreshing.size === 0, 'the background refresh to finish');
    expect(jd.sandbox.stats.snapshot().total).toBe(0);
    expect(limiter.snapshot().backgroundRefused).toBe(1);
    // A customer's own call still gets the slot the refresh left alone.
    await expect(loaders(undefined, client).goods.load(id)).resolves.not.toBeNull();
    expect(jd.sandbox.stats.snapshot().total).toBe(1);
    // A second later the window has room again: the next stale read's refresh goes to JD.
    advance(1_000);
    await request((staleness) => loaders(undefined, client, staleness).price.load(id));
    await eventually(() => cache.refreshing.size === 0, 'the second refresh to finish');
    expect(jd.sandbox.stats.snapshot().methods[JD_METHODS.priceGet]?.calls).toBe(1);
  });
});
