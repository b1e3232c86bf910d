import { cacheKeys, CACHE_KEY_VERSION, DEFAULT_JD_TTL_MS, resolveJdTtl } from '../../../jd/loaders';
import { createLimiter } from '../../../jd/loaders/limit';
import { JD_METHODS } from '../../../jd/protocol/methods';

describe('jd/loaders TTLs', () => {
  it('keeps goods for minutes and prices, stock, orders, after-sales and cart for seconds', () => {
    expect(DEFAULT_JD_TTL_MS[JD_METHODS.goodsInfo]).toBeGreaterThanOrEqual(60_000);
    for (const m of [
      JD_METHODS.priceGet,
      JD_METHODS.stockGet,
      JD_METHODS.orderGet,
      JD_METHODS.orderSearch,
      JD_METHODS.afsOrderGet,
      JD_METHODS.afsDetailGet,
      JD_METHODS.afsScheduleGet,
      JD_METHODS.cartGet,
    ]) {
      expect(DEFAULT_JD_TTL_MS[m]).toBeLessThan(60_000);
    }
  });

  it('applies overrides and keeps the other defaults', () => {
    const table = resolveJdTtl({ [JD_METHODS.priceGet]: 5000 });
    expect(table[JD_METHODS.priceGet]).toBe(5000);
    expect(table[JD_METHODS.goodsInfo]).toBe(DEFAULT_JD_TTL_MS[JD_METHODS.goodsInfo]);
  });

  it('refuses bad overrides with a message naming the entry', () => {
    expect(() => resolveJdTtl({ [JD_METHODS.priceGet]: -1 })).toThrow(/jingdong\.ware\.price\.get/);
    expect(() => resolveJdTtl({ [JD_METHODS.priceGet]: 1.5 })).toThrow(/positive integers/);
    expect(() => resolveJdTtl({ 'jingdong.no.such.method': 1000 })).toThrow(/Invalid JD cache TTL/);
  });
});

describe('jd/loaders cache keys', () => {
  it('are versioned, scope private data by customer and shared data by nobody', () => {
    expect(cacheKeys.price('100001')).toBe(`${CACHE_KEY_VERSION}:price:100001`);
    expect(cacheKeys.goods('100001')).not.toMatch(/pin=/);
    expect(cacheKeys.order('alice', 'A1')).toBe(`${CACHE_KEY_VERSION}:order:pin=alice:A1`);
    expect(cacheKeys.order('alice', 'A1')).not.toBe(cacheKeys.order('bob', 'A1'));
    for (const key of [
      cacheKeys.orderSearch('alice', '{}'),
      cacheKeys.afsByOrder('alice', 'A1'),
      cacheKeys.afsDetail('alice', 5),
      cacheKeys.afsSchedule('alice', 5),
      cacheKeys.cart('alice'),
    ]) {
      expect(key).toContain('pin=alice:');
    }
  });

  it('cannot be forged by a pin that contains the separator', () => {
    expect(cacheKeys.order('a:pin=b', 'X')).not.toBe(cacheKeys.order('a', 'pin=b:X'));
  });
});

describe('jd/loaders concurrency limiter', () => {
  it('never runs more than the cap at once, even when a slot frees as a newcomer arrives', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 2));
      active -= 1;
    };
    const first = Array.from({ length: 5 }, () => limit(task));
    await first[0];
    await Promise.all([...first, ...Array.from({ length: 5 }, () => limit(task))]);
    expect(peak).toBe(2);
  });
});
