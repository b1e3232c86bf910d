import { createJdClient, type JdCallObservation, signJdParams, JdApiError } from '../../../jd/client';
import {
  fakeTime,
  restoreTime,
  settle,
  httpStatus,
  jdError,
  jdOk,
  afsResult,
  recordingFetch,
  SANDBOX_LIKE,
  type FakeAnswer,
  type FakeHandler,
  type RecordedRequest,
  FAKE_START,
} from './fake-jd';

const ORDER_GET = 'jingdong.pop.order.get' as const;
const PRICE_GET = 'jingdong.ware.price.get' as const;
const CANCEL = 'jingdong.afsservice.service.cancel' as const;

function setup(handler: FakeHandler, overrides: Record<string, unknown> = {}) {
  const [fetch, calls] = recordingFetch(handler);
  const observations: JdCallObservation[] = [];
  const client = createJdClient(
    {
      ...SANDBOX_LIKE,
      retryMax: 2,
      retryBaseDelayMs: 100,
      retryMaxDelayMs: 1000,
      breakerMinCalls: 100,
      rateLimitPerSecond: 1000,
      ...overrides,
    },
    { fetch, observer: (o) => observations.push(o) },
  );
  return { client, calls, observations };
}

/** Milliseconds between consecutive requests: under fake timers, exactly the client's waits. */
const gaps = (calls: RecordedRequest[]) => calls.slice(1).map((c, i) => c.at - calls[i].at);

beforeEach(() => fakeTime());
afterEach(() => restoreTime());

describe('createJdClient: what goes over the wire', () => {
  it('sends one signed POST per call and returns the unwrapped result', async () => {
    const { client, calls } = setup((req) =>
      jdOk(req.query.method, { price_changes: [{ sku_id: 'J_1', price: '9.90', market_price: '12.00' }] }),
    );
    const result = await settle(client.call(PRICE_GET, { sku_id: 'J_1,J_2' }));
    expect(result).toEqual({ code: '0', price_changes: [{ sku_id: 'J_1', price: '9.90', market_price: '12.00' }] });
    expect(calls).toHaveLength(1);
    const [sent] = calls;
    expect(sent.httpMethod).toBe('POST');
    expect(sent.path).toBe('/routerjson');
    expect(sent.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent.params).toEqual({ sku_id: 'J_1,J_2' });
    expect(sent.form).toEqual({ '360buy_param_json': '{"sku_id":"J_1,J_2"}' });
    const { sign, ...system } = sent.query;
    // fakeTime starts at 2024-01-01T19:04:05Z = 2024-01-02 03:04:05 in Shanghai.
    expect(system).toEqual({
      method: PRICE_GET,
      app_key: 'testappkey',
      access_token: 'testtoken',
      timestamp: '2024-01-02 03:04:05.000+0800',
      v: '2.0',
    });
    expect(sign).toBe(signJdParams({ ...system, ...sent.form }, 'testsecret', 'md5'));
  });

  it('reproduces the documented md5 vector end to end', async () => {
    const { client, calls } = setup((req) =>
      jdOk(req.query.method, { orderDetailInfo: { apiResult: { success: true }, orderInfo: null } }),
    );
    await settle(client.call(ORDER_GET, { order_id: '123', optional_fields: 'orderId,itemInfoList' }));
    expect(calls[0].query.sign).toBe('7B17C13642D16C931EACE835763C8395');
  });

  it('signs with the configured sign method and says so', async () => {
    const { client, calls } = setup(
      (req) => jdOk(req.query.method, { orderDetailInfo: { apiResult: { success: true }, orderInfo: null } }),
      { signMethod: 'hmacmd5' },
    );
    await settle(client.call(ORDER_GET, { order_id: '123', optional_fields: 'orderId,itemInfoList' }));
    expect(calls[0].query.sign_method).toBe('hmacmd5');
    expect(calls[0].query.sign).toBe('42B6BC27F005505A58CBD62FEFB88F09');
  });

  it('reports each HTTP attempt to the observer', async () => {
    const { client, observations } = setup((req, i) => (i === 0 ? httpStatus(503) : jdOk(req.query.method, { price_changes: [] })));
    await settle(client.call(PRICE_GET, { sku_id: 'J_1' }));
    expect(observations).toEqual([
      { method: PRICE_GET, durationMs: 0, outcome: 'error', code: 'HTTP_503', attempt: 1 },
      { method: PRICE_GET, durationMs: 0, outcome: 'ok', attempt: 2 },
    ]);
  });
});

