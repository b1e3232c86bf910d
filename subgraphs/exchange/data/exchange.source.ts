import type DataLoader from 'dataloader';
import type { SkuPrice, SkuStock } from '../../../jd/loaders';
import type { JdAfsApplyCreateParams } from '../../../jd/protocol';
import { JdSource, type WriteOutcome } from '../../kit';

/** Price and stock of one SKU as the batch loaders report them; null where JD does not know the SKU. */
export interface SkuFigures {
  priceFen: number | null;
  inStock: boolean | null;
}

/**
 * The exchange subgraph's only door to JD: the kit's JdSource (ownership, lazy loaders, coded JD
 * errors, refused writes as user errors) plus the catalog reads a quote needs — prices and stock
 * of every candidate go out as one batch call each.
 */
export class ExchangeSource extends JdSource {
  /** The shop that sells a SKU (JD goods `shopId`), or null when JD does not know the SKU. */
  async shopOf(skuId: string): Promise<number | null> {
    const goods = await this.jd(() => this.loaders.goods.load(skuId));
    return goods ? goods.shopId : null;
  }

  /** Bestseller SKUs, best first: a shop's (its id) or the platform's ('platform'). */
  bestsellers(scope: number | 'platform'): Promise<string[]> {
    return this.jd(() => this.loaders.bestsellers.load(String(scope)));
  }

  /** SKUs in the customer's cart, in JD's order, each once; another customer's cart reads as empty. */
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
    priceLoader: DataLoader<string, SkuPrice | null>,
    stockLoader: DataLoader<string, SkuStock | null>,
    skuIds: readonly string[],
  ): Promise<Map<string, SkuFigures>> {
    // Both loadMany calls start in the same tick, so DataLoader sends each as one batch.
    const [prices, stocks] = await Promise.all([priceLoader.loadMany(skuIds), stockLoader.loadMany(skuIds)]);
    const out = new Map<string, SkuFigures>();
    skuIds.forEach((skuId, i) => {
      const price = prices[i];
      const stock = stocks[i];
      // loadMany hands back per-key errors instead of throwing: a failed chunk fails the whole request.
      if (price instanceof Error) throw this.translated(price);
      if (stock instanceof Error) throw this.translated(stock);
      out.set(skuId, { priceFen: price ? price.priceFen : null, inStock: stock ? stock.inStock : null });
    });
    return out;
  }

  /** Current price in fen, or null when JD does not know or sell the SKU. */
  async priceFen(skuId: string): Promise<number | null> {
    const price = await this.jd(() => this.loaders.price.load(skuId));
    return price ? price.priceFen : null;
  }

  /** Whether JD has the SKU in stock, or null when it does not know the SKU. */
  async inStock(skuId: string): Promise<boolean | null> {
    const stock = await this.jd(() => this.loaders.stock.load(skuId));
    return stock ? stock.inStock : null;
  }

  /** Idempotent create through the JD layer (it sends thirdApplyId and evicts the order's after-sales list). */
  apply(params: JdAfsApplyCreateParams): Promise<WriteOutcome<{ afsServiceId: number; reused: boolean }>> {
    return this.write(() => this.loaders.applyForAfterSales(params), ['input']);
  }
}
