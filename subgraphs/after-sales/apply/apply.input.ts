import { Field, ID, InputType, Int } from 'type-graphql';
import { AfterSalesExpectation, AfterSalesType } from '../service/service.enums';

@InputType({ description: 'An after-sales application for one order line (JD `jingdong.afsservice.apply.create`).' })
export class ApplyForAfterSalesInput {
  @Field(() => ID, { description: "The caller's JD order id." })
  orderId!: string;

  @Field(() => ID, { description: 'The SKU (order line) to apply for; must be in the order.' })
  skuId!: string;

  @Field(() => Int, { description: 'Units to return, exchange or repair: at least 1, at most the quantity bought.' })
  quantity!: number;

  @Field(() => AfterSalesType, { description: 'Return, exchange or repair.' })
  type!: AfterSalesType;

  @Field(() => AfterSalesExpectation, { description: 'Must agree with the type: RETURN→REFUND, EXCHANGE→EXCHANGE, REPAIR→REPAIR.' })
  expectation!: AfterSalesExpectation;

  @Field({ description: "The problem, in the customer's words: 1 to 1000 characters." })
  description!: string;

  @Field({ defaultValue: false, description: 'Ask JD for a detection (inspection) report.' })
  needsDetectionReport!: boolean;

  @Field(() => [String], {
    defaultValue: [],
    description:
      "Photos of the problem, already uploaded to JD's image CDN: https URLs on img*.jd.com or img*.360buyimg.com, " +
      'at most 2000 characters joined with commas.',
  })
  imageUrls!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Your own key for this application (1 to 128 characters). Retrying with the same key returns the service the ' +
      'first attempt filed instead of filing another. Without a key every call files a new application.',
  })
  idempotencyKey?: string | null;
}