describe('createJdClient: retries', () => {
  it.each([
    ['HTTP 503', () => httpStatus(503)],
    ['system code 1', () => jdError('1')],
    ['system code 43', () => jdError('43')],
    ['system code 65', () => jdError('65')],
    ['system code 66', () => jdError('66')],
    ['system code 67', () => jdError('67')],
    ['a network error', () => new TypeError('fetch failed')],
  ])('retries a read after %s, with jittered backoff between attempts', async (_name, fail) => {
    const { client, calls } = setup((req, i) => (i < 2 ? fail() : jdOk(req.query.method, { price_changes: [] })));
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).resolves.toEqual({ code: '0', price_changes: [] });
    expect(calls).toHaveLength(3);
    expect(gaps(calls)).toEqual([75, 150]); // random() = 0.5: step/2 + step/4
    // Each attempt is freshly signed with its own timestamp.
    expect(new Set(calls.map((c) => c.query.timestamp)).size).toBe(3);
  });

  it('retries a read after a transient after-sales 500', async () => {
    const method = 'jingdong.afsservice.service.detail.get' as const;
    const { client, calls } = setup((req, i) =>
      i === 0 ? afsResult(method, 500, '系统异常') : afsResult(method, 100, '成功', { serviceDetailInfo: {} }),
    );
    await expect(settle(client.call(method, { afsServiceId: 1 }))).resolves.toMatchObject({ resultCode: 100 });
    expect(calls).toHaveLength(2);
  });

  it('gives up after retryMax retries and throws the last transient error', async () => {
    const { client, calls } = setup(() => jdError('66', '后端不可用', 'Backend unavailable'));
    const error = await settle(client.call(PRICE_GET, { sku_id: 'J_1' }).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(JdApiError);
    expect(error).toMatchObject({
      kind: 'system',
      code: '66',
      zhDesc: '后端不可用',
      enDesc: 'Backend unavailable',
      method: PRICE_GET,
      retryable: true,
    });
    expect(calls).toHaveLength(3);
  });

  it.each([
    ['invalid signature (12)', () => jdError('12')],
    ['call limit (2)', () => jdError('2')],
    ['invalid parameter value (61)', () => jdError('61')],
    ['HTTP 404', () => httpStatus(404, 'nope')],
  ])('never retries a read after %s', async (_name, fail) => {
    const { client, calls } = setup(() => fail());
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).rejects.toBeInstanceOf(JdApiError);
    expect(calls).toHaveLength(1);
  });

  it('never retries a write, even after a transient failure', async () => {
    const { client, calls } = setup(() => httpStatus(503));
    await expect(settle(client.call(CANCEL, { afsServiceId: 1, customerPin: 'jd_demo_alice' }))).rejects.toMatchObject({
      kind: 'http',
      code: 'HTTP_503',
    });
    expect(calls).toHaveLength(1);
    const create = setup(() => jdError('1'));
    await expect(settle(create.client.call('jingdong.afsservice.apply.create', {} as never))).rejects.toMatchObject({ code: '1' });
    expect(create.calls).toHaveLength(1);
  });

  it('stops retrying when the caller aborts', async () => {
    const caller = new AbortController();
    const { client, calls } = setup(() => {
      caller.abort(new Error('client went away'));
      return httpStatus(503);
    });
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }, { signal: caller.signal }))).rejects.toThrow('client went away');
    expect(calls).toHaveLength(1);
  });
});

