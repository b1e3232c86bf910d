import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { requireCustomer, userError, type UserError, cost, JD_CALL_WEIGHT } from '../../kit';
import type { AfterSalesContext } from '../context';
import { parseServiceId, toAfterSalesService } from '../service/service.mapper';
import type { AfterSalesService } from '../service/service.type';
import { CancelAfterSalesPayload } from './cancel.payload';

const payload = (service: AfterSalesService | null, errors: UserError[] = []) =>
  Object.assign(new CancelAfterSalesPayload(), { service, userErrors: errors });

@Resolver()
export class CancelAfterSalesResolver {
  @Directive(cost(2 * JD_CALL_WEIGHT))
  @Mutation(() => CancelAfterSalesPayload, {
    description:
      "Withdraws one of the caller's after-sales applications while it is still cancellable " +
      "(JD `jingdong.afsservice.service.cancel`). JD's refusal comes back as a userError.",
  })
  async cancelAfterSales(
    @Arg('id', () => ID, { description: "JD `afsServiceId` of the caller's service." }) id: string,
    @Ctx() ctx: AfterSalesContext,
  ): Promise<CancelAfterSalesPayload> {
    const pin = requireCustomer(ctx);
    const afsServiceId = parseServiceId(id);
    const detail = afsServiceId === null ? null : await ctx.afterSales.ownedService(pin, afsServiceId);
    // Someone else's service reads exactly like a missing one.
    if (afsServiceId === null || !detail)
      return payload(null, [userError('SERVICE_NOT_FOUND', 'No after-sales service with this id.', ['id'])]);
    if (detail.cancelable !== 1) {
      return payload(toAfterSalesService(detail), [userError('NOT_CANCELLABLE', 'This service can no longer be cancelled.', ['id'])]);
    }
    const outcome = await ctx.afterSales.cancel(afsServiceId, detail.orderId);
    if ('refused' in outcome) return payload(toAfterSalesService(detail), [outcome.refused]);
    const after = await ctx.afterSales.ownedService(pin, afsServiceId);
    return payload(after ? toAfterSalesService(after) : null);
  }
}
