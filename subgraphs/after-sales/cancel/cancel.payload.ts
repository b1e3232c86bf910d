import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../kit';
import { AfterSalesService } from '../service/service.type';

@ObjectType({ description: 'The result of cancelAfterSales.' })
export class CancelAfterSalesPayload {
  @Field(() => AfterSalesService, {
    nullable: true,
    description: 'The service as JD has it after the attempt (status CANCELLED on success); null when it was not found.',
  })
  service!: AfterSalesService | null;

  @Field(() => [UserError], {
    description: 'Why it was not cancelled (SERVICE_NOT_FOUND, NOT_CANCELLABLE, JD_REJECTED); empty on success.',
  })
  userErrors!: UserError[];
}
