import type DataLoader from 'dataloader';
import { JD_MAX_PAGE_SIZE, JD_METHODS, type JdOrderInfo, type JdOrderSearchParams } from '../protocol';
import { createCachedLoader, writeStamped } from './batch';
import { cacheKeys } from './cache-keys';
import { forCustomer, type LoaderDeps } from './loader-deps';
import type { OrderPage } from './types';

export type OrderSearchParams = Omit<JdOrderSearchParams, 'pin'>;

/** Same params in any key order give the same string, so they share one cache entry. */
export function canonicalSearchParams(params: OrderSearchParams): string {
  const entries = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(Object.fromEntries(entries));
}

/** Refuses what JD would refuse (code 61), with a message that says what to fix. */
function checkPaging(params: OrderSearchParams): void {
  const page = Number(params.page);
  const size = Number(params.page_size);
  if (!Number.isInteger(page) || page < 1) throw new Error(`order search page must be an integer ≥ 1, got ${JSON.stringify(params.page)}`);
  if (!Number.isInteger(size) || size < 1 || size > JD_MAX_PAGE_SIZE) {
    throw new Error(`order search page_size must be an integer from 1 to ${JD_MAX_PAGE_SIZE}, got ${JSON.stringify(params.page_size)}`);
  }
}

/** Caches each order of a search page as `order.get` would, with its TTL; a cache failure only costs calls later. */
async function writeOrdersThrough(deps: LoaderDeps, pin: string, orders: JdOrderInfo[]): Promise<void> {
  const entries = orders.map((order) => ({ key: cacheKeys.order(pin, order.orderId), value: order }));
  await writeStamped(deps, entries, deps.ttl[JD_METHODS.orderGet], deps.grace[JD_METHODS.orderGet]);
}

/** `jingdong.pop.order.search` for the request's customer, one page per key (canonical params JSON). */
export function createOrderSearchLoader(deps: LoaderDeps): DataLoader<string, OrderPage> {
  return forCustomer(deps, "A customer's orders", (pin) =>
    createCachedLoader<string, OrderPage>(
      {
        method: JD_METHODS.orderSearch,
        cacheKey: (canonical) => cacheKeys.orderSearch(pin, canonical),
        ttlMs: deps.ttl[JD_METHODS.orderSearch],
        maxKeysPerCall: 1,
        missing: () => ({ total: 0, orders: [] }),
        async fetchChunk([canonical], options) {
          const params = JSON.parse(canonical) as OrderSearchParams;
          const { searchorderinfo_result: found } = await deps.client.call(JD_METHODS.orderSearch, { ...params, pin }, options);
          // The pin filter is JD's; keep only this customer's orders in case a seller token ignores it.
          const orders = (found?.orderInfoList ?? []).filter((order) => order.pin === pin);
          // Without optional_fields JD sends whole order records, the same pop.order.get would send: write them
          // through before answering, so any subgraph's order load (after-sales' ownership check) is a hit.
          if (params.optional_fields === undefined) await writeOrdersThrough(deps, pin, orders);
          return new Map([[canonical, { total: found?.orderTotal ?? orders.length, orders }]]);
        },
      },
      deps,
    ),
  );
}

/**
 * Validates paging, loads one page, and hands each order to `onOrder` (the order loader primes
 * its memo with them, so resolving those orders next costs no JD call).
 */
export async function searchOrdersWith(
  loader: DataLoader<string, OrderPage>,
  params: OrderSearchParams,
  onOrder: (order: JdOrderInfo) => void,
): Promise<OrderPage> {
  checkPaging(params);
  const page = await loader.load(canonicalSearchParams(params));
  page.orders.forEach(onOrder);
  return page;
}
