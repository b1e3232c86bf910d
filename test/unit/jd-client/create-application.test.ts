import { createJdClient } from '../../../jd/client';
import type { JdAfsApplyCreateParams } from '../../../jd/protocol';
import {
  afsResult,
  fakeTime,
  restoreTime,
  settle,
  httpStatus,
  jdError,
  recordingFetch,
  SANDBOX_LIKE,
  type FakeHandler,
  type RecordedRequest,
} from './fake-jd';

const CREATE = 'jingdong.afsservice.apply.create';
const ORDER_GET = 'jingdong.afsservice.order.get';

const APPLICATION: JdAfsApplyCreateParams = {
  afsApplyType: 10,
  orderId: '9001',
  skuId: '100012',
  skuNum: 1,
  customerExpect: 10,
  questionDesc: 'Screen cracked on arrival',
  isNeedDetectionReport: 0,
  images: [],
  thirdApplyId: 'tap-4f1c2d',
  customerPin: 'jd_demo_alice',
};

const service = (thirdApplyId: string, afsServiceId: number) => ({
  afsServiceId,
  orderId: '9001',
  skuId: '100012',
  serviceStatus: 1,
  afsServiceStep: 10,
  afsApplyType: 10,
  thirdApplyId,
  applyTime: '2024-01-02 03:04:05',
});

function setup(handler: FakeHandler, overrides: Record<string, unknown> = {}) {
  const [fetch, calls] = recordingFetch(handler);
  const client = createJdClient({ ...SANDBOX_LIKE, retryMax: 2, createMaxAttempts: 3, timeoutMs: 25, ...overrides }, { fetch });
  return { client, calls };
}

beforeEach(() => fakeTime());
afterEach(() => restoreTime());
const methods = (calls: RecordedRequest[]) => calls.map((c) => c.query.method);

