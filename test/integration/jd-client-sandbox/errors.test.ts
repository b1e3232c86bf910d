/**
 * JD's error codes surface from the client as JdApiError with the right code. Codes a correct client
 * never causes itself (a missing method, app_key, …) are provoked by a fetch wrapper that edits the
 * signed request on its way out, so the sandbox's real answer is what the client parses.
 */
import { JD_METHODS, type JdMethodName } from '../../../jd/protocol';
import { JdApiError } from '../../../jd/client';
import type { Sandbox } from '../../../jd/sandbox';
import { josSign } from '../sandbox/jos-call';
import { clientFor, rejection, startSandbox } from './harness';

/** A fetch that rewrites the query (system params) and body of each request before sending it. */
function editingFetch(edit: (query: URLSearchParams, body: URLSearchParams) => void): typeof fetch {
  return (input, init) => {
    const url = new URL(String(input));
    const body = new URLSearchParams(String(init?.body ?? ''));
    edit(url.searchParams, body);
    return fetch(url, { ...init, body: body.toString() });
  };
}

describe('jd/client against the sandbox: error codes', () => {
  let sandbox: Sandbox;
  let orderId: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    orderId = [...sandbox.data.orders.keys()][0];
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.reset());

  const expectCode = async (promise: Promise<unknown>, code: string, kind: 'system' | 'business' = 'system') => {
    const error = await rejection(promise);
    expect(error).toBeInstanceOf(JdApiError);
    expect(error).toMatchObject({ code, kind });
    expect(error.zhDesc).not.toBe('');
    expect(error.enDesc).not.toBe('');
    return error as JdApiError;
  };

  it.each([
    ['14', 'method', (q: URLSearchParams) => q.delete('method')],
    ['20', 'app_key', (q: URLSearchParams) => q.delete('app_key')],
    ['18', 'access_token', (q: URLSearchParams) => q.delete('access_token')],
    ['7', 'timestamp', (q: URLSearchParams) => q.delete('timestamp')],
    ['11', 'sign', (q: URLSearchParams) => q.delete('sign')],
  ])('%s when the request loses its %s', async (code, _name, edit) => {
    const client = clientFor(sandbox, {}, { fetch: editingFetch((q) => edit(q)) });
    const error = await expectCode(client.call(JD_METHODS.orderGet, { order_id: orderId }), code);
    expect(error.method).toBe(JD_METHODS.orderGet);
    expect(error.retryable).toBe(false);
  });

  it('12 when the JSON is changed after signing; 63 when it is broken and signed again', async () => {
    const broken = (b: URLSearchParams) => b.set('360buy_param_json', '{"order_id":');
    await expectCode(
      clientFor(sandbox, {}, { fetch: editingFetch((_q, b) => broken(b)) }).call(JD_METHODS.orderGet, { order_id: orderId }),
      '12',
    );
    const resigned = editingFetch((q, b) => {
      broken(b);
      const all = Object.fromEntries([...q, ...b]);
      q.set('sign', josSign(all, sandbox.credentials.appSecret));
    });
    await expectCode(clientFor(sandbox, {}, { fetch: resigned }).call(JD_METHODS.orderGet, { order_id: orderId }), '63');
  });

  it('15 for a method the router does not know', async () => {
    const client = clientFor(sandbox);
    await expectCode(client.call('jingdong.nope' as JdMethodName, {} as never), '15');
  });

  it('21, 19 and 12 for a client with the wrong app key, token or secret', async () => {
    await expectCode(
      clientFor(sandbox, {
        JD_API_URL: sandbox.routerUrl,
        JD_APP_KEY: 'other',
        JD_APP_SECRET: 'sandbox-app-secret',
        JD_ACCESS_TOKEN: 'sandbox-access-token',
      }).call(JD_METHODS.orderGet, { order_id: orderId }),
      '21',
    );
    await expectCode(
      clientFor(sandbox, {
        JD_API_URL: sandbox.routerUrl,
        JD_APP_KEY: 'sandbox-app-key',
        JD_APP_SECRET: 'sandbox-app-secret',
        JD_ACCESS_TOKEN: 'stale',
      }).call(JD_METHODS.orderGet, { order_id: orderId }),
      '19',
    );
    await expectCode(
      clientFor(sandbox, {
        JD_API_URL: sandbox.routerUrl,
        JD_APP_KEY: 'sandbox-app-key',
        JD_APP_SECRET: 'wrong-secret',
        JD_ACCESS_TOKEN: 'sandbox-access-token',
      }).call(JD_METHODS.orderGet, { order_id: orderId }),
      '12',
    );
  });

  it('8 for a client whose clock is 10 minutes off', async () => {
    const client = clientFor(sandbox, {}, { now: () => Date.now() - 10 * 60_000 });
    await expectCode(client.call(JD_METHODS.orderGet, { order_id: orderId }), '8');
  });

  it('60 and 61 for bad business parameters (including more than 100 SKUs and page_size 101)', async () => {
    const client = clientFor(sandbox);
    await expectCode(client.call(JD_METHODS.orderGet, {} as never), '60');
    const skus = [...sandbox.data.skus.keys()].slice(0, 101);
    await expectCode(client.call(JD_METHODS.priceGet, { sku_id: skus.map((s) => `J_${s}`).join(',') }), '61');
    await expectCode(client.call(JD_METHODS.stockGet, { skuIds: skus.join(',') }), '61');
    await expectCode(client.call(JD_METHODS.orderSearch, { page: '1', page_size: '101' }), '61');
    expect(sandbox.stats.snapshot().methods[JD_METHODS.priceGet]).toEqual({ calls: 1, batchSizes: [], errors: { 61: 1 } });
  });

  it("2 when the sandbox's calls-per-second limit is below the client's", async () => {
    sandbox.faults.set({ [JD_METHODS.cartGet]: { callsPerSecond: 1 } });
    const client = clientFor(sandbox, { JD_RETRY_MAX: '0' });
    await client.call(JD_METHODS.cartGet, { customerPin: 'jd_demo_alice' });
    const error = await expectCode(client.call(JD_METHODS.cartGet, { customerPin: 'jd_demo_alice' }), '2');
    expect(error.retryable).toBe(false);
  });

  it('after-sales business codes 3001, 403 and 3003 surface as business JdApiErrors', async () => {
    const client = clientFor(sandbox);
    const order = [...sandbox.data.orders.values()].find((o) => o.pin === 'jd_demo_alice' && o.orderState === 'FINISHED_L')!;
    const base = {
      afsApplyType: 10 as const,
      customerExpect: 10 as const,
      orderId: order.orderId,
      skuId: order.itemInfoList[0].skuId,
      skuNum: 1,
      questionDesc: 'broken',
      isNeedDetectionReport: 0 as const,
      images: [],
      thirdApplyId: 'e-1',
      customerPin: 'jd_demo_alice',
    };
    await expectCode(client.createAfterSalesApplication({ ...base, customerExpect: 30 }), '3001', 'business');
    await expectCode(client.createAfterSalesApplication({ ...base, thirdApplyId: 'e-2', customerPin: 'jd_demo_bob' }), '403', 'business');
    const busy = [...sandbox.data.afsServices.values()].find((s) => [31, 32, 33, 34, 40].includes(s.step))!;
    await expectCode(
      client.call(JD_METHODS.afsCancel, { afsServiceId: busy.afsServiceId, customerPin: busy.customerPin }),
      '3003',
      'business',
    );
  });
});
