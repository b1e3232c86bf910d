import type DataLoader from 'dataloader';
import type { AfsDetail, JdLoaders, SkuPrice, SkuStock } from '../../../jd/loaders/types';
import type { JdOrderInfo } from '../../../jd/protocol/orders';
import type { JdAfsApplyCreateParams, JdAfsServiceSummary } from '../../../jd/protocol/after-sales';
import { isJdApiError, translateJdError, userError, type UserError } from '../../kit';

/** Builds the request's loaders; `customerPin` is undefined for partners and anonymous callers. */
export type LoadersFactory = (customerPin: string | undefined) => JdLoaders;

/** Price and stock of one SKU as the batch loaders report them; null where JD does not know the SKU. */
export interface SkuFigures { priceFen: number | null; inStock: boolean | null }

/** A write either happened or JD refused it for a business reason the customer can act on. */
export type WriteOutcome<T> = { ok: T } | { refused: UserError };

// The loaders report someone else's data with this error name; to a customer it is simply "not there".
const FOREIGN = 'ForeignCustomerError';

/**
 * The exchange subgraph's only door to JD: reads through the per-request loaders (so prices and stock
 * of every candidate go out as one batch call each), hides other customers' data, and turns
 * JdApiError into coded GraphQL errors — or, for a refused write, into a user error.
 */
export class ExchangeData {
  private loadersCache?: JdLoaders;

  constructor(
    private readonly customerPin: string | undefined,
    private readonly createLoaders: LoadersFactory,
    private readonly language: 'zh' | 'en',
  ) {}

  // Lazy: a request that never reaches JD builds no loaders.
  private get loaders(): JdLoaders {
    this.loadersCache ??= this.createLoaders(this.customerPin);
    return this.loadersCache;
  }

  /** The order if it exists and belongs to `pin`, else null (no hint which). */
  async ownedOrder(pin: string, orderId: string): Promise<JdOrderInfo | null> {
    // JD order ids are digits; anything else cannot exist, so spare JD the call.
    if (!/^\d{1,30}$/.test(orderId)) return null;
    const order = await this.read(() => this.loaders.order.load(orderId));
    return order && order.pin === pin ? order : null;
  }

  /** The applications filed against an order (jingdong.afsservice.order.get). */
  services(orderId: string): Promise<JdAfsServiceSummary[]> {
    return this.read(() => this.loaders.afsServicesByOrder.load(orderId)).then((list) => list ?? []);
  }

  /** A service's details if it belongs to `pin`, else null. */
  async service(pin: string, afsServiceId: number): Promise<AfsDetail | null> {
    const detail = await this.read(() => this.loaders.afsDetail.load(afsServiceId));
    return detail && detail.customerInfo.customerPin === pin ? detail : null;
  }

  /** The shop that sells a SKU (JD goods `shopId`), or null when JD does not know the SKU. */
  async shopOf(skuId: string): Promise<number | null> {
    const goods = await this.read(() => this.loaders.goods.load(skuId));
    return goods ? goods.shopId : null;
  }

  /** Bestseller SKUs, best first: a shop's (its id) or the platform's ('platform'). */
  bestsellers(scope: number | 'platform'): Promise<string[]> {
    return this.read(() => this.loaders.bestsellers.load(String(scope))).then((list) => list ?? []);
  }

  /** SKUs in the customer's cart, in JD's order, each once. */
  async cartSkus(pin: string): Promise<string[]> {
    const lines = (await this.read(() => this.loaders.cart.load(pin))) ?? [];
    return [...new Set(lines.map((l) => l.skuId))];
  }

  /** Price and stock of many SKUs: one batch price call and one batch stock call per 100 SKUs, sent side by side. */
  figures(skuIds: readonly string[]): Promise<Map<string, SkuFigures>> {
    return this.figuresFrom(this.loaders.price, this.loaders.stock, skuIds);
  }

  /**
   * Like `figures`, but JD's answer now, never a cached one (the cache still gets the answers):
   * what a write decides on, so a price that moved within the cache TTL is seen.
   */
  freshFigures(skuIds: readonly string[]): Promise<Map<string, SkuFigures>> {
    return this.figuresFrom(this.loaders.freshPrice, this.loaders.freshStock, skuIds);
  }

  private async figuresFrom(
    priceLoader: DataLoader<string, SkuPrice | null>, stockLoader: DataLoader<string, SkuStock | null>, skuIds: readonly string[],
  ): Promise<Map<string, SkuFigures>> {
    // Both loadMany calls start in the same tick, so DataLoader sends each as one batch.
    const [prices, stocks] = await Promise.all([priceLoader.loadMany(skuIds), stockLoader.loadMany(skuIds)]);
    const out = new Map<string, SkuFigures>();
    skuIds.forEach((skuId, i) => {
      const price = prices[i];
      const stock = stocks[i];
      // loadMany hands back per-key errors instead of throwing: a failed chunk fails the whole request.
      if (price instanceof Error) throw translateOrRethrow(price, this.language);
      if (stock instanceof Error) throw translateOrRethrow(stock, this.language);
      out.set(skuId, { priceFen: price ? price.priceFen : null, inStock: stock ? stock.inStock : null });
    });
    return out;
  }

  /** Current price in fen, or null when JD does not know or sell the SKU. */
  async priceFen(skuId: string): Promise<number | null> {
    const price = await this.read(() => this.loaders.price.load(skuId));
    return price ? price.priceFen : null;
  }

  /** Whether JD has the SKU in stock, or null when it does not know the SKU. */
  async inStock(skuId: string): Promise<boolean | null> {
    const stock = await this.read(() => this.loaders.stock.load(skuId));
    return stock ? stock.inStock : null;
  }

  /** Idempotent create through the JD layer (it sends thirdApplyId and evicts the order's after-sales list). */
  async apply(params: JdAfsApplyCreateParams): Promise<WriteOutcome<{ afsServiceId: number; reused: boolean }>> {
    try {
      return { ok: await this.loaders.applyForAfterSales(params) };
    } catch (err) {
      // A business refusal is an answer about this request; transient or system failures are errors.
      if (isJdApiError(err) && err.kind === 'business' && !err.retryable) {
        const message = (this.language === 'zh' ? err.zhDesc : err.enDesc) || err.enDesc || err.zhDesc;
        return { refused: userError('JD_REJECTED', `${message} (JD ${err.code})`, ['input']) };
      }
      throw translateJdError(err, this.language);
    }
  }

  private async read<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof Error && err.name === FOREIGN) return null;
      throw translateJdError(err, this.language);
    }
  }
}

function translateOrRethrow(err: Error, language: 'zh' | 'en'): Error {
  return isJdApiError(err) ? translateJdError(err, language) : err;
}