describe('createAfterSalesApplication', () => {
  it("sends the caller's thirdApplyId once and returns the new service", async () => {
    const { client, calls } = setup(() => afsResult(CREATE, 100, '成功', { afsServiceId: 55 }));
    await expect(settle(client.createAfterSalesApplication(APPLICATION))).resolves.toEqual({ afsServiceId: 55, reused: false });
    expect(methods(calls)).toEqual([CREATE]);
    expect(calls[0].params).toEqual(APPLICATION);
  });

  it.each([
    ['a timeout', (): 'hang' => 'hang'],
    ['HTTP 502', () => httpStatus(502)],
    ['a network error', () => new TypeError('fetch failed')],
    ['system code 65', () => jdError('65')],
  ])('after %s, finds the application by thirdApplyId and does not create it again', async (_name, unknown) => {
    const { client, calls } = setup((req) => {
      if (req.query.method === CREATE) return unknown();
      return afsResult(ORDER_GET, 100, '成功', { afsServiceList: [service('someone-else', 1), service('tap-4f1c2d', 77)] });
    });
    await expect(settle(client.createAfterSalesApplication(APPLICATION))).resolves.toEqual({ afsServiceId: 77, reused: true });
    expect(methods(calls)).toEqual([CREATE, ORDER_GET]);
    expect(calls[1].params).toEqual({ orderId: '9001', customerPin: 'jd_demo_alice' });
  });

  it('when the application is not there, sends the create again with the SAME thirdApplyId', async () => {
    const { client, calls } = setup((req, i) => {
      if (req.query.method === ORDER_GET) return afsResult(ORDER_GET, 100, '成功', { afsServiceList: [service('someone-else', 1)] });
      return i === 0 ? httpStatus(503) : afsResult(CREATE, 100, '成功', { afsServiceId: 78 });
    });
    await expect(settle(client.createAfterSalesApplication(APPLICATION))).resolves.toEqual({ afsServiceId: 78, reused: false });
    expect(methods(calls)).toEqual([CREATE, ORDER_GET, CREATE]);
    expect(calls[0].params).toEqual(calls[2].params);
    expect((calls[2].params as JdAfsApplyCreateParams).thirdApplyId).toBe('tap-4f1c2d');
  });

  it('waits a jittered backoff before each lookup, and a caller who aborts in that wait gets their reason with nothing more sent', async () => {
    const answers: FakeHandler = (req, i) =>
      req.query.method === ORDER_GET
        ? afsResult(ORDER_GET, 100, '成功', { afsServiceList: [] })
        : i === 0
          ? httpStatus(502)
          : httpStatus(503);
    const { client, calls } = setup(answers);
    await expect(settle(client.createAfterSalesApplication(APPLICATION))).rejects.toMatchObject({ code: 'HTTP_503' });
    // random() = 0.5 with the default 100 ms base: 75 ms, then 150 ms.
    expect(methods(calls)).toEqual([CREATE, ORDER_GET, CREATE, ORDER_GET, CREATE, ORDER_GET]);
    expect(calls[1].at - calls[0].at).toBe(75);
    expect(calls[3].at - calls[2].at).toBe(150);

    const aborted = setup(answers);
    const caller = new AbortController();
    const reason = new Error('customer closed the app');
    const pending = aborted.client.createAfterSalesApplication(APPLICATION, { signal: caller.signal });
    pending.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(10);
    caller.abort(reason);
    await expect(settle(pending)).rejects.toBe(reason);
    expect(methods(aborted.calls)).toEqual([CREATE]);
  });

  it('gives up after createMaxAttempts sends, each preceded by a lookup, and throws the unknown outcome', async () => {
    const { client, calls } = setup(
      (req) => (req.query.method === ORDER_GET ? afsResult(ORDER_GET, 100, '成功', { afsServiceList: [] }) : httpStatus(504)),
      { createMaxAttempts: 2 },
    );
    await expect(settle(client.createAfterSalesApplication(APPLICATION))).rejects.toMatchObject({
      kind: 'http',
      code: 'HTTP_504',
      retryable: true,
    });
    expect(methods(calls)).toEqual([CREATE, ORDER_GET, CREATE, ORDER_GET]);
  });

  it.each([
    ['3001 parameter format error', 3001],
    ['403 no permission', 403],
  ])('throws a definite rejection (%s) after one call, never retried or looked up', async (_name, code) => {
    const { client, calls } = setup(() => afsResult(CREATE, code, '拒绝'));
    await expect(settle(client.createAfterSalesApplication(APPLICATION))).rejects.toMatchObject({
      kind: 'business',
      code: String(code),
      retryable: false,
      method: CREATE,
    });
    expect(methods(calls)).toEqual([CREATE]);
  });

  it('throws a router rejection (invalid signature) after one call', async () => {
    const { client, calls } = setup(() => jdError('12'));
    await expect(settle(client.createAfterSalesApplication(APPLICATION))).rejects.toMatchObject({ kind: 'system', code: '12' });
    expect(methods(calls)).toEqual([CREATE]);
  });

  it('when the lookup itself fails, sends the create again with the SAME thirdApplyId, and JD answers with the service it filed', async () => {
    // JD filed the first send (its answer was lost) and cannot list services right now.
    const { client, calls } = setup((req, i) => {
      if (req.query.method === ORDER_GET) return jdError('66');
      return i === 0 ? httpStatus(503) : afsResult(CREATE, 100, '成功', { afsServiceId: 91 });
    });
    await expect(settle(client.createAfterSalesApplication(APPLICATION))).resolves.toEqual({ afsServiceId: 91, reused: true });
    // The lookup is a read: retried by the read policy (retryMax 2), then given up on.
    expect(methods(calls)).toEqual([CREATE, ORDER_GET, ORDER_GET, ORDER_GET, CREATE]);
    expect(calls[4].params).toEqual(calls[0].params);
  });

  it('when every lookup fails and every send is unknown, gives up after createMaxAttempts sends with the unknown outcome', async () => {
    const { client, calls } = setup((req) => (req.query.method === CREATE ? httpStatus(503) : jdError('12')), { createMaxAttempts: 2 });
    await expect(settle(client.createAfterSalesApplication(APPLICATION))).rejects.toMatchObject({
      kind: 'http',
      code: 'HTTP_503',
      method: CREATE,
    });
    expect(methods(calls)).toEqual([CREATE, ORDER_GET, CREATE, ORDER_GET]);
  });

  it('refuses to run without a thirdApplyId', async () => {
    const { client, calls } = setup(() => afsResult(CREATE, 100, '成功', { afsServiceId: 1 }));
    await expect(settle(client.createAfterSalesApplication({ ...APPLICATION, thirdApplyId: '' }))).rejects.toThrow(/thirdApplyId/);
    expect(calls).toHaveLength(0);
  });
});
