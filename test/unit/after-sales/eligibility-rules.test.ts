import { JD_CATEGORIES } from '../../../jd/protocol';
import {
  IneligibilityCode,
  evaluateLine,
  evaluateOrder,
  returnWindowEnd,
  type EligibilityFacts,
} from '../../../subgraphs/after-sales/eligibility/eligibility.rules';
import { afsSummary, jdOrder } from './fixtures';

const policy = { standardDays: 30, plusDays: 45 };
// Received 2025-05-05 14:00 Shanghai = 06:00Z; 30 days later: 2025-06-04T06:00Z.
const RECEIVED = '2025-05-05 14:00:00';
const at = (iso: string) => new Date(iso);
const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  order: jdOrder({ orderEndTime: RECEIVED }),
  categoryBySku: new Map([['100', JD_CATEGORIES.electronics]]),
  services: [],
  ...over,
});
const codes = (f: EligibilityFacts, now: Date, sku = '100') => evaluateLine(sku, f, policy, now).reasons.map((r) => r.code);

describe('eligibility rules', () => {
  it('is eligible inside the 30-day window after receipt and says when it ends', () => {
    const r = evaluateLine('100', facts(), policy, at('2025-05-20T00:00:00Z'));
    expect(r).toEqual({ skuId: '100', eligible: true, reasons: [], windowEndsAt: at('2025-06-04T06:00:00Z') });
  });
  it('is still eligible at the last millisecond and not one after', () => {
    expect(codes(facts(), at('2025-06-04T06:00:00.000Z'))).toEqual([]);
    expect(codes(facts(), at('2025-06-04T06:00:00.001Z'))).toEqual([IneligibilityCode.WINDOW_EXPIRED]);
  });
  it('gives JD Plus members the configured longer window', () => {
    const plus = facts({ order: jdOrder({ orderEndTime: RECEIVED, plusMember: true }) });
    expect(returnWindowEnd(plus.order, policy)).toEqual(at('2025-06-19T06:00:00Z'));
    expect(codes(plus, at('2025-06-10T00:00:00Z'))).toEqual([]);
    expect(codes(facts(), at('2025-06-10T00:00:00Z'))).toEqual([IneligibilityCode.WINDOW_EXPIRED]);
    expect(codes(plus, at('2025-06-20T00:00:00Z'))).toEqual([IneligibilityCode.WINDOW_EXPIRED]);
    expect(returnWindowEnd(plus.order, { standardDays: 30, plusDays: 60 })).toEqual(at('2025-07-04T06:00:00Z'));
  });
  it('has no window before receipt', () => {
    const shipped = facts({ order: jdOrder({ orderState: 'WAIT_GOODS_RECEIVE_CONFIRM', orderEndTime: '' }) });
    const r = evaluateLine('100', shipped, policy, at('2025-05-03T00:00:00Z'));
    expect(r.windowEndsAt).toBeNull();
    expect(r.reasons.map((x) => x.code)).toEqual([IneligibilityCode.NOT_YET_RECEIVED]);
  });
  it('refuses cancelled orders', () => {
    const f = facts({ order: jdOrder({ orderState: 'TRADE_CANCELED', orderEndTime: '' }) });
    expect(codes(f, at('2025-05-03T00:00:00Z'))).toEqual([IneligibilityCode.ORDER_CANCELLED]);
  });
  it('refuses unpaid orders', () => {
    const f = facts({ order: jdOrder({ orderState: 'WAIT_SELLER_STOCK_OUT', paymentConfirmTime: '', orderEndTime: '' }) });
    expect(codes(f, at('2025-05-03T00:00:00Z'))).toEqual([IneligibilityCode.ORDER_UNPAID]);
  });
  it('refuses personalised and digital goods, even inside the window', () => {
    const f = facts({
      categoryBySku: new Map([
        ['100', JD_CATEGORIES.personalised],
        ['200', JD_CATEGORIES.digital],
      ]),
    });
    expect(codes(f, at('2025-05-06T00:00:00Z'), '100')).toEqual([IneligibilityCode.PERSONALISED_GOODS]);
    expect(codes(f, at('2025-05-06T00:00:00Z'), '200')).toEqual([IneligibilityCode.DIGITAL_GOODS]);
  });
  it('refuses a line with an open (pending or in-progress) application, not one with a closed one', () => {
    const now = at('2025-05-06T00:00:00Z');
    expect(codes(facts({ services: [afsSummary({ serviceStatus: 1 })] }), now)).toEqual([IneligibilityCode.OPEN_APPLICATION]);
    expect(codes(facts({ services: [afsSummary({ serviceStatus: 2 })] }), now)).toEqual([IneligibilityCode.OPEN_APPLICATION]);
    expect(codes(facts({ services: [afsSummary({ serviceStatus: 3 }), afsSummary({ serviceStatus: 4 })] }), now)).toEqual([]);
    expect(codes(facts({ services: [afsSummary({ skuId: '200', serviceStatus: 1 })] }), now)).toEqual([]);
  });
  it('lists every reason that applies, not only the first', () => {
    const f = facts({ categoryBySku: new Map([['100', JD_CATEGORIES.digital]]), services: [afsSummary()] });
    expect(codes(f, at('2025-07-01T00:00:00Z'))).toEqual([
      IneligibilityCode.WINDOW_EXPIRED,
      IneligibilityCode.DIGITAL_GOODS,
      IneligibilityCode.OPEN_APPLICATION,
    ]);
  });
  it('evaluates each distinct sku of the order once, in item order', () => {
    const f = facts({ categoryBySku: new Map([['200', JD_CATEGORIES.personalised]]) });
    const r = evaluateOrder(f, policy, at('2025-05-06T00:00:00Z'));
    expect(r.map((l) => [l.skuId, l.eligible])).toEqual([
      ['100', true],
      ['200', false],
    ]);
  });
});
