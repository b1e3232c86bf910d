import type { SandboxSeeder, SeedOrder } from '../../support/sandbox-seed';

export const ALICE = 'alice_pin';
export const BOB = 'bob_pin';
export const CAROL = 'carol_pin';
/** 2025-06-01 12:00 in Shanghai. */
export const NOW = new Date('2025-06-01T04:00:00Z');

/**
 * A received order from shop 10: 199.00 × 2 of sku 100 and 101.00 × 1 of sku 101 with 20.00 seller
 * discount, so one unit of sku 100 cost 191.02 (see the unit tests).
 */
export function order(orderId: string, pin: string, over: Partial<SeedOrder> = {}): SeedOrder {
  return {
    orderId,
    pin,
    lines: [
      { skuId: '100', quantity: 2, unitFen: 19900 },
      { skuId: '101', unitFen: 10100 },
    ],
    discountFen: 2000,
    placedAt: '2025-05-25 10:00:00',
    paidAt: '2025-05-25 10:05:00',
    receivedAt: '2025-05-29 14:00:00',
    ...over,
  };
}

/** Paid unit price of sku 100 in the discounted orders, in fen. */
export const PAID_100 = 19102;

/**
 * Alice: 1001 discounted (100 ×2, 101), 1002 cancelled, 1003 with an open application on 100, 1004 unpaid,
 * 1005 whose application on 100 is completed. Bob: 2001. Shop 10 sells 100 and 101.
 * Candidates of 1001/100: cart 202, 401; shop 10 ranks 100, 201, 202, 301; the platform ranks 301, 302, 999 (no price), 303, 201.
 */
export function seedExchange(seed: SandboxSeeder): void {
  seed.shop({ shopId: 10 });
  for (const pin of [ALICE, BOB, CAROL]) seed.customer({ pin });
  const catalog: [string, number, number][] = [
    ['100', 19900, 4],
    ['101', 10100, 4],
    ['201', PAID_100, 5], // EVEN
    ['202', 15900, 3], // REFUND 32.02
    ['301', 25000, 0], // PAY_EXTRA 58.98, out of stock
    ['302', 9900, 1],
    ['303', 30000, 1],
    ['401', PAID_100 + 1, 2], // PAY_EXTRA by one fen
  ];
  for (const [skuId, priceFen, stock] of catalog) seed.sku({ skuId, priceFen, stock, shopId: 10 });
  seed.order(order('1001', ALICE));
  seed.order(order('1002', ALICE, { state: 'TRADE_CANCELED', receivedAt: null }));
  seed.order(order('1003', ALICE));
  seed.order(order('1004', ALICE, { state: 'WAIT_SELLER_STOCK_OUT', paidAt: null, receivedAt: null }));
  seed.order(order('1005', ALICE));
  seed.order(order('2001', BOB));
  seed.service({ afsServiceId: 8000, orderId: '1003', skuId: '100', step: 21, applyTime: '2025-05-30 09:00:00' });
  seed.service({ afsServiceId: 8001, orderId: '1005', skuId: '100', step: 50, applyTime: '2025-05-30 09:00:00' });
  seed.bestsellers(10, ['100', '201', '202', '301']);
  seed.bestsellers('platform', ['301', '302', '999', '303', '201']);
  seed.cart(ALICE, ['202', '401']);
}
