import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description:
    'Exchange one unit of an order line for an option of a quote (files a JD exchange application, `jingdong.afsservice.apply.create`).',
})
export class RequestExchangeInput {
  @Field(() => ID, { description: "The caller's JD order id." })
  orderId!: string;

  @Field(() => ID, { description: "The SKU of the order line being exchanged; must be the quote's original." })
  skuId!: string;

  @Field(() => ID, { description: "The SKU to exchange to; must be one of the quote's options." })
  targetSkuId!: string;

  @Field(() => ID, { description: 'The `id` of an unexpired ExchangeQuote issued to the caller for this order line.' })
  quoteId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Your own key for this request (1 to 128 characters). Retrying with the same key returns the service the first attempt filed. ' +
      'Without one, the quote and target act as the key: the same quote and target never file twice.',
  })
  idempotencyKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the customer wants the exchange, up to 1000 characters (JD `questionDesc`); a generated summary when omitted.',
  })
  description?: string | null;
}
