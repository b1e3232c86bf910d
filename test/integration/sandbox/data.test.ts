/** The generator: deterministic per seed, and covering what the graph's rules need. */
import { JD_AFS_STEPS, JD_CATEGORIES, JD_ORDER_STATES, parseShanghai } from '../../../jd/protocol';
import { generateSandboxData } from '../../../jd/sandbox/data/generate';
import type { SandboxData } from '../../../jd/sandbox';
import { TEST_NOW, TEST_SCALE } from './jos-call';

const DAY = 86_400_000;
const snapshot = (d: SandboxData) =>
  JSON.stringify({
    shops: d.shops,
    skus: [...d.skus.values()],
    customers: [...d.customers.values()],
    orders: [...d.orders.values()],
    afs: [...d.afsServices.values()],
    carts: [...d.carts],
    best: [...d.shopBestsellers],
    platform: d.platformBestsellers,
  });
const daysAgo = (time: string) => (TEST_NOW.getTime() - parseShanghai(time)!.getTime()) / DAY;

describe('sandbox data generator', () => {
  const data = generateSandboxData('seed-a', TEST_NOW, TEST_SCALE);
  const orders = [...data.orders.values()];

  it('is deterministic: same seed, same data; different seed, different data', () => {
    expect(snapshot(generateSandboxData('seed-a', TEST_NOW, TEST_SCALE))).toBe(snapshot(data));
    const other = generateSandboxData('seed-b', TEST_NOW, TEST_SCALE);
    expect(snapshot(other)).not.toBe(snapshot(data));
    expect([...other.skus.keys()]).not.toEqual([...data.skus.keys()]);
  });

  it('scales with the knob', () => {
    expect(data.skus.size).toBe(TEST_SCALE.skus);
    expect(data.customers.size).toBe(TEST_SCALE.customers + 2);
    const big = generateSandboxData('seed-a', TEST_NOW, { customers: 40, ordersPerCustomer: 8, skus: 400 });
    expect(big.customers.size).toBe(42);
    expect([...big.orders.values()].filter((o) => !o.pin.startsWith('jd_demo_'))).toHaveLength(320);
    expect(() => generateSandboxData('x', TEST_NOW, { customers: 1, ordersPerCustomer: 1, skus: 10 })).toThrow(/at least/);
  });

  it('covers every order state, payment and receipt times consistent with state', () => {
    expect(new Set(orders.map((o) => o.orderState))).toEqual(new Set(JD_ORDER_STATES));
    for (const o of orders) {
      if (o.orderState === 'FINISHED_L') expect(o.orderEndTime).not.toBe('');
      else expect(o.orderEndTime).toBe('');
      if (o.paymentConfirmTime) expect(o.paymentConfirmTime >= o.orderStartTime).toBe(true);
      expect(parseShanghai(o.modified)!.getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
    }
    expect(orders.some((o) => o.paymentConfirmTime === '')).toBe(true);
    const finished = orders.filter((o) => o.orderState === 'FINISHED_L');
    expect(finished.some((o) => daysAgo(o.orderEndTime) < 30)).toBe(true);
    expect(finished.some((o) => daysAgo(o.orderEndTime) > 30)).toBe(true);
  });

  it('has Plus members, discounts, and destinations across every office region', () => {
    expect(orders.some((o) => o.plusMember)).toBe(true);
    expect(orders.some((o) => !o.plusMember)).toBe(true);
    expect(orders.some((o) => o.sellerDiscount !== '0.00')).toBe(true);
    const countries = new Set(orders.map((o) => o.consigneeInfo.countryCode));
    for (const cc of ['US', 'CA', 'GB', 'FR', 'DE', 'AT', 'CH', 'SG', 'MY', 'TH', 'JP', 'KR', 'BR', 'MX', 'AE', 'SA', 'ZA', 'CN', 'HK'])
      expect(countries).toContain(cc);
    expect(orders.some((o) => /[\u4e00-\u9fff]/.test(o.consigneeInfo.fullname))).toBe(true);
  });

  it('has every category including personalised and digital, and out-of-stock SKUs', () => {
    const cids = new Set([...data.skus.values()].map((s) => s.category.cid1));
    for (const cid of Object.values(JD_CATEGORIES)) expect(cids).toContain(cid);
    expect([...data.skus.values()].some((s) => s.stock === 0)).toBe(true);
    expect([...data.skus.values()].every((s) => Number.isSafeInteger(s.priceFen) && s.priceFen > 0)).toBe(true);
  });

  it('has bestsellers per shop (≥ 30 for some) and platform-wide (≥ 60)', () => {
    expect(Math.max(...[...data.shopBestsellers.values()].map((l) => l.length))).toBeGreaterThanOrEqual(30);
    expect(data.platformBestsellers.length).toBeGreaterThanOrEqual(60);
  });

  it('has after-sales services at every step, with schedules that walk to that step', () => {
    const services = [...data.afsServices.values()];
    expect(new Set(services.map((s) => s.step))).toEqual(new Set(Object.keys(JD_AFS_STEPS).map(Number)));
    for (const s of services) {
      expect(s.schedule[0].step).toBe(10);
      expect(s.schedule[s.schedule.length - 1].step).toBe(s.step);
      const dates = s.schedule.map((e) => e.date);
      expect(dates).toEqual([...dates].sort());
      const order = data.orders.get(s.orderId)!;
      expect(s.customerPin).toBe(order.pin);
      expect(order.itemInfoList.some((l) => l.skuId === s.skuId)).toBe(true);
    }
  });

  it.each(['jd_demo_alice', 'jd_demo_bob'])('demo customer %s has the orders the demos need', (pin) => {
    const mine = orders.filter((o) => o.pin === pin);
    const catOf = (skuId: string) => data.skus.get(Number(skuId))!.category.key;
    expect(data.customers.has(pin)).toBe(true);
    expect(new Set(mine.map((o) => o.orderState)).size).toBeGreaterThanOrEqual(4);
    expect(mine.some((o) => o.orderState === 'FINISHED_L' && daysAgo(o.orderEndTime) <= 5)).toBe(true);
    expect(mine.some((o) => o.orderState === 'FINISHED_L' && daysAgo(o.orderEndTime) > 30)).toBe(true);
    expect(mine.some((o) => o.itemInfoList.some((l) => catOf(l.skuId) === 'personalised'))).toBe(true);
    expect(mine.some((o) => o.itemInfoList.some((l) => catOf(l.skuId) === 'digital'))).toBe(true);
    expect(mine.some((o) => o.orderState === 'TRADE_CANCELED')).toBe(true);
    expect(mine.some((o) => o.sellerDiscount !== '0.00' && o.itemInfoList.length > 1)).toBe(true);
    const open = [...data.afsServices.values()].filter((s) => s.customerPin === pin && ![20, 50, 60].includes(s.step));
    expect(open.length).toBeGreaterThan(0);
    expect(data.carts.get(pin)).toHaveLength(3);
  });

  it('dates demo receipts relative to the injected clock ("3 days ago" moves with it)', () => {
    const later = new Date(TEST_NOW.getTime() + 100 * DAY);
    const moved = generateSandboxData('seed-a', later, TEST_SCALE);
    const recent = [...moved.orders.values()].find((o) => o.pin === 'jd_demo_alice' && o.orderState === 'FINISHED_L')!;
    const age = (later.getTime() - parseShanghai(recent.orderEndTime)!.getTime()) / DAY;
    expect(age).toBeGreaterThanOrEqual(3);
    expect(age).toBeLessThan(4);
  });
});
