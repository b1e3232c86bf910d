import type { SandboxSeeder, SeedOrder } from '../../support/sandbox-seed';

export const ALICE = 'alice_pin';
export const BOB = 'bob_pin';
/** The fixed clock: 2025-06-01 12:00 in Shanghai. */
export const NOW = new Date('2025-06-01T04:00:00Z');

/** Paid 2025-05-25, received 2025-05-29 14:00 (3 days before NOW). */
const RECEIVED = { placedAt: '2025-05-25 10:00:00', paidAt: '2025-05-25 10:05:00', receivedAt: '2025-05-29 14:00:00' } as const;
const PHONE_X2 = [{ skuId: '100', quantity: 2 }];

/** An order received three days ago, with two phones unless told otherwise. */
export const receivedOrder = (orderId: string, pin: string, over: Partial<SeedOrder> = {}): SeedOrder => ({
  orderId,
  pin,
  lines: PHONE_X2,
  ...RECEIVED,
  ...over,
});

/**
 * Shop 1 sells 100 (electronics), 200 (personalised), 300 (digital), 400 and 450 (home).
 * Alice: 1001 received 3 days ago (phone ×2 + engraved pen), 1002 cancelled, 1003 received 60 days ago,
 * 1004 unpaid, 1005 digital, 1006 with services 501 (open, cancellable), 502 (not cancellable), 503 (cancellable
 * until JD advances it), 504 (exchange with difference), 1007 JD Plus received 40 days ago, 1008 shipped not received.
 * Bob: 2001 with service 901.
 */
export function seedAfterSales(seed: SandboxSeeder): void {
  seed.shop({ shopId: 1 });
  for (const [skuId, category, priceFen] of [
    ['100', 'electronics', 19900],
    ['200', 'personalised', 19900],
    ['300', 'digital', 990],
    ['400', 'home', 9900],
    ['450', 'home', 8650],
  ] as const)
    seed.sku({ skuId, category, priceFen, shopId: 1 });
  seed.customer({ pin: ALICE });
  seed.customer({ pin: BOB });

  seed.order(receivedOrder('1001', ALICE, { lines: [{ skuId: '100', quantity: 2 }, { skuId: '200' }] }));
  seed.order(receivedOrder('1002', ALICE, { state: 'TRADE_CANCELED', paidAt: null, receivedAt: null }));
  seed.order(
    receivedOrder('1003', ALICE, { placedAt: '2025-03-28 10:00:00', paidAt: '2025-03-28 10:05:00', receivedAt: '2025-04-02 14:00:00' }),
  );
  seed.order(receivedOrder('1004', ALICE, { state: 'WAIT_SELLER_STOCK_OUT', paidAt: null, receivedAt: null }));
  seed.order(receivedOrder('1005', ALICE, { lines: [{ skuId: '300' }] }));
  seed.order(receivedOrder('1006', ALICE, { lines: [{ skuId: '100' }, { skuId: '400', quantity: 3 }] }));
  seed.order(
    receivedOrder('1007', ALICE, {
      plusMember: true,
      placedAt: '2025-04-18 10:00:00',
      paidAt: '2025-04-18 10:05:00',
      receivedAt: '2025-04-22 14:00:00',
    }),
  );
  seed.order(receivedOrder('1008', ALICE, { state: 'WAIT_GOODS_RECEIVE_CONFIRM', receivedAt: null }));
  seed.order(receivedOrder('2001', BOB));

  seed.service({
    afsServiceId: 501,
    orderId: '1006',
    skuId: '100',
    step: 21,
    applyTime: '2025-05-30 09:15:00',
    questionDesc: 'Cracked screen',
    images: ['https://img.jd.com/a.jpg', 'https://img10.360buyimg.com/b.jpg'],
    isNeedDetectionReport: 1,
    schedule: [
      { step: 10, date: '2025-05-30 09:15:00' },
      { step: 21, date: '2025-05-30 14:00:00' },
    ],
  });
  seed.service({ afsServiceId: 502, orderId: '1006', skuId: '400', step: 33, applyTime: '2025-05-30 09:15:00' });
  seed.service({ afsServiceId: 503, orderId: '1006', skuId: '400', step: 22, applyTime: '2025-05-30 09:15:00' });
  seed.service({
    afsServiceId: 504,
    orderId: '1006',
    skuId: '400',
    type: 20,
    step: 50,
    applyTime: '2025-05-30 09:15:00',
    exchangeSkuId: '450',
    priceDifferenceFen: -1250,
  });
  seed.service({ afsServiceId: 901, orderId: '2001', step: 21, applyTime: '2025-05-30 09:15:00' });
}
