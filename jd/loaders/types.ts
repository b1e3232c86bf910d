import type DataLoader from 'dataloader';
import type {
  JdOrderInfo,
  JdOrderSearchParams,
  JdAfsApplyCreateParams,
  JdAfsDetailResult,
  JdAfsServiceSummary,
  JdGoodsInfo,
} from '../protocol';

/** A SKU's current price, in integer fen (parsed exactly from JD's strings). */
export interface SkuPrice {
  skuId: string;
  priceFen: number;
  marketPriceFen: number;
}
/** A SKU's stock as JD reports it. */
export interface SkuStock {
  skuId: string;
  inStock: boolean;
  remaining: number;
}
export interface CartLine {
  skuId: string;
  quantity: number;
  addedAt: string;
}
export interface ScheduleEntry {
  step: string;
  date: string;
}
export type AfsDetail = JdAfsDetailResult['serviceDetailInfo'] & { customerInfo: JdAfsDetailResult['customerInfo'] };
export interface OrderPage {
  total: number;
  orders: JdOrderInfo[];
}

/**
 * Per-request loaders over the JD client: one DataLoader per JD method, keyv behind them.
 * Private data (orders, after-sales, cart) is cached under the request's customer; shared data
 * (goods, prices, stock, rankings) is not. `fresh*` loaders bypass the cache read, never its write. Batchable methods send at most 100 keys a call.
 * A missing entity resolves to null (never throws); JD failures reject that key with JdApiError.
 */
export interface JdLoaders {
  /** jingdong.pop.order.get, one call per distinct order id (JD has no batch order read). */
  order: DataLoader<string, JdOrderInfo | null>;
  /** jingdong.pop.order.search for the request's customer; cached per (customer, params). */
  searchOrders(params: Omit<JdOrderSearchParams, 'pin'>): Promise<OrderPage>;
  /** jingdong.afsservice.order.get: the services filed against an order. */
  afsServicesByOrder: DataLoader<string, JdAfsServiceSummary[]>;
  /** jingdong.afsservice.service.detail.get. */
  afsDetail: DataLoader<number, AfsDetail | null>;
  /** jingdong.afsservice.service.schedule.get. */
  afsSchedule: DataLoader<number, ScheduleEntry[]>;
  /** jingdong.ware.price.get, ≤ 100 `J_` SKUs a call. */
  price: DataLoader<string, SkuPrice | null>;
  /** Batch goods facts, ≤ 100 SKUs a call. */
  goods: DataLoader<string, JdGoodsInfo | null>;
  /** Batch stock, ≤ 100 SKUs a call. */
  stock: DataLoader<string, SkuStock | null>;
  /**
   * `price` for a write that must decide on JD's price now: skips the cache read (every distinct SKU
   * goes to JD, ≤ 100 a call) and writes the answers back, replacing the cached entries and this request's `price` memo.
   */
  freshPrice: DataLoader<string, SkuPrice | null>;
  /** `stock` past the cache, like `freshPrice`. */
  freshStock: DataLoader<string, SkuStock | null>;
  /** Bestseller SKU ids of a shop (its numeric id as a string) or of the platform (`'platform'`). */
  bestsellers: DataLoader<string, string[]>;
  /** The request customer's cart (sandbox extension). Key: the customer pin. */
  cart: DataLoader<string, CartLine[]>;
  /** Idempotent apply (client reconciles unknown outcomes); evicts the order's after-sales list. */
  applyForAfterSales(params: JdAfsApplyCreateParams): Promise<{ afsServiceId: number; reused: boolean }>;
  /** Cancels; evicts the service's detail and schedule and the order's after-sales list. */
  cancelAfterSales(afsServiceId: number, orderId: string): Promise<void>;
}
