import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { cost, JD_CALL_WEIGHT, listSize } from '../../kit';
import type { OrdersContext } from '../context';
import { OrderConnection } from './order-connection.type';
import { OrderStatus } from './order-status';
import { Order } from './order.type';
import { parseOrdersArgs } from './orders.args';

@Resolver(() => Order)
export class OrderResolver {
  @Directive(cost(JD_CALL_WEIGHT))
  @Query(() => Order, {
    nullable: true,
    description:
      "One of the signed-in customer's orders (jingdong.pop.order.get). Null when the order does not exist or is not the caller's — the two are indistinguishable. " +
      'Requires a customer identity: anonymous callers get UNAUTHENTICATED, partners FORBIDDEN.',
  })
  order(@Arg('id', () => ID, { description: 'JD order id (digits).' }) id: string, @Ctx() ctx: OrdersContext): Promise<Order | null> {
    return ctx.orders.order(id);
  }

  @Directive(cost(JD_CALL_WEIGHT))
  @Directive(listSize({ slicingArguments: ['first'], sizedFields: ['edges'], requireOneSlicingArgument: true }))
  @Query(() => OrderConnection, {
    description:
      "The signed-in customer's own orders as a cursor connection (jingdong.pop.order.search, cached per customer and filter for 20 s by default). " +
      'Requires a customer identity: anonymous callers get UNAUTHENTICATED, partners FORBIDDEN.',
  })
  orders(
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 10,
      description: 'Page size, 1 to 100 (JD page_size limit); anything else is BAD_USER_INPUT.',
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'Continue after this cursor (an `endCursor` or edge `cursor` from a previous page with the same `status`). An unknown cursor is BAD_USER_INPUT.',
    })
    after: string | null | undefined,
    @Arg('status', () => OrderStatus, {
      nullable: true,
      description: 'Only orders in this status (UNKNOWN is not accepted); omit for all.',
    })
    status: OrderStatus | null | undefined,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderConnection> {
    return ctx.orders.orders(parseOrdersArgs({ first, after, status }));
  }
}
