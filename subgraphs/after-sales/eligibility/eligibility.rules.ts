import { JD_CATEGORIES, type JdOrderInfo, type JdAfsServiceSummary, parseShanghai } from '../../../jd/protocol';
import { OPEN_SERVICE_STATUSES } from '../service/service.enums';

/** Why a line cannot take a new after-sales application. */
export enum IneligibilityCode {
  ORDER_CANCELLED = 'ORDER_CANCELLED',
  ORDER_UNPAID = 'ORDER_UNPAID',
  NOT_YET_RECEIVED = 'NOT_YET_RECEIVED',
  WINDOW_EXPIRED = 'WINDOW_EXPIRED',
  PERSONALISED_GOODS = 'PERSONALISED_GOODS',
  DIGITAL_GOODS = 'DIGITAL_GOODS',
  OPEN_APPLICATION = 'OPEN_APPLICATION',
}

export interface IneligibilityReason {
  code: IneligibilityCode;
  message: string;
}

export interface LineEligibilityResult {
  skuId: string;
  eligible: boolean;
  reasons: IneligibilityReason[];
  /** When the window closes; null until the parcel is received (the window has not started). */
  windowEndsAt: Date | null;
}

export interface ReturnWindowPolicy {
  /** Published: "within 30 days after receipt of the parcel" (JD's Hong Kong "Contact Us" page). */
  standardDays: number;
  /** JD Plus members get a longer window (JD's support-contact page); its length is configuration. */
  plusDays: number;
}

export const STANDARD_RETURN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The order facts the rules need, straight from jingdong.pop.order.get. */
export type EligibilityOrder = Pick<JdOrderInfo, 'orderState' | 'paymentConfirmTime' | 'orderEndTime' | 'plusMember' | 'itemInfoList'>;

/** Receipt time + the member's window; null while the order has no receipt time. */
export function returnWindowEnd(order: EligibilityOrder, policy: ReturnWindowPolicy): Date | null {
  const received = order.orderEndTime ? parseShanghai(order.orderEndTime) : null;
  if (!received) return null;
  const days = order.plusMember ? policy.plusDays : policy.standardDays;
  return new Date(received.getTime() + days * DAY_MS);
}

function orderReasons(order: EligibilityOrder, windowEndsAt: Date | null, now: Date): IneligibilityReason[] {
  if (order.orderState === 'TRADE_CANCELED') {
    return [{ code: IneligibilityCode.ORDER_CANCELLED, message: 'The order was cancelled.' }];
  }
  if (!order.paymentConfirmTime) {
    return [{ code: IneligibilityCode.ORDER_UNPAID, message: 'The order has not been paid.' }];
  }
  if (!windowEndsAt) {
    return [
      {
        code: IneligibilityCode.NOT_YET_RECEIVED,
        message: 'The parcel has not been received yet; the after-sales window starts at receipt.',
      },
    ];
  }
  if (now.getTime() > windowEndsAt.getTime()) {
    return [{ code: IneligibilityCode.WINDOW_EXPIRED, message: `The after-sales window closed at ${windowEndsAt.toISOString()}.` }];
  }
  return [];
}

function categoryReasons(category: number | null | undefined): IneligibilityReason[] {
  if (category === JD_CATEGORIES.personalised) {
    return [{ code: IneligibilityCode.PERSONALISED_GOODS, message: 'Personalised goods are not returnable.' }];
  }
  if (category === JD_CATEGORIES.digital) {
    return [{ code: IneligibilityCode.DIGITAL_GOODS, message: 'Digital downloads are not returnable.' }];
  }
  return [];
}

/** True when a service for this sku is still pending or in progress. */
export function hasOpenApplication(services: readonly JdAfsServiceSummary[], skuId: string): boolean {
  return services.some((s) => s.skuId === skuId && OPEN_SERVICE_STATUSES.has(s.serviceStatus));
}

export interface EligibilityFacts {
  order: EligibilityOrder;
  /** Top-level JD category (cid) per sku; absent when JD no longer knows the sku. */
  categoryBySku: ReadonlyMap<string, number>;
  /** The order's existing applications (jingdong.afsservice.order.get). */
  services: readonly JdAfsServiceSummary[];
}

/** Applies the published rules to one order line at `now`; pure, so tests fix the clock. */
export function evaluateLine(skuId: string, facts: EligibilityFacts, policy: ReturnWindowPolicy, now: Date): LineEligibilityResult {
  const windowEndsAt = returnWindowEnd(facts.order, policy);
  const reasons = [
    ...orderReasons(facts.order, windowEndsAt, now),
    ...categoryReasons(facts.categoryBySku.get(skuId)),
    ...(hasOpenApplication(facts.services, skuId)
      ? [{ code: IneligibilityCode.OPEN_APPLICATION, message: 'This item already has an open after-sales application.' }]
      : []),
  ];
  return { skuId, eligible: reasons.length === 0, reasons, windowEndsAt };
}

/** One result per distinct sku of the order, in the order's item order. */
export function evaluateOrder(facts: EligibilityFacts, policy: ReturnWindowPolicy, now: Date): LineEligibilityResult[] {
  const skus = [...new Set(facts.order.itemInfoList.map((i) => i.skuId))];
  return skus.map((sku) => evaluateLine(sku, facts, policy, now));
}
