/** Generates shops, SKUs (prices in fen, stock, categories) and bestseller rankings. */
import type { Rng } from '../rng';
import { PRODUCT_FAMILIES, SHOP_NAMES } from './products';
import type { SandboxShop, SandboxSku } from './types';

export interface Catalog {
  shops: SandboxShop[];
  skus: Map<number, SandboxSku>;
  shopBestsellers: Map<number, number[]>;
  platformBestsellers: number[];
}

/** SKUs the two biggest shops always get, so some shops have ≥ 30 bestsellers. */
const ANCHOR_SHOP_SKUS = 35;
const SHOP_BESTSELLER_LIMIT = 50;
const PLATFORM_BESTSELLER_LIMIT = 100;

/** A JD-style price: whole yuan ending in 9, sometimes .90. */
function jdPrice(rng: Rng, minFen: number, maxFen: number): number {
  const yuan = rng.int(Math.ceil(minFen / 100), Math.floor(maxFen / 100));
  const fen = (yuan - (yuan % 10) + 9) * 100;
  return rng.chance(0.2) ? fen - 10 : fen;
}

function makeShops(rng: Rng, count: number): SandboxShop[] {
  return Array.from({ length: count }, (_, i) => {
    const base = SHOP_NAMES[i % SHOP_NAMES.length];
    const shopName = i < SHOP_NAMES.length ? base : `${base}(${Math.floor(i / SHOP_NAMES.length) + 1}号店)`;
    return {
      shopId: 1000001 + i * 37 + rng.int(0, 30),
      venderId: 60001 + i * 13 + rng.int(0, 9),
      shopName,
      isJdSelf: base.includes('自营') ? 1 : 0,
    };
  });
}

/** Deterministic catalog of `skuCount` SKUs for `rng`. */
export function generateCatalog(rng: Rng, skuCount: number): Catalog {
  const shops = makeShops(rng, Math.max(10, Math.round(skuCount / 25)));
  const skus = new Map<number, SandboxSku>();
  const sales = new Map<number, number>();
  for (let i = 0; i < skuCount; i++) {
    const shopIndex =
      i < ANCHOR_SHOP_SKUS * 2 ? Math.floor(i / ANCHOR_SHOP_SKUS) : rng.chance(0.3) ? rng.int(0, 2) : rng.int(0, shops.length - 1);
    const shop = shops[shopIndex];
    const family = rng.chance(0.6) ? PRODUCT_FAMILIES[shopIndex % PRODUCT_FAMILIES.length] : rng.pick(PRODUCT_FAMILIES);
    let skuId = 100000000000 + rng.int(0, 99999999999);
    while (skus.has(skuId)) skuId++;
    const priceFen = jdPrice(rng, family.minFen, family.maxFen);
    const digital = family.category.key === 'digital';
    skus.set(skuId, {
      skuId,
      wareId: 10000000000 + rng.int(0, 9999999999),
      name: `${rng.pick(family.brands)} ${rng.pick(family.items)} ${rng.pick(family.variants)}`,
      priceFen,
      marketPriceFen: Math.round((priceFen * rng.int(105, 140)) / 100 / 100) * 100,
      shopId: shop.shopId,
      category: family.category,
      stock: digital ? 9999 : rng.chance(0.12) ? 0 : rng.int(1, 500),
      imgUrl: `https://img${rng.int(10, 14)}.360buyimg.com/n1/jfs/t1/${rng.int(100000, 999999)}/${skuId.toString(36)}.jpg`,
    });
    sales.set(skuId, Math.floor(rng.next() ** 3 * 100000));
  }
  const bySales = (a: number, b: number) => sales.get(b)! - sales.get(a)! || a - b;
  const ranked = [...skus.keys()].sort(bySales);
  const shopBestsellers = new Map<number, number[]>(shops.map((s) => [s.shopId, []]));
  for (const skuId of ranked) {
    const list = shopBestsellers.get(skus.get(skuId)!.shopId)!;
    if (list.length < SHOP_BESTSELLER_LIMIT) list.push(skuId);
  }
  return { shops, skus, shopBestsellers, platformBestsellers: ranked.slice(0, PLATFORM_BESTSELLER_LIMIT) };
}
