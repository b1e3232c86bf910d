import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, ENTITY_DESCRIPTIONS, Money } from '../../kit';
import { AfterSalesExpectation, AfterSalesStatus, AfterSalesStep, AfterSalesType } from './service.enums';

/** Cache hint for a customer's after-sales data: private, and as short-lived as the loaders' JD cache. */
export const AFTER_SALES_CACHE = '@cacheControl(maxAge: 15, scope: PRIVATE)';

@Directive('@key(fields: "id")')
@Directive(AFTER_SALES_CACHE)
@ObjectType({
  description: ENTITY_DESCRIPTIONS.afterSalesService,
})
export class AfterSalesService {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.afterSalesServiceId })
  id!: string;

  /** The order the service belongs to (resolved into `order`). */
  orderId!: string;

  @Field({ description: 'The SKU (order line) the service is for.' })
  skuId!: string;

  @Field(() => Int, { description: 'How many units of the SKU the service covers (JD `skuNum`).' })
  quantity!: number;

  @Field(() => AfterSalesType, { description: 'Return, exchange or repair (JD `afsApplyType`).' })
  type!: AfterSalesType;

  @Field(() => AfterSalesExpectation, { description: 'The outcome the customer asked for (JD `customerExpect`).' })
  expectation!: AfterSalesExpectation;

  @Field(() => AfterSalesStatus, { description: 'Coarse lifecycle (JD `serviceStatus`).' })
  status!: AfterSalesStatus;

  @Field(() => AfterSalesStep, { description: 'Fine-grained handling step (JD `afsServiceStep`).' })
  step!: AfterSalesStep;

  @Field({ description: "The customer's description of the problem (JD `questionDesc`, at most 1000 characters)." })
  description!: string;

  @Field(() => [String], {
    description: "Photos of the problem: https URLs on JD's image CDN (JD `questionPic`). Empty when none were sent.",
  })
  images!: string[];

  @Field({ description: 'Whether the customer asked for a detection (inspection) report (JD `isNeedDetectionReport`).' })
  needsDetectionReport!: boolean;

  @Field(() => DateTimeScalar, {
    description: 'When the customer applied, ISO-8601 with the Asia/Shanghai offset (+08:00) (JD `applyTime`).',
  })
  appliedAt!: string;

  @Field(() => String, {
    nullable: true,
    description: "JD's handling result in its own words (JD `processResult`); null until JD has decided.",
  })
  result!: string | null;

  @Field({
    description: 'True while the customer may still cancel (JD `cancelable`); false once review has moved past the point of no return.',
  })
  cancellable!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'For an exchange to a different SKU: the SKU the customer gets instead. Null for returns, repairs and like-for-like exchanges. (JD sandbox extension `exchangeSkuId`.)',
  })
  exchangeSkuId!: string | null;

  @Field(() => Money, {
    nullable: true,
    description:
      'For an exchange with a price difference: the settled difference, positive when the customer pays extra, negative when refunded. Zero for an even exchange; null when the service settles no difference. (JD sandbox extension `priceDifferenceFen`.)',
  })
  priceDifference!: Money | null;
}
