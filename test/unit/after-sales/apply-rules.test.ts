import { JD_CATEGORIES } from '../../../jd/protocol';
import {
  isJdCdnUrl,
  validateApplyAgainstOrder,
  validateApplyShape,
  type ApplyRequest,
  type ApplyFacts,
} from '../../../subgraphs/after-sales/apply/apply.rules';
import { AfterSalesExpectation, AfterSalesType } from '../../../subgraphs/after-sales/service/service.enums';
import { thirdApplyIdFor } from '../../../subgraphs/after-sales/apply/third-apply-id';
import { afsSummary, jdOrder } from './fixtures';

const policy = { standardDays: 30, plusDays: 45 };
const now = new Date('2025-05-10T00:00:00Z');
const req = (over: Partial<ApplyRequest> = {}): ApplyRequest => ({
  orderId: '9001',
  skuId: '100',
  quantity: 1,
  type: AfterSalesType.RETURN,
  expectation: AfterSalesExpectation.REFUND,
  description: 'Screen cracked',
  needsDetectionReport: false,
  imageUrls: ['https://img.jd.com/abc.jpg'],
  ...over,
});
const facts = (over: Partial<ApplyFacts> = {}): ApplyFacts => ({
  order: jdOrder(),
  categoryBySku: new Map([
    ['100', JD_CATEGORIES.electronics],
    ['200', JD_CATEGORIES.personalised],
  ]),
  services: [],
  ...over,
});
const shapeCodes = (r: ApplyRequest) => validateApplyShape(r).map((p) => p.code);
const orderCodes = (r: ApplyRequest, f = facts(), pin = 'alice', at = now) =>
  validateApplyAgainstOrder(r, pin, f, policy, at).map((p) => p.code);

describe('apply validation: shape', () => {
  it('accepts a well-formed request', () => {
    expect(validateApplyShape(req())).toEqual([]);
  });
  it.each([
    [AfterSalesType.RETURN, AfterSalesExpectation.EXCHANGE],
    [AfterSalesType.RETURN, AfterSalesExpectation.REPAIR],
    [AfterSalesType.EXCHANGE, AfterSalesExpectation.REFUND],
    [AfterSalesType.REPAIR, AfterSalesExpectation.REFUND],
  ])('refuses %s with %s', (type, expectation) => {
    const [p] = validateApplyShape(req({ type, expectation }));
    expect(p).toEqual(expect.objectContaining({ field: ['input', 'expectation'], code: 'TYPE_EXPECTATION_MISMATCH' }));
  });
  it.each([
    [AfterSalesType.EXCHANGE, AfterSalesExpectation.EXCHANGE],
    [AfterSalesType.REPAIR, AfterSalesExpectation.REPAIR],
  ])('accepts %s with %s', (type, expectation) => {
    expect(shapeCodes(req({ type, expectation }))).toEqual([]);
  });
  it('refuses a quantity below 1 or not whole', () => {
    expect(shapeCodes(req({ quantity: 0 }))).toEqual(['QUANTITY_OUT_OF_RANGE']);
    expect(shapeCodes(req({ quantity: -2 }))).toEqual(['QUANTITY_OUT_OF_RANGE']);
    expect(shapeCodes(req({ quantity: 1.5 }))).toEqual(['QUANTITY_OUT_OF_RANGE']);
  });
  it('requires a description of at most 1000 characters (counted as characters, not UTF-16 units)', () => {
    expect(shapeCodes(req({ description: '  ' }))).toEqual(['DESCRIPTION_REQUIRED']);
    expect(shapeCodes(req({ description: 'x'.repeat(1000) }))).toEqual([]);
    expect(shapeCodes(req({ description: '屏'.repeat(1000) }))).toEqual([]);
    expect(shapeCodes(req({ description: '😀'.repeat(1000) }))).toEqual([]);
    expect(shapeCodes(req({ description: 'x'.repeat(1001) }))).toEqual(['DESCRIPTION_TOO_LONG']);
  });
  it("accepts only https URLs on JD's image CDN", () => {
    for (const ok of ['https://img.jd.com/a.jpg', 'https://img10.jd.com/a.jpg', 'https://img14.360buyimg.com/n1/a.png']) {
      expect(isJdCdnUrl(ok)).toBe(true);
    }
    for (const bad of [
      'http://img.jd.com/a.jpg',
      'https://evil.com/img.jd.com/a.jpg',
      'https://img.jd.com.evil.com/a.jpg',
      'https://imgx.jd.com/a.jpg',
      'https://jd.com/a.jpg',
      'https://user:pw@img.jd.com/a.jpg',
      'not a url',
      'https://img.360buyimg.co/a.jpg',
    ]) {
      expect(isJdCdnUrl(bad)).toBe(false);
    }
    const problems = validateApplyShape(req({ imageUrls: ['https://img.jd.com/ok.jpg', 'https://example.com/x.jpg'] }));
    expect(problems).toEqual([expect.objectContaining({ code: 'IMAGE_NOT_ON_JD_CDN', field: ['input', 'imageUrls', '1'] })]);
  });
  it('refuses images longer than 2000 characters joined with commas', () => {
    const url = (n: number) => `https://img.jd.com/${'a'.repeat(n - 'https://img.jd.com/'.length)}`;
    expect(shapeCodes(req({ imageUrls: [url(1000), url(999)] }))).toEqual([]); // 1000 + 1 + 999 = 2000
    expect(shapeCodes(req({ imageUrls: [url(1000), url(1000)] }))).toEqual(['IMAGES_TOO_LONG']);
  });
  it('refuses an empty or over-long idempotency key', () => {
    expect(shapeCodes(req({ idempotencyKey: '' }))).toEqual(['IDEMPOTENCY_KEY_INVALID']);
    expect(shapeCodes(req({ idempotencyKey: 'k'.repeat(129) }))).toEqual(['IDEMPOTENCY_KEY_INVALID']);
    expect(shapeCodes(req({ idempotencyKey: 'k'.repeat(128) }))).toEqual([]);
  });
  it('reports every shape problem at once', () => {
    expect(shapeCodes(req({ expectation: AfterSalesExpectation.REPAIR, quantity: 0, description: '', imageUrls: ['x'] }))).toEqual([
      'TYPE_EXPECTATION_MISMATCH',
      'QUANTITY_OUT_OF_RANGE',
      'DESCRIPTION_REQUIRED',
      'IMAGE_NOT_ON_JD_CDN',
    ]);
  });
});

