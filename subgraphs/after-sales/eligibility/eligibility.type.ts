import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../kit';
import { IneligibilityCode } from './eligibility.rules';

registerEnumType(IneligibilityCode, {
  name: 'IneligibilityCode',
  description:
    "Why an order line cannot take a new after-sales application. The rules are JD's published ones; this graph applies them to returns, exchanges and repairs alike.",
  valuesConfig: {
    ORDER_CANCELLED: { description: 'The order was cancelled (JD orderState TRADE_CANCELED).' },
    ORDER_UNPAID: { description: 'The order was never paid (JD paymentConfirmTime empty).' },
    NOT_YET_RECEIVED: { description: 'The parcel has not been received, so the window has not started (JD orderEndTime empty).' },
    WINDOW_EXPIRED: { description: 'More than 30 days since receipt (longer for JD Plus members).' },
    PERSONALISED_GOODS: { description: 'Personalised goods (made to order, engraved, printed) are not returnable.' },
    DIGITAL_GOODS: { description: 'Digital downloads and codes are not returnable.' },
    OPEN_APPLICATION: { description: 'The line already has a pending or in-progress application; cancel it or wait for it to finish.' },
  },
});

@Directive('@cacheControl(inheritMaxAge: true)')
@ObjectType({ description: 'One reason an order line is not eligible.' })
export class IneligibilityReason {
  @Field(() => IneligibilityCode, { description: 'Machine-readable reason.' })
  code!: IneligibilityCode;

  @Field({ description: 'Human-readable explanation, in English.' })
  message!: string;
}

// Cached as long as the order field that returns it.
@Directive('@cacheControl(inheritMaxAge: true)')
@ObjectType({
  description:
    'Whether one order line can take a new after-sales application now. Computed from the order ' +
    "(`jingdong.pop.order.get`), the goods' categories and the order's open applications (`jingdong.afsservice.order.get`).",
})
export class LineEligibility {
  @Field({ description: "The order line's SKU." })
  skuId!: string;

  @Field({ description: 'True when `applyForAfterSales` would accept this line now (quantity and input aside).' })
  eligible!: boolean;

  @Field(() => [IneligibilityReason], { description: 'Every reason it is not eligible; empty when eligible.' })
  reasons!: IneligibilityReason[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the window closes: receipt of the parcel plus 30 days, or the longer JD Plus window; ISO-8601 in UTC. Null until the parcel is received (or for a cancelled or unpaid order).',
  })
  windowEndsAt!: Date | null;
}
