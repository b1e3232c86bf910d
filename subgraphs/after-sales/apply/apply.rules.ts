import type { JdAfsServiceSummary, JdOrderInfo } from '../../../jd/protocol';
import { applicationTextProblems, ORDER_NOT_FOUND, userError, type UserError } from '../../kit';
import { AfterSalesExpectation, AfterSalesType, EXPECTATION_FOR_TYPE } from '../service/service.enums';
import { evaluateLine, type ReturnWindowPolicy } from '../eligibility/eligibility.rules';

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

/** JD limit (real JD, VOP 1.0): questionPic ≤ 2000 chars joined by commas (questionDesc's is the kit's). */
export const MAX_IMAGES_JOINED_CHARS = 2000;
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

/** Checks that need nothing from JD: type/expectation, quantity floor, description, images, key. */
export function validateApplyShape(req: ApplyRequest): UserError[] {
  const problems: UserError[] = [];
  const wanted = EXPECTATION_FOR_TYPE[req.type];
  if (req.expectation !== wanted) {
    problems.push(
      userError('TYPE_EXPECTATION_MISMATCH', `A ${req.type} application must expect ${wanted}, not ${req.expectation}.`, [
        'input',
        'expectation',
      ]),
    );
  }
  if (!Number.isInteger(req.quantity) || req.quantity < 1) {
    problems.push(userError('QUANTITY_OUT_OF_RANGE', 'Quantity must be a whole number of at least 1.', ['input', 'quantity']));
  }
  if (req.description.trim().length === 0) {
    problems.push(userError('DESCRIPTION_REQUIRED', 'Describe the problem.', ['input', 'description']));
  }
  req.imageUrls.forEach((url, i) => {
    if (!isJdCdnUrl(url)) {
      problems.push(
        userError(
          'IMAGE_NOT_ON_JD_CDN',
          "Images must be https URLs on JD's image CDN (img*.jd.com or img*.360buyimg.com); upload them with JD's file upload API first.",
          ['input', 'imageUrls', String(i)],
        ),
      );
    }
  });
  if (req.imageUrls.join(',').length > MAX_IMAGES_JOINED_CHARS) {
    problems.push(
      userError('IMAGES_TOO_LONG', `The image URLs, joined by commas, may have at most ${MAX_IMAGES_JOINED_CHARS} characters.`, [
        'input',
        'imageUrls',
      ]),
    );
  }
  problems.push(...applicationTextProblems(req));
  return problems;
}

export interface ApplyFacts {
  /** The order as JD has it; null when JD does not know it. */
  order: JdOrderInfo | null;
  categoryBySku: ReadonlyMap<string, number>;
  services: readonly JdAfsServiceSummary[];
}

/** Checks against JD's facts: ownership, sku in the order, quantity ≤ bought, the eligibility rules. */
export function validateApplyAgainstOrder(
  req: ApplyRequest,
  pin: string,
  facts: ApplyFacts,
  policy: ReturnWindowPolicy,
  now: Date,
): UserError[] {
  const { order } = facts;
  if (!order || order.pin !== pin) return [ORDER_NOT_FOUND];
  const bought = order.itemInfoList
    .filter((item) => item.skuId === req.skuId)
    .reduce((sum, item) => sum + Number.parseInt(item.itemTotal, 10), 0);
  if (bought === 0) {
    return [userError('SKU_NOT_IN_ORDER', 'This order has no item with this sku.', ['input', 'skuId'])];
  }
  const problems: UserError[] = [];
  if (req.quantity > bought) {
    problems.push(
      userError('QUANTITY_OUT_OF_RANGE', `Quantity must be between 1 and ${bought}, the quantity bought.`, ['input', 'quantity']),
    );
  }
  const line = evaluateLine(req.skuId, { order, categoryBySku: facts.categoryBySku, services: facts.services }, policy, now);
  for (const reason of line.reasons) problems.push(userError(reason.code, reason.message, ['input', 'skuId']));
  return problems;
}
