/** The deterministic data generator: the same seed, scale and clock always give the same data. */
import { formatShanghai } from '../../protocol';
import { createRng, type Rng } from '../rng';
import { generateCatalog } from './catalog';
import { GenerationContext } from './context';
import { generateCustomers } from './customers';
import { generateDemoCustomers } from './demo';
import { generateOrders } from './orders';
import type { SandboxCartLine, SandboxCustomer, SandboxData } from './types';

export interface DataScale {
  /** Generated customers besides the two demo customers. */
  customers: number;
  ordersPerCustomer: number;
  skus: number;
}

export const DEFAULT_SCALE: DataScale = { customers: 50, ordersPerCustomer: 6, skus: 600 };
/** Fewer SKUs cannot give two shops ≥ 30 bestsellers and the platform ≥ 60. */
export const MIN_SKUS = 120;

function cartFor(rng: Rng, data: Pick<SandboxData, 'skus'>, skuIds: number[], now: Date, size: number): SandboxCartLine[] {
  return rng.sample(skuIds, size).map((skuId) => ({
    skuId,
    quantity: data.skus.get(skuId)!.category.key === 'digital' ? 1 : rng.int(1, 3),
    addedAt: formatShanghai(new Date(now.getTime() - rng.int(1, 30 * 24) * 3_600_000)),
  }));
}

/** Generates the whole sandbox dataset for `seed` at `scale`, with times relative to `now`. */
export function generateSandboxData(seed: string, now: Date, scale: DataScale = DEFAULT_SCALE): SandboxData {
  if (scale.skus < MIN_SKUS) throw new Error(`sandbox needs at least ${MIN_SKUS} SKUs, got ${scale.skus}`);
  const catalog = generateCatalog(createRng(seed, 'catalog'), scale.skus);
  const ctx = new GenerationContext(createRng(seed, 'orders'), now, catalog);
  const demo = generateDemoCustomers(ctx);
  const generated = generateCustomers(createRng(seed, 'customers'), scale.customers);
  generateOrders(ctx, generated, scale.ordersPerCustomer);

  const customers = new Map<string, SandboxCustomer>([...demo, ...generated].map((c) => [c.pin, c]));
  const cartRng = createRng(seed, 'carts');
  const inStock = [...catalog.skus.values()].filter((s) => s.stock > 0).map((s) => s.skuId);
  const carts = new Map<string, SandboxCartLine[]>();
  for (const c of customers.values())
    carts.set(c.pin, cartFor(cartRng, catalog, inStock, now, c.pin.startsWith('jd_demo_') ? 3 : cartRng.int(0, 5)));

  return {
    seed,
    generatedAt: now,
    shops: catalog.shops,
    skus: catalog.skus,
    customers,
    orders: ctx.orders,
    afsServices: ctx.afsServices,
    carts,
    shopBestsellers: catalog.shopBestsellers,
    platformBestsellers: catalog.platformBestsellers,
    nextAfsServiceId: Math.max(700000000, ...ctx.afsServices.keys()) + 1,
  };
}
