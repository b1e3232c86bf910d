/**
 * Cache keys. Bump CACHE_KEY_VERSION when a cached shape changes, so old entries are ignored.
 * A customer's private data (orders, after-sales, cart) is keyed under that customer's pin;
 * shared data (goods, prices, stock, rankings) is not, so every customer shares one entry.
 */
// v2: every entry is { v: answer, at: when JD gave it } (stale-while-revalidate needs its age).
export const CACHE_KEY_VERSION = 'v2';

// Pins and ids are encoded so no value can forge a ':' boundary and collide with another key.
const part = (value: string | number) => encodeURIComponent(String(value));
const shared = (kind: string, id: string | number) => `${CACHE_KEY_VERSION}:${kind}:${part(id)}`;
const privateTo = (pin: string, kind: string, id: string | number) => `${CACHE_KEY_VERSION}:${kind}:pin=${part(pin)}:${part(id)}`;

export const cacheKeys = {
  /** A SKU's price (shared). */
  price: (skuId: string) => shared('price', skuId),
  /** A SKU's goods facts (shared). */
  goods: (skuId: string) => shared('goods', skuId),
  /** A SKU's stock (shared). */
  stock: (skuId: string) => shared('stock', skuId),
  /** Bestsellers of a shop id or of `'platform'` (shared). */
  bestsellers: (scope: string) => shared('bestsellers', scope),
  /** One order, as its buyer sees it. */
  order: (pin: string, orderId: string) => privateTo(pin, 'order', orderId),
  /** One page of a customer's order search; `canonicalParams` must be key-order independent. */
  orderSearch: (pin: string, canonicalParams: string) => privateTo(pin, 'order-search', canonicalParams),
  /** The after-sales services filed against an order. */
  afsByOrder: (pin: string, orderId: string) => privateTo(pin, 'afs-by-order', orderId),
  /** One after-sales service's detail. */
  afsDetail: (pin: string, afsServiceId: number) => privateTo(pin, 'afs-detail', afsServiceId),
  /** One after-sales service's schedule. */
  afsSchedule: (pin: string, afsServiceId: number) => privateTo(pin, 'afs-schedule', afsServiceId),
  /** A customer's cart. */
  cart: (pin: string) => privateTo(pin, 'cart', 'cart'),
};
