import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ENTITY_DESCRIPTIONS, requireCustomer, shanghaiToIso, cost, JD_CALL_WEIGHT, listSize } from '../../kit';
import type { AfterSalesContext } from '../context';
import { Order, orderRef } from '../order/order.type';
import { afterSalesServiceReference } from './service.reference';
import { ScheduleStep } from './schedule-step.type';
import { AfterSalesService } from './service.type';

@Resolver(() => AfterSalesService)
export class AfterSalesServiceResolver {
  @Directive(cost(JD_CALL_WEIGHT))
  @Query(() => AfterSalesService, {
    nullable: true,
    description:
      "One of the caller's after-sales services by id (JD `jingdong.afsservice.service.detail.get`). " +
      'Null when it does not exist or belongs to someone else.',
  })
  afterSalesService(
    @Arg('id', () => ID, { description: ENTITY_DESCRIPTIONS.afterSalesServiceId }) id: string,
    @Ctx() ctx: AfterSalesContext,
  ): Promise<AfterSalesService | null> {
    return afterSalesServiceReference.__resolveReference({ id }, ctx);
  }

  @Directive(listSize({ assumedSize: 10 }))
  @FieldResolver(() => [ScheduleStep], {
    description:
      'The handling history, oldest first (JD `jingdong.afsservice.service.schedule.get`). ' +
      'Cached per customer for up to 15 seconds; refreshed at once after a cancel through this graph.',
  })
  async schedule(@Root() service: AfterSalesService, @Ctx() ctx: AfterSalesContext): Promise<ScheduleStep[]> {
    requireCustomer(ctx);
    const entries = await ctx.afterSales.schedule(Number(service.id));
    return entries.map((e) => Object.assign(new ScheduleStep(), { title: e.step, at: shanghaiToIso(e.date) }));
  }

  @FieldResolver(() => Order, { description: 'The order the service was filed against (its other fields come from the orders subgraph).' })
  order(@Root() service: AfterSalesService): Order {
    return orderRef(service.orderId);
  }
}