describe('apply validation: against the order', () => {
  it('accepts the owner applying for a bought, eligible sku', () => {
    expect(orderCodes(req())).toEqual([]);
    expect(orderCodes(req({ quantity: 2 }))).toEqual([]);
  });
  it("answers ORDER_NOT_FOUND alike for a missing order and for someone else's", () => {
    const missing = validateApplyAgainstOrder(req(), 'alice', facts({ order: null }), policy, now);
    const foreign = validateApplyAgainstOrder(req(), 'bob', facts(), policy, now);
    expect(missing).toEqual(foreign);
    expect(missing).toEqual([{ field: ['input', 'orderId'], code: 'ORDER_NOT_FOUND', message: 'No order with this id.' }]);
  });
  it('refuses a sku that is not in the order', () => {
    expect(orderCodes(req({ skuId: '999' }))).toEqual(['SKU_NOT_IN_ORDER']);
  });
  it('refuses more than was bought', () => {
    expect(orderCodes(req({ quantity: 3 }))).toEqual(['QUANTITY_OUT_OF_RANGE']);
  });
  it('applies the eligibility rules', () => {
    expect(orderCodes(req({ skuId: '200' }))).toEqual(['PERSONALISED_GOODS']);
    expect(orderCodes(req(), facts(), 'alice', new Date('2025-06-05T00:00:00Z'))).toEqual(['WINDOW_EXPIRED']);
    expect(orderCodes(req(), facts({ order: jdOrder({ orderState: 'TRADE_CANCELED', orderEndTime: '' }) }))).toEqual(['ORDER_CANCELLED']);
    expect(orderCodes(req(), facts({ order: jdOrder({ paymentConfirmTime: '', orderEndTime: '' }) }))).toEqual(['ORDER_UNPAID']);
  });
  it('refuses a second application while one is open for the same line', () => {
    expect(orderCodes(req(), facts({ services: [afsSummary({ serviceStatus: 2 })] }))).toEqual(['OPEN_APPLICATION']);
  });
});

describe('thirdApplyId', () => {
  it('is deterministic per (customer, key) and distinct across customers and keys', () => {
    expect(thirdApplyIdFor('alice', 'k1')).toBe(thirdApplyIdFor('alice', 'k1'));
    expect(thirdApplyIdFor('alice', 'k1')).not.toBe(thirdApplyIdFor('bob', 'k1'));
    expect(thirdApplyIdFor('alice', 'k1')).not.toBe(thirdApplyIdFor('alice', 'k2'));
    // No ambiguity from concatenation: ("ab","c") vs ("a","bc").
    expect(thirdApplyIdFor('ab', 'c')).not.toBe(thirdApplyIdFor('a', 'bc'));
    expect(thirdApplyIdFor('alice', 'k1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('is a fresh UUID without a key', () => {
    expect(thirdApplyIdFor('alice', null)).not.toBe(thirdApplyIdFor('alice', null));
    expect(thirdApplyIdFor('alice', undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
