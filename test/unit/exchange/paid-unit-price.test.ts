import { allocateDiscount, paidLineOf, paidLines } from '../../../subgraphs/exchange/quote/paid-unit-price';

const item = (skuId: string, jdPrice: string, itemTotal: string) => ({ skuId, skuName: skuId, wareId: '1', jdPrice, itemTotal });

describe('allocateDiscount (largest remainder, integer fen)', () => {
  it('splits in proportion when it divides evenly', () => {
    expect(allocateDiscount([30000, 10000], 2000)).toEqual([1500, 500]);
  });

  it('gives leftover fen to the largest dropped fractions and always adds up to the discount', () => {
    // 100 × 1/3 each = 33.33…: 33 + 33 + 33 and one fen left, which goes to the first line (tie -> earlier line).
    expect(allocateDiscount([1000, 1000, 1000], 100)).toEqual([34, 33, 33]);
    // 100 over 333/333/334: exact shares 33.3, 33.3, 33.4 -> floors 33 each (99); the fen left goes to the .4 line.
    expect(allocateDiscount([333, 333, 334], 100)).toEqual([33, 33, 34]);
    // 7 fen over 50/30/20: exact 3.5, 2.1, 1.4 -> floors 3, 2, 1; the one leftover fen goes to the .5 line.
    expect(allocateDiscount([5000, 3000, 2000], 7)).toEqual([4, 2, 1]);
  });

  it('breaks ties by line order, deterministically', () => {
    expect(allocateDiscount([100, 100], 1)).toEqual([1, 0]);
    expect(allocateDiscount([100, 100, 100, 100], 2)).toEqual([1, 1, 0, 0]);
  });

  it('sums to the discount for awkward numbers, and stays exact beyond 2^53 intermediate products', () => {
    const totals = [99_999_999_97, 12_345_678_91, 1];
    const shares = allocateDiscount(totals, 987_654_321);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(987_654_321);
    shares.forEach((s) => expect(Number.isInteger(s)).toBe(true));
  });

  it('is zero without a discount and capped at the order value', () => {
    expect(allocateDiscount([100, 200], 0)).toEqual([0, 0]);
    expect(allocateDiscount([100, 200], 10_000)).toEqual([100, 200]);
    expect(allocateDiscount([], 100)).toEqual([]);
  });

  it('refuses fractional fen', () => {
    expect(() => allocateDiscount([100.5], 1)).toThrow(/integer fen/);
  });
});

describe('paidLines: what one unit really cost after the seller discount', () => {
  it('a discounted multi-line order: proportional share, then per unit rounded down', () => {
    // Lines 199.00 × 2 = 398.00 and 101.00 × 1; discount 20.00 over 499.00.
    // Exact share of line 1: 2000 × 39800 / 49900 = 1595.19… -> 1595; line 2: 404.80… -> 404; one fen left -> line 2 (.80 > .19).
    const lines = paidLines({ sellerDiscount: '20.00', itemInfoList: [item('1', '199.00', '2'), item('2', '101.00', '1')] });
    expect(lines.map((l) => l.lineDiscountFen)).toEqual([1595, 405]);
    // (39800 − 1595) / 2 = 19102.5 -> 19102 fen; 10100 − 405 = 9695.
    expect(lines.map((l) => l.paidUnitFen)).toEqual([19102, 9695]);
  });

  it('without a discount the paid unit price is the list price', () => {
    expect(paidLineOf({ sellerDiscount: '0.00', itemInfoList: [item('7', '59.90', '3')] }, '7')?.paidUnitFen).toBe(5990);
  });

  it('is null for a sku the order does not have', () => {
    expect(paidLineOf({ sellerDiscount: '0.00', itemInfoList: [item('7', '59.90', '3')] }, '8')).toBeNull();
  });
});