describe("createJdClient: the caller's signal reaches every wait", () => {
  const reason = new Error('client went away');

  it('sends nothing for a caller who already gave up', async () => {
    const { client, calls } = setup((req) => jdOk(req.query.method, { price_changes: [] }));
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }, { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
    expect(calls).toHaveLength(0);
  });

  it("ends the backoff between retries at once, with the caller's reason, and sends nothing more", async () => {
    const { client, calls } = setup(() => httpStatus(503));
    const caller = new AbortController();
    const pending = client.call(PRICE_GET, { sku_id: 'J_1' }, { signal: caller.signal });
    pending.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(10); // first attempt failed; 75 ms backoff under way
    caller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(Date.now() - FAKE_START).toBe(10);
    await jest.runAllTimersAsync();
    expect(calls).toHaveLength(1);
  });

  it("ends a wait for a rate-limit slot, and the hung attempt itself, with the caller's reason", async () => {
    const { client, calls } = setup(() => 'hang', { rateLimitPerSecond: 1, timeoutMs: 5000 });
    const first = new AbortController();
    const second = new AbortController();
    const hanging = client.call(PRICE_GET, { sku_id: 'J_1' }, { signal: first.signal });
    const queued = client.call(PRICE_GET, { sku_id: 'J_2' }, { signal: second.signal });
    hanging.catch(() => undefined);
    queued.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(100);
    expect(calls).toHaveLength(1);
    second.abort(reason);
    await expect(queued).rejects.toBe(reason);
    first.abort(reason);
    await expect(hanging).rejects.toBe(reason);
    expect(calls[0].signal?.aborted).toBe(true);
    await jest.runAllTimersAsync();
    expect(calls).toHaveLength(1);
  });
});

describe("createJdClient: the caller's deadline", () => {
  it('sends nothing once the deadline has passed, with kind deadline', async () => {
    const { client, calls } = setup((req) => jdOk(req.query.method, { price_changes: [] }));
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }, { deadline: Date.now() }))).rejects.toMatchObject({
      kind: 'deadline',
      code: 'DEADLINE_EXCEEDED',
      retryable: false,
    });
    expect(calls).toHaveLength(0);
  });

  it('cuts a hung attempt short at the deadline, well before timeoutMs, and retries nothing after it', async () => {
    const { client, calls } = setup(() => 'hang', { timeoutMs: 5000, retryMax: 2 });
    const pending = client.call(PRICE_GET, { sku_id: 'J_1' }, { deadline: Date.now() + 300 });
    pending.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(300);
    await expect(pending).rejects.toMatchObject({ kind: 'deadline' });
    expect(calls).toHaveLength(1);
    expect(calls[0].signal?.aborted).toBe(true);
    await jest.runAllTimersAsync();
    expect(calls).toHaveLength(1);
  });

  it('ends the backoff between retries at the deadline and starts no retry after it', async () => {
    const { client, calls } = setup(() => httpStatus(503), { retryBaseDelayMs: 400, retryMaxDelayMs: 400, retryMax: 5 });
    const pending = client.call(PRICE_GET, { sku_id: 'J_1' }, { deadline: Date.now() + 50 });
    pending.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(50);
    await expect(pending).rejects.toMatchObject({ kind: 'deadline' });
    await jest.runAllTimersAsync();
    expect(calls).toHaveLength(1);
  });

  it('does not count a deadline against the breaker: JD may be fine, the request ran out of time', async () => {
    const { client, calls } = setup((req, i) => (i < 3 ? 'hang' : jdOk(req.query.method, { price_changes: [] })), {
      breakerMinCalls: 2,
      timeoutMs: 5000,
    });
    for (let i = 0; i < 3; i++) {
      const pending = client.call(PRICE_GET, { sku_id: 'J_1' }, { deadline: Date.now() + 10 });
      pending.catch(() => undefined);
      await jest.advanceTimersByTimeAsync(10);
      await expect(pending).rejects.toMatchObject({ kind: 'deadline' });
    }
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).resolves.toMatchObject({ code: '0' });
    expect(calls).toHaveLength(4);
  });

  it("stops an idempotent create's reconciliation at the deadline", async () => {
    const { client, calls } = setup(() => 'hang', { timeoutMs: 100, retryBaseDelayMs: 1000, retryMaxDelayMs: 1000 });
    const params = { orderId: '1', customerPin: 'p', thirdApplyId: 'k-1' } as never;
    const pending = client.createAfterSalesApplication(params, { deadline: Date.now() + 150 });
    pending.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(150);
    await expect(pending).rejects.toMatchObject({ kind: 'deadline' });
    await jest.runAllTimersAsync();
    // The create timed out (outcome unknown); the lookup that would follow the backoff never left.
    expect(calls.map((c) => c.query.method)).toEqual(['jingdong.afsservice.apply.create']);
  });
});

