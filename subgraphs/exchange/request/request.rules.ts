import type { JdAfsServiceSummary, JdOrderInfo } from '../../../jd/protocol';
import { applicationTextProblems, formatFen, userError, type UserError } from '../../kit';
import { priceDifference } from '../quote/price-difference';
import type { QuoteClaims } from '../quote/quote-token';
import type { RequestExchangeInput } from './request.input';

/** JD serviceStatus 1 (pending) and 2 (in progress) are still open; 3 completed and 4 cancelled are not. */
const OPEN_STATUSES = new Set([1, 2]);

/** Checks that need nothing from JD. */
export function checkShape(input: Pick<RequestExchangeInput, 'idempotencyKey' | 'description'>): UserError[] {
  return applicationTextProblems(input);
}

/** One answer for a forged, foreign or mismatched quote: it reveals nothing about whose it is. */
export const QUOTE_INVALID = userError('QUOTE_INVALID', 'This quote is not valid for this order item. Ask for a new quote.', [
  'input',
  'quoteId',
]);

/** The quote was issued to this customer for this order line. */
export function quoteMatches(
  claims: QuoteClaims | null,
  input: Pick<RequestExchangeInput, 'orderId' | 'skuId'>,
  customerTag: string,
): claims is QuoteClaims {
  return claims !== null && claims.orderId === input.orderId && claims.skuId === input.skuId && claims.customer === customerTag;
}

/** Whether the order line can be exchanged now: paid, not cancelled, no open application on it. */
export function checkExchangeable(order: JdOrderInfo, skuId: string, services: readonly JdAfsServiceSummary[]): UserError[] {
  if (!order.itemInfoList.some((i) => i.skuId === skuId)) {
    return [userError('SKU_NOT_IN_ORDER', 'This order has no item with this sku.', ['input', 'skuId'])];
  }
  if (order.orderState === 'TRADE_CANCELED')
    return [userError('ORDER_CANCELLED', 'The order was cancelled; there is nothing to exchange.', ['input', 'orderId'])];
  if (!order.paymentConfirmTime)
    return [userError('ORDER_UNPAID', 'The order has not been paid; it cannot be exchanged yet.', ['input', 'orderId'])];
  if (services.some((s) => s.skuId === skuId && OPEN_STATUSES.has(s.serviceStatus))) {
    return [
      userError('OPEN_APPLICATION', 'This item already has an open after-sales application; wait for it to finish or cancel it first.', [
        'input',
        'skuId',
      ]),
    ];
  }
  return [];
}

/** Expired, or the target was not offered in the quote. */
export function checkQuoteTerms(claims: QuoteClaims, targetSkuId: string, nowMs: number): UserError[] {
  if (nowMs > claims.expiresAt) return [userError('QUOTE_EXPIRED', 'This quote has expired. Ask for a new quote.', ['input', 'quoteId'])];
  if (!Object.prototype.hasOwnProperty.call(claims.prices, targetSkuId)) {
    return [userError('TARGET_NOT_QUOTED', "This product was not one of the quote's options.", ['input', 'targetSkuId'])];
  }
  return [];
}

/** A user error for a price that moved since the quote, carrying the difference at today's price. */
export function priceChanged(quotedTargetFen: number, paidUnitFen: number, currentTargetFen: number): UserError {
  const now = priceDifference(paidUnitFen, currentTargetFen);
  const sign = now.differenceFen > 0 ? 'pay' : now.differenceFen < 0 ? 'be refunded' : 'settle';
  return userError(
    'PRICE_CHANGED',
    `The price changed since the quote (quoted ${formatFen(quotedTargetFen)} CNY, now ${formatFen(currentTargetFen)} CNY): the difference is now ` +
      `${formatFen(now.differenceFen)} CNY (${now.direction}); you would ${sign} ${formatFen(Math.abs(now.differenceFen))} CNY. Ask for a new quote to accept it.`,
    ['input', 'quoteId'],
  );
}
