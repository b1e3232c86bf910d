import { ExchangeDirection } from './quote.enums';

/** The settlement of swapping a unit paid `paidUnitFen` for one now priced `targetFen`, in integer fen. */
export interface PriceDifference {
  /** Signed: target price − paid unit price. Positive: the customer pays extra; negative: refunded. */
  differenceFen: number;
  direction: ExchangeDirection;
}

/** target − paid, exact in integer fen, with its direction. */
export function priceDifference(paidUnitFen: number, targetFen: number): PriceDifference {
  if (!Number.isSafeInteger(paidUnitFen) || !Number.isSafeInteger(targetFen)) {
    throw new Error(`prices must be integer fen, got paid=${paidUnitFen} target=${targetFen}`);
  }
  const differenceFen = targetFen - paidUnitFen;
  const direction = differenceFen > 0 ? ExchangeDirection.PAY_EXTRA : differenceFen < 0 ? ExchangeDirection.REFUND : ExchangeDirection.EVEN;
  return { differenceFen, direction };
}
