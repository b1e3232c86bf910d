import type { JdAfsServiceSummary } from '../../../jd/protocol/after-sales';
import type { JdOrderInfo } from '../../../jd/protocol/orders';
import { AfterSalesExpectation, AfterSalesType, EXPECTATION_FOR_TYPE } from '../service/service.enums';
import { evaluateLine, type ReturnWindowPolicy } from '../eligibility/eligibility.rules';

/** A field-addressed, coded refusal (becomes the GraphQL `UserError`). */
export interface ApplyProblem { field: string[] | null; code: string; message: string }

export interface ApplyRequest {
  orderId: string;
  skuId: string;
  quantity: number;
  type: AfterSalesType;
  expectation: AfterSalesExpectation;
  description: string;
  needsDetectionReport: boolean;
  imageUrls: string[];
  idempotencyKey?: string | null;
}

/** JD limits (real JD, VOP 1.0): questionDesc ≤ 1000 chars, questionPic ≤ 2000 chars joined by commas. */
export const MAX_DESCRIPTION_CHARS = 1000;
export const MAX_IMAGES_JOINED_CHARS = 2000;
export const MAX_IDEMPOTENCY_KEY_CHARS = 128;
// JD's CDN hosts: img.jd.com, img10.jd.com, img14.360buyimg.com, ...
const JD_CDN_HOST = /^img\d*\.(jd\.com|360buyimg\.com)$/;

/** True for an https URL on JD's image CDN. */
export function isJdCdnUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && JD_CDN_HOST.test(parsed.hostname) && !parsed.username && !parsed.password;
}

const problem = (field: string[] | null, code: string, message: string): ApplyProblem => ({ field, code, message });

/** Checks that need nothing from JD: type/expectation, quantity floor, description, images, key. */
export function validateApplyShape(req: ApplyRequest): ApplyProblem[] {
  const problems: ApplyProblem[] = [];
  const wanted = EXPECTATION_FOR_TYPE[req.type];
  if (req.expectation !== wanted) {
    problems.push(problem(['input', 'expectation'], 'TYPE_EXPECTATION_MISMATCH',
      `A ${req.type} application must expect ${wanted}, not ${req.expectation}.`));
  }
  if (!Number.isInteger(req.quantity) || req.quantity < 1) {
    problems.push(problem(['input', 'quantity'], 'QUANTITY_OUT_OF_RANGE', 'Quantity must be a whole number of at least 1.'));
  }
  if (req.description.trim().length === 0) {
    problems.push(problem(['input', 'description'], 'DESCRIPTION_REQUIRED', 'Describe the problem.'));
  } else if ([...req.description].length > MAX_DESCRIPTION_CHARS) {
    problems.push(problem(['input', 'description'], 'DESCRIPTION_TOO_LONG', `The description may have at most ${MAX_DESCRIPTION_CHARS} characters.`));
  }
  req.imageUrls.forEach((url, i) => {
    if (!isJdCdnUrl(url)) {
      problems.push(problem(['input', 'imageUrls', String(i)], 'IMAGE_NOT_ON_JD_CDN',
        'Images must be https URLs on JD\'s image CDN (img*.jd.com or img*.360buyimg.com); upload them with JD\'s file upload API first.'));
    }
  });
  if (req.imageUrls.join(',').length > MAX_IMAGES_JOINED_CHARS) {
    problems.push(problem(['input', 'imageUrls'], 'IMAGES_TOO_LONG', `The image URLs, joined by commas, may have at most ${MAX_IMAGES_JOINED_CHARS} characters.`));
  }
  const key = req.idempotencyKey;
  if (key != null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_CHARS)) {
    problems.push(problem(['input', 'idempotencyKey'], 'IDEMPOTENCY_KEY_INVALID', `The idempotency key must have 1 to ${MAX_IDEMPOTENCY_KEY_CHARS} characters.`));
  }
  return problems;
}

export interface ApplyFacts {
  /** The order as JD has it; null when JD does not know it. */
  order: JdOrderInfo | null;
  categoryBySku: ReadonlyMap<string, number>;
  services: readonly JdAfsServiceSummary[];
}

/** The answer for someone else's order is the same as for a missing one: no hint it exists. */
export const ORDER_NOT_FOUND = problem(['input', 'orderId'], 'ORDER_NOT_FOUND', 'No order with this id.');

/** Checks against JD's facts: ownership, sku in the order, quantity ≤ bought, the eligibility rules. */
export function validateApplyAgainstOrder(req: ApplyRequest, pin: string, facts: ApplyFacts, policy: ReturnWindowPolicy, now: Date): ApplyProblem[] {
  const { order } = facts;
  if (!order || order.pin !== pin) return [ORDER_NOT_FOUND];
  const bought = order.itemInfoList
    .filter((item) => item.skuId === req.skuId)
    .reduce((sum, item) => sum + Number.parseInt(item.itemTotal, 10), 0);
  if (bought === 0) {
    return [problem(['input', 'skuId'], 'SKU_NOT_IN_ORDER', 'This order has no item with this sku.')];
  }
  const problems: ApplyProblem[] = [];
  if (req.quantity > bought) {
    problems.push(problem(['input', 'quantity'], 'QUANTITY_OUT_OF_RANGE', `Quantity must be between 1 and ${bought}, the quantity bought.`));
  }
  const line = evaluateLine(req.skuId, { order, categoryBySku: facts.categoryBySku, services: facts.services }, policy, now);
  for (const reason of line.reasons) problems.push(problem(['input', 'skuId'], reason.code, reason.message));
  return problems;
}
