/**
 * The demo customers `jd_demo_alice` and `jd_demo_bob`, always present with hand-shaped orders:
 * a returnable recent delivery, a personalised item, a cancelled order, an open after-sales service,
 * a discounted multi-item order, plus a paid-not-shipped, an old (outside 30 days) and a digital one.
 */
import type { JdAfsStep } from '../../protocol';
import { DESTINATIONS } from './regions';
import { makeCustomer } from './customers';
import { applyTimeAfter, makeService } from './after-sales';
import type { GenerationContext } from './context';
import type { SandboxCustomer, SandboxSku } from './types';

export const DEMO_PINS = { alice: 'jd_demo_alice', bob: 'jd_demo_bob' } as const;

interface DemoProfile {
  pin: string;
  fullname: string;
  countryCode: string;
  plusMember: boolean;
  openServiceStep: JdAfsStep;
}

const PROFILES: DemoProfile[] = [
  { pin: DEMO_PINS.alice, fullname: 'Alice Chen', countryCode: 'US', plusMember: false, openServiceStep: 21 },
  { pin: DEMO_PINS.bob, fullname: '王博', countryCode: 'CN', plusMember: true, openServiceStep: 33 },
];

function pickSku(ctx: GenerationContext, key: string): SandboxSku {
  const candidates = [...ctx.catalog.skus.values()].filter((s) => s.category.key === key && s.stock > 0);
  if (candidates.length === 0) throw new Error(`sandbox catalog has no in-stock ${key} SKU; raise JD_SANDBOX_SKUS`);
  return ctx.rng.pick(candidates);
}

function demoOrders(ctx: GenerationContext, customer: SandboxCustomer, profile: DemoProfile): void {
  const single = (sku: SandboxSku, state: Parameters<GenerationContext['timesFor']>[0], receivedDaysAgo?: number) =>
    ctx.addOrder({
      customer,
      shop: ctx.shopOf(sku),
      state,
      lines: [ctx.line(sku)],
      discountFen: 0,
      ...ctx.timesFor(state, receivedDaysAgo),
    });

  single(pickSku(ctx, 'electronics'), 'FINISHED_L', 3);
  single(pickSku(ctx, 'personalised'), 'FINISHED_L', 5);
  single(pickSku(ctx, 'apparel'), 'TRADE_CANCELED');
  const withService = single(pickSku(ctx, 'electronics'), 'FINISHED_L', 10);
  const service = makeService(ctx.rng, {
    afsServiceId: ctx.nextAfsServiceId(),
    order: withService,
    lineIndex: 0,
    step: profile.openServiceStep,
    type: 10,
    appliedAt: applyTimeAfter(ctx.rng, withService, ctx.now),
    now: ctx.now,
    jdHandled: true,
  });
  ctx.afsServices.set(service.afsServiceId, service);

  // Discounted multi-item order from the biggest shop, so same-shop exchange options exist.
  const bigShop = ctx.catalog.shops[0];
  const lines = ctx.rng
    .sample(
      ctx.skusByShop.get(bigShop.shopId)!.filter((s) => s.stock > 0),
      3,
    )
    .map((s, i) => ctx.line(s, i === 0 ? 2 : 1));
  ctx.addOrder({ customer, shop: bigShop, state: 'FINISHED_L', lines, discountFen: 2000, ...ctx.timesFor('FINISHED_L', 7) });

  single(pickSku(ctx, 'home'), 'WAIT_SELLER_STOCK_OUT');
  single(pickSku(ctx, 'books'), 'FINISHED_L', 45);
  single(pickSku(ctx, 'digital'), 'FINISHED_L', 2);
  single(pickSku(ctx, 'beauty'), 'WAIT_GOODS_RECEIVE_CONFIRM');
}

/** Creates both demo customers and their orders; returns the customers. */
export function generateDemoCustomers(ctx: GenerationContext): SandboxCustomer[] {
  return PROFILES.map((profile) => {
    const destination = DESTINATIONS.find((d) => d.countryCode === profile.countryCode)!;
    const customer = { ...makeCustomer(ctx.rng, profile.pin, destination, profile.plusMember), fullname: profile.fullname };
    demoOrders(ctx, customer, profile);
    return customer;
  });
}