describe('createJdClient: timeout', () => {
  it('aborts the HTTP request after timeoutMs and retries a read', async () => {
    const { client, calls, observations } = setup((req, i) => (i === 0 ? 'hang' : jdOk(req.query.method, { price_changes: [] })), {
      timeoutMs: 25,
    });
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).resolves.toMatchObject({ code: '0' });
    expect(calls).toHaveLength(2);
    expect(calls[0].signal?.aborted).toBe(true);
    expect(observations[0]).toMatchObject({ outcome: 'error', code: 'TIMEOUT', attempt: 1 });
  });

  it('fails with kind timeout once retries are spent', async () => {
    const { client, calls } = setup(() => 'hang', { timeoutMs: 20, retryMax: 1 });
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).rejects.toMatchObject({
      kind: 'timeout',
      code: 'TIMEOUT',
      retryable: true,
      method: PRICE_GET,
    });
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.signal?.aborted)).toBe(true);
  });
});

describe('createJdClient: circuit breaker per method', () => {
  it('opens once enough calls in the window failed, refuses without sending, leaves other methods alone, then half-opens', async () => {
    let healthy = false;
    const { client, calls } = setup(
      (req) =>
        healthy
          ? jdOk(req.query.method, { price_changes: [], orderDetailInfo: { apiResult: { success: true }, orderInfo: null } })
          : httpStatus(502),
      { breakerMinCalls: 3, breakerHalfOpenAfterMs: 5000, retryMax: 0 },
    );
    for (let i = 0; i < 3; i++) await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).rejects.toMatchObject({ code: 'HTTP_502' });
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).rejects.toMatchObject({ kind: 'circuit-open', method: PRICE_GET });
    expect(calls).toHaveLength(3);

    healthy = true;
    await expect(settle(client.call(ORDER_GET, { order_id: '1' }))).resolves.toMatchObject({ code: '0' });
    expect(calls).toHaveLength(4);

    jest.advanceTimersByTime(5000);
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).resolves.toMatchObject({ code: '0' });
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).resolves.toMatchObject({ code: '0' });
    expect(calls.filter((c) => c.query.method === PRICE_GET)).toHaveLength(5);
  });

  it('opens on the failure rate, counting a definite answer as healthy, and refuses other calls while a half-open trial is in flight', async () => {
    let answer: () => FakeAnswer | Promise<FakeAnswer> = () => httpStatus(502);
    const { client, calls } = setup(() => answer(), {
      breakerMinCalls: 4,
      breakerFailurePercent: 50,
      breakerHalfOpenAfterMs: 1000,
      retryMax: 0,
      timeoutMs: 60_000,
    });
    const fail = async (code: string) => expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).rejects.toMatchObject({ code });
    // Two failures and two refusals JD answered (code 61): 50% failed, not more, so the circuit stays closed…
    await fail('HTTP_502');
    answer = () => jdError('61');
    await fail('61');
    answer = () => httpStatus(502);
    await fail('HTTP_502');
    answer = () => jdError('61');
    await fail('61');
    // …failures in a row at that rate do not open it either, until the rate passes 50% (3 of 5).
    answer = () => httpStatus(502);
    await fail('HTTP_502');
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).rejects.toMatchObject({ kind: 'circuit-open' });
    expect(calls).toHaveLength(5);

    jest.advanceTimersByTime(1000);
    let release!: () => void;
    answer = () =>
      new Promise<FakeAnswer>((resolve) => {
        release = () => resolve(jdOk(PRICE_GET, { price_changes: [] }));
      });
    const trial = client.call(PRICE_GET, { sku_id: 'J_1' });
    await jest.advanceTimersByTimeAsync(0);
    await expect(client.call(PRICE_GET, { sku_id: 'J_2' })).rejects.toMatchObject({ kind: 'circuit-open' });
    release();
    await expect(trial).resolves.toMatchObject({ code: '0' });
    expect(calls.map((c) => c.params)).toEqual(Array(6).fill({ sku_id: 'J_1' }));
  });

  it("reports each method's breaker state to onBreakerStateChange, and a throwing listener fails no call", async () => {
    const [fetch, calls] = recordingFetch((req) =>
      req.query.method === PRICE_GET
        ? httpStatus(502)
        : jdOk(req.query.method, { orderDetailInfo: { apiResult: { success: true }, orderInfo: null } }),
    );
    const changes: string[] = [];
    const client = createJdClient(
      { ...SANDBOX_LIKE, breakerMinCalls: 1, breakerHalfOpenAfterMs: 1000, retryMax: 0 },
      {
        fetch,
        onBreakerStateChange: (method, state) => {
          changes.push(`${method} ${state}`);
          throw new Error('metrics bug');
        },
      },
    );
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).rejects.toMatchObject({ code: 'HTTP_502' });
    await expect(settle(client.call(ORDER_GET, { order_id: '1' }))).resolves.toMatchObject({ code: '0' });
    jest.advanceTimersByTime(1000);
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).rejects.toMatchObject({ code: 'HTTP_502' });
    expect(changes).toEqual([
      `${PRICE_GET} closed`,
      `${PRICE_GET} open`,
      `${ORDER_GET} closed`,
      `${PRICE_GET} half-open`,
      `${PRICE_GET} open`,
    ]);
    expect(calls).toHaveLength(3);
  });

  it("a circuit-open refusal ends a read's retries at once", async () => {
    const { client, calls } = setup(() => httpStatus(500), { breakerMinCalls: 2, retryMax: 5 });
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).rejects.toMatchObject({ kind: 'circuit-open' });
    expect(calls).toHaveLength(2);
  });
});

