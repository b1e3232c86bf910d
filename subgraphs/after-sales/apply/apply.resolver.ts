import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { ORDER_NOT_FOUND, requireCustomer, userError, type UserError, cost, JD_CALL_WEIGHT } from '../../kit';
import type { AfterSalesContext } from '../context';
import { JD_EXPECT_CODE, JD_TYPE_CODE } from '../service/service.enums';
import { toAfterSalesService } from '../service/service.mapper';
import { ApplyForAfterSalesInput } from './apply.input';
import { ApplyForAfterSalesPayload } from './apply.payload';
import { validateApplyAgainstOrder, validateApplyShape } from './apply.rules';
import { thirdApplyIdFor } from './third-apply-id';

const refused = (userErrors: UserError[]): ApplyForAfterSalesPayload =>
  Object.assign(new ApplyForAfterSalesPayload(), { service: null, userErrors });

@Resolver()
export class ApplyForAfterSalesResolver {
  @Directive(cost(2 * JD_CALL_WEIGHT))
  @Mutation(() => ApplyForAfterSalesPayload, {
    description:
      "Files a return, exchange or repair for one line of the caller's order (JD `jingdong.afsservice.apply.create`). " +
      'Everything checkable is checked before JD is called: the input, ownership, the order line and quantity, the eligibility ' +
      'rules, and that no application is already open for the line (JD `jingdong.afsservice.order.get`). Expected failures come ' +
      "back as userErrors. With an idempotencyKey a retry returns the first attempt's service.",
  })
  async applyForAfterSales(
    @Arg('input', {
      description:
        'What to file: the order line, quantity, type and expectation (which must agree), the problem and its JD-CDN images, and an optional idempotency key.',
    })
    input: ApplyForAfterSalesInput,
    @Ctx() ctx: AfterSalesContext,
  ): Promise<ApplyForAfterSalesPayload> {
    const pin = requireCustomer(ctx);
    const shapeProblems = validateApplyShape(input);
    if (shapeProblems.length) return refused(shapeProblems);

    // Ownership first, so nothing about someone else's order is ever read further.
    const order = await ctx.afterSales.ownedOrder(pin, input.orderId);
    if (!order) return refused([ORDER_NOT_FOUND]);
    const keyed = input.idempotencyKey != null;
    // With a key this may be a retry of an application JD filed: it must not hang on the list being readable.
    const { services, unreadable } = keyed
      ? await ctx.afterSales.serviceSummariesForKeyedWrite(input.orderId)
      : { services: await ctx.afterSales.serviceSummaries(input.orderId), unreadable: undefined };

    const thirdApplyId = thirdApplyIdFor(pin, input.idempotencyKey);
    // A retry of an application JD already has: answer with it and send nothing.
    const earlier = keyed ? services.find((s) => s.thirdApplyId === thirdApplyId) : undefined;
    if (earlier) return this.answer(ctx, pin, earlier.afsServiceId);

    const categoryBySku = await ctx.afterSales.categories([input.skuId]);
    const problems = validateApplyAgainstOrder(input, pin, { order, services, categoryBySku }, ctx.policy, ctx.now());
    // Unlisted, the line's open applications are unknown (JD is the judge of those), and a refusal is not
    // final: the application may be filed already, so the client hears "retry", never "refused".
    if (problems.length && unreadable) throw unreadable;
    if (problems.length) return refused(problems);

    const outcome = await ctx.afterSales.apply({
      afsApplyType: JD_TYPE_CODE[input.type],
      customerExpect: JD_EXPECT_CODE[input.expectation],
      orderId: input.orderId,
      skuId: input.skuId,
      skuNum: input.quantity,
      questionDesc: input.description,
      isNeedDetectionReport: input.needsDetectionReport ? 1 : 0,
      images: input.imageUrls,
      thirdApplyId,
      customerPin: pin,
    });
    if ('refused' in outcome) return refused([outcome.refused]);
    return this.answer(ctx, pin, outcome.ok.afsServiceId, input.orderId);
  }

  private async answer(ctx: AfterSalesContext, pin: string, afsServiceId: number, orderId?: string): Promise<ApplyForAfterSalesPayload> {
    const detail = await ctx.afterSales.ownedService(pin, afsServiceId);
    // The key was first used for another order: JD handed back that application, not a new one for this order.
    if (detail && orderId !== undefined && detail.orderId !== orderId) {
      return refused([
        userError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for another order.', ['input', 'idempotencyKey']),
      ]);
    }
    if (!detail) throw new Error(`JD filed after-sales service ${afsServiceId} but does not return its details`);
    return Object.assign(new ApplyForAfterSalesPayload(), { service: toAfterSalesService(detail), userErrors: [] });
  }
}
