import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph owns Order; exchange only adds `exchangeQuote`, keyed by id. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A JD order (owned by the orders subgraph); the exchange subgraph adds exchange quotes for its lines.' })
export class Order {
  @Field(() => ID, { description: 'JD order id (`orderId`), digits as a string.' })
  id!: string;
}

/** An Order reference for a known order id. */
export function orderRef(id: string): Order {
  const order = new Order();
  order.id = id;
  return order;
}