describe('createJdClient: rate limit per app key', () => {
  it('spaces calls so no second holds more than the limit, waiting rather than failing', async () => {
    const { client, calls } = setup((req) => jdOk(req.query.method, { price_changes: [] }), { rateLimitPerSecond: 2 });
    const sentAt: number[] = [];
    for (let i = 0; i < 4; i++) {
      await settle(client.call(PRICE_GET, { sku_id: `J_${i}` }));
      sentAt.push(Date.now());
    }
    expect(sentAt.map((t) => t - sentAt[0])).toEqual([0, 0, 1000, 1000]);
    expect(calls).toHaveLength(4);
    // The timestamp is taken after the wait, when the request actually leaves.
    expect(calls.map((c) => c.query.timestamp)).toEqual([
      '2024-01-02 03:04:05.000+0800',
      '2024-01-02 03:04:05.000+0800',
      '2024-01-02 03:04:06.000+0800',
      '2024-01-02 03:04:06.000+0800',
    ]);
  });

  it('fails with kind rate-limited, sending nothing, once the wait would pass the bound', async () => {
    const { client, calls } = setup((req) => jdOk(req.query.method, { price_changes: [] }), {
      rateLimitPerSecond: 1,
      rateLimitMaxWaitMs: 100,
    });
    await settle(client.call(PRICE_GET, { sku_id: 'J_1' }));
    // A second call in the same instant would have to wait 1000 ms > 100 ms.
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_2' }))).rejects.toMatchObject({ kind: 'rate-limited', code: 'RATE_LIMITED' });
    expect(calls).toHaveLength(1);
  });
});

describe('createJdClient: robustness', () => {
  it('falls back to defaults for settings passed as undefined, and survives a throwing observer', async () => {
    const [fetch, calls] = recordingFetch((req) => jdOk(req.query.method, { price_changes: [] }));
    const client = createJdClient(
      { ...SANDBOX_LIKE, timeoutMs: undefined, signMethod: undefined },
      {
        fetch,
        observer: () => {
          throw new Error('metrics bug');
        },
      },
    );
    await expect(settle(client.call(PRICE_GET, { sku_id: 'J_1' }))).resolves.toEqual({ code: '0', price_changes: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0].query.sign_method).toBeUndefined();
  });
});
