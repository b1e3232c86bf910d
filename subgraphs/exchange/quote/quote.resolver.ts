import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { NotFoundError, requireCustomer, cost } from '../../kit';
import type { ExchangeContext } from '../context';
import { parseQuoteArgs } from './quote.args';
import { DEFAULT_OPTIONS_PER_SOURCE, MAX_OPTIONS_PER_SOURCE } from './quote-settings';
import { buildQuote } from './quote.builder';
import { ExchangeOptionSource } from './quote.enums';
import { ExchangeQuote } from './quote.type';
import { QUOTE_WEIGHT } from './quote-cost';

/** Argument descriptions shared by Query.exchangeQuote and Order.exchangeQuote. */
export const SKU_ARG = 'The SKU of the order line to exchange (one unit of it); BAD_USER_INPUT when the order has no such line.';
export const SOURCES_ARG = 'Which sources to offer options from; omit for all three. An empty list is BAD_USER_INPUT.';
export const FIRST_ARG =
  `At most this many options per source, 1 to ${MAX_OPTIONS_PER_SOURCE} (default ${DEFAULT_OPTIONS_PER_SOURCE}), counted after ` +
  'de-duplication; SKUs JD has no price for are then left out, so a source may list fewer.';
export const QUOTE_COST =
  'A quote does not decide whether the line may be exchanged now (cancelled, unpaid, open application): ' +
  'requestExchange checks that. JD calls: jingdong.pop.order.get, the goods facts of the original (for its shop), the rankings and the cart asked ' +
  'for, then one jingdong.ware.price.get and one jingdong.ware.stock.batch.get for all candidates together.';

@Resolver()
export class ExchangeQuoteResolver {
  @Directive(cost(QUOTE_WEIGHT))
  @Query(() => ExchangeQuote, {
    description:
      "Prices exchanging one unit of a line of the caller's order for another product: other bestsellers of the same shop, " +
      "the platform's bestsellers, and items in the caller's cart, each with the price difference. NOT_FOUND when the order does not " +
      "exist or is not the caller's (indistinguishable). Requires a customer: anonymous callers get UNAUTHENTICATED, partners FORBIDDEN. " +
      QUOTE_COST,
  })
  async exchangeQuote(
    @Arg('orderId', () => ID, { description: "The caller's JD order id (digits)." }) orderId: string,
    @Arg('skuId', () => ID, { description: SKU_ARG }) skuId: string,
    @Arg('sources', () => [ExchangeOptionSource], { nullable: true, description: SOURCES_ARG })
    sources: ExchangeOptionSource[] | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: FIRST_ARG }) first: number | null | undefined,
    @Ctx() ctx: ExchangeContext,
  ): Promise<ExchangeQuote> {
    const pin = requireCustomer(ctx);
    const quote = await buildQuote(ctx, pin, orderId, skuId, parseQuoteArgs(sources, first));
    if (!quote) throw new NotFoundError('No order with this id');
    return quote;
  }
}
