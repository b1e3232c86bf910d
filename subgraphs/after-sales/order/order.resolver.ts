import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { partialResultNote, requireCustomer, cost, listSize, JD_CALL_WEIGHT } from '../../kit';
import type { AfterSalesContext } from '../context';
import { AfterSalesService, AFTER_SALES_CACHE } from '../service/service.type';
import { toAfterSalesService } from '../service/service.mapper';
import { LineEligibility } from '../eligibility/eligibility.type';
import { evaluateOrder } from '../eligibility/eligibility.rules';
import { Order } from './order.type';

@Resolver(() => Order)
export class OrderAfterSalesResolver {
  @Directive(AFTER_SALES_CACHE)
  @Directive(cost(JD_CALL_WEIGHT))
  @Directive(listSize({ assumedSize: 5 }))
  @FieldResolver(() => [AfterSalesService], {
    nullable: true,
    description:
      'The after-sales services filed against this order, as JD lists them (`jingdong.afsservice.order.get`, ' +
      "then `jingdong.afsservice.service.detail.get` per service). Empty for an order that is not the caller's. " +
      'Cached per customer for up to 15 seconds; refreshed at once after an apply or cancel through this graph. ' +
      partialResultNote('after-sales'),
  })
  afterSalesServices(@Root() order: Order, @Ctx() ctx: AfterSalesContext): Promise<AfterSalesService[]> {
    const pin = requireCustomer(ctx);
    return ctx.afterSales.servicesOfOrder(pin, order.id).then((details) => details.map(toAfterSalesService));
  }

  @Directive(AFTER_SALES_CACHE)
  @Directive(listSize({ assumedSize: 10 }))
  @FieldResolver(() => [LineEligibility], {
    nullable: true,
    description:
      'Per order line, whether a new after-sales application would be accepted now, why not, and when the window closes. ' +
      'Rules: within 30 days after receipt of the parcel (a longer window for JD Plus members); personalised goods and digital ' +
      'downloads are not returnable; cancelled or unpaid orders are not eligible; a line with an open application is not eligible again. ' +
      "Empty for an order that is not the caller's. " +
      partialResultNote('after-sales'),
  })
  async afterSalesEligibility(@Root() order: Order, @Ctx() ctx: AfterSalesContext): Promise<LineEligibility[]> {
    const pin = requireCustomer(ctx);
    const jdOrder = await ctx.afterSales.ownedOrder(pin, order.id);
    if (!jdOrder) return [];
    const skus = [...new Set(jdOrder.itemInfoList.map((i) => i.skuId))];
    const [services, categoryBySku] = await Promise.all([ctx.afterSales.serviceSummaries(order.id), ctx.afterSales.categories(skus)]);
    return evaluateOrder({ order: jdOrder, services, categoryBySku }, ctx.policy, ctx.now());
  }
}
