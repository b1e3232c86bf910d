import { parseFen } from '../../kit';
import type { JdOrderInfo } from '../../../jd/protocol';

/**
 * Splits `discountFen` across lines in proportion to their totals, in integer fen (largest remainder):
 * each line first gets floor(discount × lineTotal / sum); the fen left over go one each to the lines
 * with the largest dropped fractions, earlier lines first on a tie. The shares always add up to the discount.
 */
export function allocateDiscount(lineTotalsFen: readonly number[], discountFen: number): number[] {
  const sum = lineTotalsFen.reduce((a, b) => a + b, 0);
  if (lineTotalsFen.some((t) => !Number.isSafeInteger(t) || t < 0) || !Number.isSafeInteger(discountFen) || discountFen < 0) {
    throw new Error('line totals and discount must be non-negative integer fen');
  }
  // A discount can never exceed what the lines cost; JD data saying otherwise is capped.
  const discount = BigInt(Math.min(discountFen, sum));
  if (sum === 0 || discount === 0n) return lineTotalsFen.map(() => 0);
  const total = BigInt(sum);
  // BigInt: discount × lineTotal can pass 2^53 for large orders.
  const exact = lineTotalsFen.map((t) => discount * BigInt(t));
  const shares = exact.map((e) => e / total);
  let left = Number(discount - shares.reduce((a, b) => a + b, 0n));
  const byFraction = exact
    .map((e, index) => ({ index, fraction: e % total }))
    .sort((a, b) => (a.fraction === b.fraction ? a.index - b.index : a.fraction > b.fraction ? -1 : 1));
  for (const { index } of byFraction) {
    if (left === 0) break;
    shares[index] += 1n;
    left -= 1;
  }
  return shares.map(Number);
}

/** What the customer paid for one unit of a line, after its share of the order's seller discount. */
export interface PaidLine {
  skuId: string;
  quantity: number;
  listUnitFen: number;
  lineDiscountFen: number;
  /** floor((lineTotal − lineDiscount) / quantity): rounded down so a line's units never settle more than the line cost. */
  paidUnitFen: number;
}

/** Paid unit price of every line of a JD order (JD `jdPrice`, `itemTotal`, `sellerDiscount`). */
export function paidLines(order: Pick<JdOrderInfo, 'itemInfoList' | 'sellerDiscount'>): PaidLine[] {
  const lines = order.itemInfoList.map((item) => {
    const quantity = Number.parseInt(item.itemTotal, 10);
    return { skuId: item.skuId, quantity: quantity > 0 ? quantity : 0, listUnitFen: parseFen(item.jdPrice) };
  });
  const discounts = allocateDiscount(
    lines.map((l) => l.listUnitFen * l.quantity),
    Math.max(0, parseFen(order.sellerDiscount || '0')),
  );
  return lines.map((l, i) => ({
    ...l,
    lineDiscountFen: discounts[i],
    paidUnitFen: l.quantity === 0 ? l.listUnitFen : Math.floor((l.listUnitFen * l.quantity - discounts[i]) / l.quantity),
  }));
}

/** The first line of `skuId` in the order, or null when the order has none. */
export function paidLineOf(order: Pick<JdOrderInfo, 'itemInfoList' | 'sellerDiscount'>, skuId: string): PaidLine | null {
  return paidLines(order).find((l) => l.skuId === skuId && l.quantity > 0) ?? null;
}
