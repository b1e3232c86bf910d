/**
 * A call's priority reaches the JD rate limiter on the call's own options, with no async context to
 * carry it: every JD call a request's loaders make (one-key methods and batch methods, through the
 * batch window or not) carries the request's caller, so the limiter can share the budget fairly
 * between customers and partners. Observed at the real client's limiter, against the sandbox.
 */
import { createJdClient } from '../../../jd/client';
import { createBatchWindow, createJdCache, createJdLoaders, type JdCache } from '../../../jd/loaders';
import { JD_METHODS } from '../../../jd/protocol';
import { startRecordingJd, type RecordingJd } from '../../support/recording-jd';
import { recordingLimiter } from '../../support/recording-limiter';

const PIN = 'priority_pin';

let jd: RecordingJd;
let cache: JdCache;
beforeAll(async () => {
  jd = await startRecordingJd();
  jd.seed.shop({ shopId: 4 });
  jd.seed.sku({ skuId: '700', priceFen: 1000, shopId: 4 });
  jd.seed.sku({ skuId: '701', priceFen: 2000, shopId: 4 });
  jd.seed.customer({ pin: PIN });
  jd.seed.order({ orderId: '770001', pin: PIN, lines: [{ skuId: '700' }], placedAt: '2026-01-02 10:00:00' });
});
afterAll(() => jd.close());
beforeEach(() => {
  cache = createJdCache();
});
afterEach(() => cache.close());

/** A real client whose limiter records the method and options of every slot it is asked for. */
function observedLimiter() {
  const { limiter, asked } = recordingLimiter();
  const client = createJdClient({ apiUrl: jd.sandbox.routerUrl, ...jd.sandbox.credentials, retryMax: 0 }, { rateLimiter: limiter });
  return { client, asked };
}

describe("a request's caller reaches the rate limiter on its calls' options", () => {
  it('every JD call of the loaders, one-key and batch methods alike, asks for its slot as the request caller, in the foreground', async () => {
    const { client, asked } = observedLimiter();
    const loaders = createJdLoaders({ client, cache, customerPin: PIN, call: { caller: `customer:${PIN}` } });
    await Promise.all([
      loaders.order.load('770001'),
      loaders.afsServicesByOrder.load('770001'),
      loaders.price.load('700'),
      loaders.stock.load('700'),
      loaders.goods.load('700'),
      loaders.cart.load(PIN),
    ]);
    expect(asked.map((a) => a.method).sort()).toEqual(
      [
        JD_METHODS.orderGet,
        JD_METHODS.afsOrderGet,
        JD_METHODS.priceGet,
        JD_METHODS.stockGet,
        JD_METHODS.goodsInfo,
        JD_METHODS.cartGet,
      ].sort(),
    );
    for (const { options } of asked) {
      expect(options?.caller).toBe(`customer:${PIN}`);
      expect(options?.background).toBeFalsy();
    }
  });

  it("two requests' loaders keep their own callers, however their loads interleave", async () => {
    const { client, asked } = observedLimiter();
    const alice = createJdLoaders({ client, cache, customerPin: PIN, call: { caller: 'customer:alice' } });
    const partner = createJdLoaders({ client, cache, call: { caller: 'partner:p1' } });
    await Promise.all([alice.order.load('770001'), partner.bestsellers.load('4')]);
    expect(Object.fromEntries(asked.map((a) => [a.method, a.options?.caller]))).toEqual({
      [JD_METHODS.orderGet]: 'customer:alice',
      [JD_METHODS.rankQuery]: 'partner:p1',
    });
  });

  it('a call merged by the batch window asks in the foreground for no single caller', async () => {
    const { client, asked } = observedLimiter();
    const batchWindow = createBatchWindow({ windowMs: 20 });
    const loads = [
      createJdLoaders({ client, cache, batchWindow, call: { caller: 'customer:alice' } }).price.load('700'),
      createJdLoaders({ client, cache, batchWindow, call: { caller: 'customer:bob' } }).price.load('701'),
    ];
    await Promise.all(loads);
    expect(asked).toHaveLength(1);
    expect(asked[0].options).toMatchObject({ background: false, caller: undefined });
  });
});
