import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../kit';
import { AfterSalesService } from '../service/service.type';

@ObjectType({ description: 'The result of applyForAfterSales.' })
export class ApplyForAfterSalesPayload {
  @Field(() => AfterSalesService, { nullable: true, description: 'The filed service; null when userErrors is not empty.' })
  service!: AfterSalesService | null;

  @Field(() => [UserError], {
    description:
      'Why nothing was filed (e.g. TYPE_EXPECTATION_MISMATCH, ORDER_NOT_FOUND, SKU_NOT_IN_ORDER, QUANTITY_OUT_OF_RANGE, ' +
      'DESCRIPTION_REQUIRED, DESCRIPTION_TOO_LONG, IMAGE_NOT_ON_JD_CDN, IMAGES_TOO_LONG, IDEMPOTENCY_KEY_INVALID, ' +
      'IDEMPOTENCY_KEY_REUSED, an IneligibilityCode, or JD_REJECTED); empty on success.',
  })
  userErrors!: UserError[];
}
