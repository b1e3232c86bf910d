import { Field, ObjectType } from 'type-graphql';
import { Money, UserError } from '../../kit';
import { ExchangeDirection } from '../quote/quote.enums';
import { AfterSalesService } from '../service/after-sales-service.type';

@ObjectType({ description: 'The money side of an exchange of one unit, exact fen, CNY.' })
export class ExchangeSettlement {
  @Field(() => Money, { description: 'What the customer paid for the unit given back (see ExchangeQuote.paidUnitPrice).' })
  paidUnitPrice!: Money;

  @Field(() => Money, { description: "The target's JD price the exchange settles at." })
  targetPrice!: Money;

  @Field(() => Money, {
    description:
      'targetPrice − paidUnitPrice: positive, the customer pays extra; negative, the customer is refunded. Sent to JD as `priceDifferenceFen`.',
  })
  priceDifference!: Money;

  @Field(() => ExchangeDirection, { description: 'The sign of priceDifference in words.' })
  direction!: ExchangeDirection;
}

@ObjectType({ description: 'The result of requestExchange.' })
export class RequestExchangePayload {
  @Field(() => AfterSalesService, {
    nullable: true,
    description: 'The filed JD exchange application (details from the after-sales subgraph); null when userErrors is not empty.',
  })
  service!: AfterSalesService | null;

  @Field(() => ExchangeSettlement, {
    nullable: true,
    description:
      "The settled figures when filed. With PRICE_CHANGED: the figures at today's price (ask for a new quote to accept them). Otherwise null on failure.",
  })
  settlement!: ExchangeSettlement | null;

  @Field(() => [UserError], {
    description:
      'Why nothing was filed (QUOTE_INVALID, QUOTE_EXPIRED, TARGET_NOT_QUOTED, PRICE_CHANGED, TARGET_UNAVAILABLE, TARGET_OUT_OF_STOCK, ' +
      'ORDER_NOT_FOUND, SKU_NOT_IN_ORDER, ORDER_CANCELLED, ORDER_UNPAID, OPEN_APPLICATION, IDEMPOTENCY_KEY_INVALID, IDEMPOTENCY_KEY_REUSED, ' +
      'DESCRIPTION_TOO_LONG, JD_REJECTED); empty on success.',
  })
  userErrors!: UserError[];
}
