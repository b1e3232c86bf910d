import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph owns Order; after-sales only adds fields to it, keyed by id. */
@Directive('@key(fields: "id")')
// Everything this subgraph adds to an order is the customer's private after-sales data (see AFTER_SALES_CACHE).
@Directive('@cacheControl(maxAge: 15, scope: PRIVATE)')
@ObjectType({ description: 'A JD order (owned by the orders subgraph); after-sales adds its services and eligibility.' })
export class Order {
  @Field(() => ID, { description: 'JD `orderId`.' })
  id!: string;
}

/** An Order reference for a known order id. */
export function orderRef(id: string): Order {
  const order = new Order();
  order.id = id;
  return order;
}
