import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, Money, listSize } from '../../kit';
import { Order } from '../order/order.type';
import { Product } from '../product/product.type';
import { ExchangeDirection, ExchangeOptionSource } from './quote.enums';
import { QUOTE_SOURCES } from './quote-cost';
import { MAX_OPTIONS_PER_SOURCE } from './quote-settings';

/** A quote is one customer's, and it is signed with its own expiry: never stored by a shared cache. */
export const QUOTE_CACHE = '@cacheControl(maxAge: 0, scope: PRIVATE)';

@Directive(QUOTE_CACHE)
@ObjectType({ description: 'One product the customer may exchange the original for, priced now.' })
export class ExchangeOption {
  @Field(() => Product, { description: 'The target SKU (name and other facts come from the orders subgraph).' })
  product!: Product;

  @Field(() => ExchangeOptionSource, { description: 'Where the option comes from (see ExchangeSource for the de-duplication precedence).' })
  source!: ExchangeOptionSource;

  @Field(() => Money, { description: "The target's current JD price (`jingdong.ware.price.get`, cached up to 30 s), exact fen, CNY." })
  currentPrice!: Money;

  @Field(() => Money, {
    description:
      'Signed difference, exact fen, CNY: currentPrice − paidUnitPrice of the quote. Positive: the customer pays extra; ' +
      'negative: the customer is refunded; zero: even.',
  })
  priceDifference!: Money;

  @Field(() => ExchangeDirection, { description: 'The sign of priceDifference in words.' })
  direction!: ExchangeDirection;

  @Field({
    description:
      'Whether JD has the target in stock now (`jingdong.ware.stock.batch.get`, cached up to 15 s). requestExchange refuses a target that is out of stock.',
  })
  inStock!: boolean;
}

@Directive(QUOTE_CACHE)
@ObjectType({ description: "The options of one source, in that source's order." })
export class ExchangeOptionGroup {
  @Field(() => ExchangeOptionSource, { description: 'The source.' })
  source!: ExchangeOptionSource;

  @Directive(listSize({ assumedSize: MAX_OPTIONS_PER_SOURCE }))
  @Field(() => [ExchangeOption], {
    description: 'Its options after de-duplication and the per-source cap; empty when the source offered nothing new.',
  })
  options!: ExchangeOption[];
}

@Directive(QUOTE_CACHE)
@ObjectType({
  description:
    'What exchanging one unit of an order line for another product would cost or refund, priced now. ' +
    'Valid until expiresAt; pass its id to requestExchange, which re-checks every figure before filing.',
})
export class ExchangeQuote {
  @Field(() => ID, {
    description:
      'Quote id: a signed, self-contained token (order, item, customer, prices, expiry). Opaque to clients; ' +
      'only the customer it was issued to can use it, and only until expiresAt.',
  })
  id!: string;

  @Field(() => Order, { description: 'The order the original item was bought in.' })
  order!: Order;

  @Field(() => Product, { description: 'The original item (the order line being exchanged).' })
  original!: Product;

  @Field(() => Money, {
    description:
      "What the customer actually paid for one unit of the original, exact fen, CNY: the line's JD `jdPrice` × quantity, " +
      "less the line's share of the order's `sellerDiscount`, divided by the quantity. The discount is shared across lines in " +
      'proportion to their totals in whole fen, leftover fen going to the lines with the largest remainders (earlier lines first ' +
      'on a tie); a unit price that does not divide evenly is rounded down.',
  })
  paidUnitPrice!: Money;

  @Directive(listSize({ assumedSize: QUOTE_SOURCES * MAX_OPTIONS_PER_SOURCE }))
  @Field(() => [ExchangeOption], {
    description: 'All options, grouped by source in precedence order (CART, SAME_SHOP, BESTSELLER), each source in its own order.',
  })
  options!: ExchangeOption[];

  @Directive(listSize({ assumedSize: QUOTE_SOURCES }))
  @Field(() => [ExchangeOptionGroup], { description: 'The same options as one group per requested source, in precedence order.' })
  groups!: ExchangeOptionGroup[];

  @Field(() => DateTimeScalar, { description: 'When the prices were read, ISO-8601 with the Asia/Shanghai offset (+08:00).' })
  quotedAt!: string;

  @Field(() => DateTimeScalar, {
    description:
      'After this instant requestExchange refuses the quote (QUOTE_EXPIRED); ISO-8601 +08:00. Quotes live EXCHANGE_QUOTE_TTL_SECONDS (default 900).',
  })
  expiresAt!: string;
}
