import { Arg, Ctx, Directive, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { partialResultNote, requireCustomer, cost } from '../../kit';
import type { ExchangeContext } from '../context';
import { parseQuoteArgs } from '../quote/quote.args';
import { buildQuote } from '../quote/quote.builder';
import { ExchangeOptionSource } from '../quote/quote.enums';
import { FIRST_ARG, QUOTE_COST, SKU_ARG, SOURCES_ARG } from '../quote/quote.resolver';
import { ExchangeQuote } from '../quote/quote.type';
import { Order } from './order.type';
import { QUOTE_WEIGHT } from '../quote/quote-cost';

@Resolver(() => Order)
export class OrderExchangeResolver {
  @Directive(cost(QUOTE_WEIGHT))
  @FieldResolver(() => ExchangeQuote, {
    nullable: true,
    description:
      "An exchange quote for one unit of a line of this order (see Query.exchangeQuote). Null when the order is not the caller's. " +
      'Requires a customer. ' +
      QUOTE_COST +
      ' ' +
      partialResultNote('exchange'),
  })
  exchangeQuote(
    @Root() order: Order,
    @Arg('skuId', () => ID, { description: SKU_ARG }) skuId: string,
    @Arg('sources', () => [ExchangeOptionSource], { nullable: true, description: SOURCES_ARG })
    sources: ExchangeOptionSource[] | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: FIRST_ARG }) first: number | null | undefined,
    @Ctx() ctx: ExchangeContext,
  ): Promise<ExchangeQuote | null> {
    const pin = requireCustomer(ctx);
    return buildQuote(ctx, pin, order.id, skuId, parseQuoteArgs(sources, first));
  }
}
