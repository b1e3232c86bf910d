import type { JdCallOptions, JdClient } from '../client';
import type { JdCache } from './cache';
import type { JdOrderInfo } from '../protocol';
import { createLimiter } from './limit';
import { createJdLoaderStats, type JdLoaderStats } from './stats';
import { DEFAULT_JD_TTL_MS, type JdGraceTable, type JdTtlTable } from './ttl';
import type { LoaderDeps } from './loader-deps';
import type { JdLoaders } from './types';
import { createOrderLoader } from './order-loader';
import { createOrderSearchLoader, searchOrdersWith } from './order-search-loader';
import { createAfsByOrderLoader } from './afs-by-order-loader';
import { createAfsDetailLoader } from './afs-detail-loader';
import { createAfsScheduleLoader } from './afs-schedule-loader';
import { createFreshPriceLoader, createPriceLoader } from './price-loader';
import { createGoodsLoader } from './goods-loader';
import { createFreshStockLoader, createStockLoader } from './stock-loader';
import { createBestsellersLoader } from './bestsellers-loader';
import { createCartLoader } from './cart-loader';
import { createAfterSalesWrites } from './after-sales-writes';
import { forRequest } from './request-client';
import type { BatchWindow } from './batch-window';
import type { StalenessRecord } from './staleness';

const NO_GRACE = Object.fromEntries(Object.keys(DEFAULT_JD_TTL_MS).map((m) => [m, 0])) as JdGraceTable;

/** At most this many JD calls of one request are on their way at once. */
export const DEFAULT_JD_CONCURRENCY = 8;

export interface CreateJdLoadersOptions {
  client: JdClient;
  /** The process-wide cache (shared by every request, so entries and in-flight loads are shared). */
  cache: JdCache;
  /** The request's customer; without one, private loaders reject with NoCustomerError. */
  customerPin?: string;
  /** Validated TTL table (see `resolveJdTtl`); defaults to DEFAULT_JD_TTL_MS. */
  ttl?: JdTtlTable;
  /**
   * Stale-while-revalidate grace per method (see `resolveJdGrace`); none by default here, so a
   * caller opts in (createJdRuntime passes the configured table).
   */
  grace?: JdGraceTable;
  /** Process-wide counters; pass the same instance to every request. */
  stats?: JdLoaderStats;
  /** Cap on this request's concurrent JD calls. */
  concurrency?: number;
  /**
   * The request's call options, applied to every JD call of these loaders: its signal and deadline
   * (every call, retry and queued batch honours them, so nothing reaches JD once the caller is gone or
   * out of time) and its `caller` (the customer or partner served, for the rate limiter's fair shares).
   */
  call?: JdCallOptions;
  /** The request's own staleness record (createStalenessRecord): answers served past their TTL are noted there. */
  staleness?: StalenessRecord;
  /**
   * The process's cross-request batch window (createBatchWindow), shared by every request's loaders:
   * price, stock and goods misses of several requests then leave as one JD call. Without it, none.
   */
  batchWindow?: BatchWindow;
}

/** Creates one request's JD loaders. Call it once per request; never share the result between requests. */
export function createJdLoaders(options: CreateJdLoadersOptions): JdLoaders {
  const deps: LoaderDeps = {
    client: forRequest(options.client, options.call),
    cache: options.cache,
    call: options.call,
    staleness: options.staleness,
    customerPin: options.customerPin,
    ttl: options.ttl ?? DEFAULT_JD_TTL_MS,
    grace: options.grace ?? NO_GRACE,
    stats: options.stats ?? createJdLoaderStats(),
    limit: createLimiter(options.concurrency ?? DEFAULT_JD_CONCURRENCY),
    window: options.batchWindow,
  };
  const order = createOrderLoader(deps);
  const orderSearch = createOrderSearchLoader(deps);
  const afsServicesByOrder = createAfsByOrderLoader(deps);
  const afsDetail = createAfsDetailLoader(deps);
  const afsSchedule = createAfsScheduleLoader(deps);
  const price = createPriceLoader(deps);
  const stock = createStockLoader(deps);
  const primeOrder = (found: JdOrderInfo) => {
    order.prime(found.orderId, found);
  };
  return {
    order,
    searchOrders: (params) => searchOrdersWith(orderSearch, params, primeOrder),
    afsServicesByOrder,
    afsDetail,
    afsSchedule,
    price,
    goods: createGoodsLoader(deps),
    stock,
    freshPrice: createFreshPriceLoader(deps, price),
    freshStock: createFreshStockLoader(deps, stock),
    bestsellers: createBestsellersLoader(deps),
    cart: createCartLoader(deps),
    ...createAfterSalesWrites(deps, { afsServicesByOrder, afsDetail, afsSchedule }),
  };
}
