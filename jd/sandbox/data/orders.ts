/** Generates each customer's orders across every JD order state, and services on received orders. */
import { JD_ORDER_STATES, type JdOrderState } from '../../protocol';
import { ALL_STEPS, applyTimeAfter, makeService } from './after-sales';
import type { GenerationContext } from './context';
import type { SandboxCustomer } from './types';

const STATE_WEIGHTS: [JdOrderState, number][] = [
  ['FINISHED_L', 45],
  ['WAIT_GOODS_RECEIVE_CONFIRM', 12],
  ['WAIT_SELLER_STOCK_OUT', 12],
  ['TRADE_CANCELED', 10],
  ['WAIT_SELLER_DELIVERY', 6],
  ['PAUSE', 5],
  ['LOCKED', 5],
  ['POP_ORDER_PAUSE', 5],
];

function weightedState(ctx: GenerationContext): JdOrderState {
  let roll = ctx.rng.int(
    1,
    STATE_WEIGHTS.reduce((s, [, w]) => s + w, 0),
  );
  for (const [state, weight] of STATE_WEIGHTS) if ((roll -= weight) <= 0) return state;
  return 'FINISHED_L';
}

/** `perCustomer` orders each; the first eight orders overall take the eight states in turn. */
export function generateOrders(ctx: GenerationContext, customers: SandboxCustomer[], perCustomer: number): void {
  const { rng } = ctx;
  const shops = ctx.catalog.shops.filter((s) => ctx.skusByShop.get(s.shopId)!.length > 0);
  let index = 0;
  let stepCursor = 0;
  for (const customer of customers) {
    for (let k = 0; k < perCustomer; k++, index++) {
      const state = index < JD_ORDER_STATES.length ? JD_ORDER_STATES[index] : weightedState(ctx);
      const shop = rng.pick(shops);
      const skus = rng.sample(ctx.skusByShop.get(shop.shopId)!, rng.int(1, 3));
      const lines = skus.map((sku) => ctx.line(sku, sku.category.key === 'digital' ? 1 : rng.int(1, 2)));
      const goodsFen = lines.reduce((s, l) => s + l.unitFen * l.quantity, 0);
      const discountFen = rng.chance(0.25) ? Math.min(goodsFen - 100, rng.int(5, 20) * Math.floor(goodsFen / 10000) * 100 + 500) : 0;
      const order = ctx.addOrder({ customer, shop, state, lines, discountFen: Math.max(0, discountFen), ...ctx.timesFor(state) });
      // Services exist on received orders; the first ones walk through every step once.
      if (state !== 'FINISHED_L' || (stepCursor >= ALL_STEPS.length && !rng.chance(0.3))) continue;
      const step = ALL_STEPS[stepCursor++ % ALL_STEPS.length];
      const jdHandled = step === 31 || step === 33 ? true : step === 32 || step === 34 ? false : shop.isJdSelf === 1;
      const type = rng.pick([10, 20, 30] as const);
      const service = makeService(rng, {
        afsServiceId: ctx.nextAfsServiceId(),
        order,
        lineIndex: rng.int(0, lines.length - 1),
        step,
        type,
        appliedAt: applyTimeAfter(rng, order, ctx.now),
        now: ctx.now,
        jdHandled,
      });
      ctx.afsServices.set(service.afsServiceId, service);
    }
  }
}
