import { BadUserInputError, money } from '../../kit';
import type { ExchangeContext } from '../context';
import { orderRef } from '../order/order.type';
import { productRef } from '../product/product.type';
import { pickCandidates } from './candidates';
import { paidLineOf } from './paid-unit-price';
import { priceDifference } from './price-difference';
import type { QuoteArgs } from './quote.args';
import { ExchangeOptionSource } from './quote.enums';
import { ExchangeOption, ExchangeOptionGroup, ExchangeQuote } from './quote.type';
import { isoShanghai } from './time';

/** The candidate SKUs of each requested source, fetched side by side. */
async function candidateSkus(
  ctx: ExchangeContext,
  pin: string,
  skuId: string,
  sources: ExchangeOptionSource[],
): Promise<Map<ExchangeOptionSource, string[]>> {
  const fetchers: Record<ExchangeOptionSource, () => Promise<string[]>> = {
    [ExchangeOptionSource.CART]: () => ctx.exchange.cartSkus(pin),
    // The shop comes from JD goods facts of the original SKU; an unknown SKU has no shop to rank.
    [ExchangeOptionSource.SAME_SHOP]: async () => {
      const shopId = await ctx.exchange.shopOf(skuId);
      return shopId === null ? [] : ctx.exchange.bestsellers(shopId);
    },
    [ExchangeOptionSource.BESTSELLER]: () => ctx.exchange.bestsellers('platform'),
  };
  const lists = await Promise.all(sources.map((s) => fetchers[s]()));
  return new Map(sources.map((s, i) => [s, lists[i]]));
}

/**
 * Quotes exchanging one unit of `skuId` in the caller's order. Null when the order does not exist
 * or is not the caller's (indistinguishable). Prices and stock of all candidates load as one batch
 * each, and the signed quote id carries every figure requestExchange will re-check.
 */
export async function buildQuote(
  ctx: ExchangeContext,
  pin: string,
  orderId: string,
  skuId: string,
  args: QuoteArgs,
): Promise<ExchangeQuote | null> {
  const order = await ctx.exchange.ownedOrder(pin, orderId);
  if (!order) return null;
  const line = paidLineOf(order, skuId);
  if (!line) throw new BadUserInputError('This order has no item with this sku', ['skuId']);

  const quotedAt = ctx.now().getTime();
  const candidates = pickCandidates(await candidateSkus(ctx, pin, skuId, args.sources), skuId, args.perSource);
  const figures = await ctx.exchange.figures(candidates.map((c) => c.skuId));

  const options: ExchangeOption[] = [];
  for (const { skuId: target, source } of candidates) {
    const { priceFen, inStock } = figures.get(target) ?? { priceFen: null, inStock: null };
    // A SKU JD has no price for cannot be quoted.
    if (priceFen === null) continue;
    const diff = priceDifference(line.paidUnitFen, priceFen);
    options.push(
      Object.assign(new ExchangeOption(), {
        product: productRef(target, { priceFen, inStock }),
        source,
        currentPrice: money(priceFen),
        priceDifference: money(diff.differenceFen),
        direction: diff.direction,
        inStock: inStock === true,
      }),
    );
  }

  const expiresAt = quotedAt + ctx.quoteSettings.ttlSeconds * 1000;
  const id = ctx.quotes.sign({
    orderId,
    skuId,
    customer: ctx.quotes.customerTag(pin),
    paidUnitFen: line.paidUnitFen,
    prices: Object.fromEntries(options.map((o) => [o.product.skuId, o.currentPrice.minorUnits])),
    quotedAt,
    expiresAt,
  });
  return Object.assign(new ExchangeQuote(), {
    id,
    order: orderRef(orderId),
    original: productRef(skuId),
    paidUnitPrice: money(line.paidUnitFen),
    options,
    groups: args.sources.map((source) =>
      Object.assign(new ExchangeOptionGroup(), { source, options: options.filter((o) => o.source === source) }),
    ),
    quotedAt: isoShanghai(quotedAt),
    expiresAt: isoShanghai(expiresAt),
  });
}
