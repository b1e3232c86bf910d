import { Field, Int, ObjectType } from 'type-graphql';
import { Order } from './order.type';

@ObjectType({ description: 'One order in a page of orders.' })
export class OrderEdge {
  @Field({ description: 'Opaque cursor of this order; pass it as `after` to continue after it. Valid only with the same `status` filter.' })
  cursor!: string;

  @Field(() => Order, { description: 'The order.' })
  node!: Order;
}

@ObjectType({ description: 'Where this page stands in the whole list.' })
export class OrderPageInfo {
  @Field({ description: 'True when more orders follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the page's last order; null when the page is empty." })
  endCursor!: string | null;
}

@ObjectType({ description: "A page of the caller's own orders, in the order JD returns them (jingdong.pop.order.search)." })
export class OrderConnection {
  @Field(() => [OrderEdge], { description: 'The orders on this page, at most `first`.' })
  edges!: OrderEdge[];

  @Field(() => OrderPageInfo, { description: 'Paging state.' })
  pageInfo!: OrderPageInfo;

  @Field(() => Int, { description: "How many of the caller's orders match the filter in total (JD `orderTotal`)." })
  totalCount!: number;
}
