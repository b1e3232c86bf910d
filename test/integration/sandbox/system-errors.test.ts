/** Every router-level error code, answered as JD does: HTTP 200 with error_response {code, zh_desc, en_desc}. */
import { formatShanghai, JD_SYSTEM_ERRORS } from '../../../jd/protocol';
import type { Sandbox } from '../../../jd/sandbox';
import { jos, postParams, signedParams, startTestSandbox, unwrap, type CallResult } from './jos-call';

const ORDER_GET = 'jingdong.pop.order.get';

function expectJdError(result: CallResult, code: keyof typeof JD_SYSTEM_ERRORS): void {
  expect(result.status).toBe(200);
  expect(Object.keys(result.body)).toEqual(['error_response']);
  expect(result.body.error_response).toEqual({
    code,
    zh_desc: JD_SYSTEM_ERRORS[code].zh,
    en_desc: expect.stringContaining(JD_SYSTEM_ERRORS[code].en),
  });
}

describe('sandbox router system errors', () => {
  let sandbox: Sandbox;
  let orderId: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    orderId = [...sandbox.data.orders.keys()][0];
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.reset());

  it('14 missing method, 15 unknown method', async () => {
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { method: undefined } }), '14');
    expectJdError(await jos(sandbox, 'jingdong.no.such.method', {}), '15');
  });

  it('20 missing app_key, 21 unknown app_key', async () => {
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { app_key: undefined } }), '20');
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { app_key: 'someone-else' } }), '21');
  });

  it('18 missing access_token, 19 invalid access_token', async () => {
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { access_token: undefined } }), '18');
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { access_token: 'expired-token' } }), '19');
  });

  it('7 missing timestamp; 8 malformed, impossible or skewed by more than 6 minutes', async () => {
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { timestamp: undefined } }), '7');
    for (const bad of ['2026/01/01 10:00:00', 'yesterday', '2026-02-31 10:00:00', String(Date.now())]) {
      expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { timestamp: bad } }), '8');
    }
    const sevenMinutes = 7 * 60_000;
    expectJdError(
      await jos(
        sandbox,
        ORDER_GET,
        { order_id: orderId },
        { before: { timestamp: formatShanghai(new Date(Date.now() - sevenMinutes), true) } },
      ),
      '8',
    );
    expectJdError(
      await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { timestamp: formatShanghai(new Date(Date.now() + sevenMinutes)) } }),
      '8',
    );
  });

  it('accepts both timestamp shapes and a 5-minute skew', async () => {
    for (const timestamp of [
      formatShanghai(new Date(), true),
      formatShanghai(new Date()),
      formatShanghai(new Date(Date.now() - 5 * 60_000), true),
    ]) {
      const ok = await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { timestamp } });
      expect(unwrap(ok, ORDER_GET).orderDetailInfo.orderInfo.orderId).toBe(orderId);
    }
  });

  it('11 missing sign, 12 wrong sign or unknown sign_method', async () => {
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { after: { sign: undefined } }), '11');
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { after: { sign: 'ABCDEF' } }), '12');
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { before: { sign_method: 'sha1' } }), '12');
    // The sign covers the business JSON: changing it after signing is refused.
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: orderId }, { after: { '360buy_param_json': '{"order_id":"1"}' } }), '12');
  });

  it('checks in order: method, app_key, access_token, timestamp, sign', async () => {
    const everythingWrong = { app_key: 'x', access_token: 'y', timestamp: 'z' };
    expectJdError(await jos(sandbox, 'no.such', {}, { before: everythingWrong, after: { sign: 'bad' } }), '15');
    expectJdError(await jos(sandbox, ORDER_GET, {}, { before: everythingWrong, after: { sign: 'bad' } }), '21');
    expectJdError(await jos(sandbox, ORDER_GET, {}, { before: { access_token: 'y', timestamp: 'z' }, after: { sign: 'bad' } }), '19');
    expectJdError(await jos(sandbox, ORDER_GET, {}, { before: { timestamp: 'z' }, after: { sign: 'bad' } }), '8');
  });

  it('63 when 360buy_param_json is not a JSON object', async () => {
    expectJdError(await jos(sandbox, ORDER_GET, {}, { rawJson: '{"order_id":' }), '63');
    expectJdError(await jos(sandbox, ORDER_GET, {}, { rawJson: '[1,2]' }), '63');
  });

  it('60 when a required business parameter is missing', async () => {
    expectJdError(await jos(sandbox, ORDER_GET, {}), '60');
    expectJdError(await jos(sandbox, 'jingdong.pop.order.search', { page: '1' }), '60');
    expectJdError(await jos(sandbox, 'jingdong.ware.price.get', {}), '60');
    expectJdError(await jos(sandbox, 'jingdong.afsservice.service.cancel', { afsServiceId: 1 }), '60');
  });

  it('61 for invalid values: >100 SKUs, page_size >100, malformed ids, unknown states', async () => {
    const skus = [...sandbox.data.skus.keys()].slice(0, 101);
    expectJdError(await jos(sandbox, 'jingdong.ware.price.get', { sku_id: skus.map((s) => `J_${s}`).join(',') }), '61');
    expectJdError(await jos(sandbox, 'jd.union.open.goods.promotiongoodsinfo.query', { skuIds: skus.join(',') }), '61');
    expectJdError(await jos(sandbox, 'jingdong.ware.stock.batch.get', { skuIds: skus.join(',') }), '61');
    expectJdError(await jos(sandbox, 'jd.union.open.goods.rank.query', { pageSize: 101 }), '61');
    expectJdError(await jos(sandbox, 'jingdong.pop.order.search', { page: '1', page_size: '101' }), '61');
    expectJdError(await jos(sandbox, 'jingdong.pop.order.search', { page: '0', page_size: '10' }), '61');
    expectJdError(await jos(sandbox, 'jingdong.pop.order.search', { page: '1', page_size: '10', order_state: 'SHIPPED' }), '61');
    expectJdError(await jos(sandbox, 'jingdong.ware.price.get', { sku_id: `${skus[0]}` }), '61');
    expectJdError(await jos(sandbox, ORDER_GET, { order_id: 'abc' }), '61');
    // Exactly 100 is fine.
    expect(
      unwrap(
        await jos(sandbox, 'jingdong.ware.price.get', {
          sku_id: skus
            .slice(0, 100)
            .map((s) => `J_${s}`)
            .join(','),
        }),
        'jingdong.ware.price.get',
      ).price_changes,
    ).toHaveLength(100);
  });

  it('2 when the per-app calls-per-second limit is exceeded', async () => {
    sandbox.faults.set({ '*': { callsPerSecond: 3 } });
    const results = await Promise.all(Array.from({ length: 5 }, () => jos(sandbox, ORDER_GET, { order_id: orderId })));
    const codes = results.map((r) => r.body.error_response?.code ?? 'ok').sort();
    expect(codes).toEqual(['2', '2', 'ok', 'ok', 'ok']);
    expectJdError(
      results.find((r) => r.body.error_response)!,
      '2',
    );
  });

  it('answers HTTP 200 with a JD error for a call with no params at all', async () => {
    expectJdError(await postParams(sandbox, {}, 'body'), '14');
    expect(signedParams(sandbox, ORDER_GET, {}).sign).toMatch(/^[0-9A-F]{32}$/);
  });
});
