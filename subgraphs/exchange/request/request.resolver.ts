import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import type { AfsDetail } from '../../../jd/loaders';
import { money, ORDER_NOT_FOUND, requireCustomer, userError, type UserError, cost, JD_CALL_WEIGHT } from '../../kit';
import type { ExchangeContext } from '../context';
import { paidLineOf } from '../quote/paid-unit-price';
import { priceDifference } from '../quote/price-difference';
import { afterSalesServiceRef } from '../service/after-sales-service.type';
import { RequestExchangeInput } from './request.input';
import { ExchangeSettlement, RequestExchangePayload } from './request.payload';
import { checkExchangeable, checkQuoteTerms, checkShape, priceChanged, QUOTE_INVALID, quoteMatches } from './request.rules';
import { exchangeThirdApplyId } from './third-apply-id';

/** JD codes for an exchange: afsApplyType 20 and customerExpect 20. */
const JD_EXCHANGE = 20 as const;

function settlement(paidUnitFen: number, targetFen: number): ExchangeSettlement {
  const diff = priceDifference(paidUnitFen, targetFen);
  return Object.assign(new ExchangeSettlement(), {
    paidUnitPrice: money(paidUnitFen),
    targetPrice: money(targetFen),
    priceDifference: money(diff.differenceFen),
    direction: diff.direction,
  });
}

const refused = (userErrors: UserError[], settled: ExchangeSettlement | null = null): RequestExchangePayload =>
  Object.assign(new RequestExchangePayload(), { service: null, settlement: settled, userErrors });

const filed = (afsServiceId: number, settled: ExchangeSettlement): RequestExchangePayload =>
  Object.assign(new RequestExchangePayload(), { service: afterSalesServiceRef(afsServiceId), settlement: settled, userErrors: [] });

@Resolver()
export class RequestExchangeResolver {
  @Directive(cost(2 * JD_CALL_WEIGHT))
  @Mutation(() => RequestExchangePayload, {
    description:
      "Exchanges one unit of a line of the caller's order for an option of an ExchangeQuote, settling the price difference: files a JD " +
      'exchange application (`jingdong.afsservice.apply.create`, afsApplyType 20, customerExpect 20, with the target as `exchangeSkuId` and ' +
      "the difference as `priceDifferenceFen`) through the JD layer's idempotent create. Before filing it re-checks everything: the quote " +
      '(signature, customer, order line, expiry, target offered), the order (paid, not cancelled, no open application on the line), and the ' +
      "target's price and stock read from JD now, past the JD layer's cache (a price that moved seconds ago counts). " +
      'A moved price is refused with PRICE_CHANGED and the new difference. ' +
      'Retries with the same idempotencyKey (or the same quote and target) return the first filing. Requires a customer.',
  })
  async requestExchange(
    @Arg('input', () => RequestExchangeInput, { description: 'Which line, which target, and the quote that priced it.' })
    input: RequestExchangeInput,
    @Ctx() ctx: ExchangeContext,
  ): Promise<RequestExchangePayload> {
    const pin = requireCustomer(ctx);
    const shape = checkShape(input);
    if (shape.length) return refused(shape);
    const claims = ctx.quotes.verify(input.quoteId);
    if (!quoteMatches(claims, input, ctx.quotes.customerTag(pin))) return refused([QUOTE_INVALID]);

    // Ownership before anything else about the order is read.
    const order = await ctx.exchange.ownedOrder(pin, input.orderId);
    if (!order) return refused([ORDER_NOT_FOUND]);
    // The thirdApplyId repeats on every retry, so this may be one: it must not hang on the list being readable.
    const { services, unreadable } = await ctx.exchange.serviceSummariesForKeyedWrite(input.orderId);
    // Unlisted, a refusal is not final (the exchange may be filed already, before its quote expired or its
    // price moved): the client hears "retry", never "refused", until JD can say.
    const refuse = (userErrors: UserError[], settled?: ExchangeSettlement): RequestExchangePayload => {
      if (unreadable) throw unreadable;
      return refused(userErrors, settled);
    };

    const thirdApplyId = exchangeThirdApplyId(pin, input.idempotencyKey, input.quoteId, input.targetSkuId);
    // A retry of an exchange JD already has: answer with it and send nothing, even if the quote has expired since.
    const earlier = services.find((s) => s.thirdApplyId === thirdApplyId);
    if (earlier) return this.retried(ctx, pin, earlier.afsServiceId, input, claims.paidUnitFen);

    const problems = [
      ...checkExchangeable(order, input.skuId, services),
      ...checkQuoteTerms(claims, input.targetSkuId, ctx.now().getTime()),
    ];
    if (problems.length) return refuse(problems);

    const line = paidLineOf(order, input.skuId);
    // The quote read through the JD cache; the filing decides on JD's price and stock now (a price may move within the cache TTL).
    const figures = (await ctx.exchange.freshFigures([input.targetSkuId])).get(input.targetSkuId);
    if (!line || !figures || figures.priceFen === null) {
      return refuse([userError('TARGET_UNAVAILABLE', 'JD no longer sells this product.', ['input', 'targetSkuId'])]);
    }
    const quotedTargetFen = claims.prices[input.targetSkuId];
    if (figures.priceFen !== quotedTargetFen || line.paidUnitFen !== claims.paidUnitFen) {
      return refuse([priceChanged(quotedTargetFen, line.paidUnitFen, figures.priceFen)], settlement(line.paidUnitFen, figures.priceFen));
    }
    if (figures.inStock !== true) {
      return refuse([
        userError('TARGET_OUT_OF_STOCK', 'This product is out of stock now; choose another option.', ['input', 'targetSkuId']),
      ]);
    }

    const settled = settlement(line.paidUnitFen, figures.priceFen);
    const outcome = await ctx.exchange.apply({
      afsApplyType: JD_EXCHANGE,
      customerExpect: JD_EXCHANGE,
      orderId: input.orderId,
      skuId: input.skuId,
      skuNum: 1,
      questionDesc:
        input.description?.trim() ||
        `Exchange for SKU ${input.targetSkuId}; price difference ${settled.priceDifference.amount} CNY (${settled.direction}).`,
      isNeedDetectionReport: 0,
      images: [],
      thirdApplyId,
      customerPin: pin,
      exchangeSkuId: input.targetSkuId,
      priceDifferenceFen: settled.priceDifference.minorUnits,
    });
    if ('refused' in outcome) return refused([outcome.refused]);
    // JD handed back (or, unlisted, may have handed back) an existing application for this thirdApplyId: make sure it is this very request.
    if (outcome.ok.reused || unreadable) return this.retried(ctx, pin, outcome.ok.afsServiceId, input, line.paidUnitFen);
    return filed(outcome.ok.afsServiceId, settled);
  }

  /** The first filing's service and the settlement JD recorded for it; a key first used for something else is refused. */
  private async retried(
    ctx: ExchangeContext,
    pin: string,
    afsServiceId: number,
    input: RequestExchangeInput,
    paidUnitFen: number,
  ): Promise<RequestExchangePayload> {
    const detail: AfsDetail | null = await ctx.exchange.ownedService(pin, afsServiceId);
    const sameRequest =
      detail !== null &&
      detail.orderId === input.orderId &&
      detail.skuId === input.skuId &&
      detail.exchangeSkuId === input.targetSkuId &&
      typeof detail.priceDifferenceFen === 'number';
    if (!sameRequest) {
      return refused([
        userError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for another request.', ['input', 'idempotencyKey']),
      ]);
    }
    return filed(afsServiceId, settlement(paidUnitFen, paidUnitFen + (detail.priceDifferenceFen as number)));
  }
}
