import { createBatchWindow, createJdLoaders, createJdLoaderStats, type JdCache } from '../../../jd/loaders';
import type { WindowTimer } from '../../../jd/loaders/batch-window';
import type { JdCallOptions } from '../../../jd/client';
import { JD_METHODS } from '../../../jd/protocol';
import { callsOf, recordingJd, type FakeJdOptions, freshCachePerTest } from './fake-jd';

const fen = (p: unknown) => (p && !(p instanceof Error) ? (p as { priceFen: number }).priceFen : p);
const skus = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i));
const sent = (call: { params: Record<string, unknown> }) => String(call.params.sku_id ?? call.params.skuIds).split(',');

/** Lets every load started so far reach the window: only promise jobs and immediates, no clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** A window whose timers the test fires by hand, so nothing depends on how fast the machine is. */
function manualWindow() {
  const timers: { close: () => void; ms: number; cancelled: boolean }[] = [];
  const timer: WindowTimer = (close, ms) => {
    const t = { close, ms, cancelled: false };
    timers.push(t);
    return () => {
      t.cancelled = true;
    };
  };
  const window = createBatchWindow({ windowMs: 2, timer });
  /** Waits for pending loads to join, then closes every window still open. */
  const closeWindows = async () => {
    await settle();
    for (const t of timers.splice(0)) if (!t.cancelled) t.close();
  };
  return { window, timers, closeWindows };
}

/** The recording fake, also keeping each call's options (signal, deadline, priority), and optionally holding calls until released. */
function observedJd(options: FakeJdOptions = {}) {
  const [client, calls] = recordingJd(options);
  const seen: { options?: JdCallOptions }[] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  const real = client.call.bind(client);
  client.call = (async (method: never, params: never, callOptions?: JdCallOptions) => {
    seen.push({ options: callOptions });
    if (gate) await gate;
    return real(method, params);
  }) as typeof client.call;
  const hold = () => {
    gate = new Promise((resolve) => (release = resolve));
    return () => release();
  };
  return { client, calls, seen, hold };
}

describe('jd/loaders cross-request batch window', () => {
  let cache: JdCache;
  freshCachePerTest((c) => (cache = c));

  it("sends two requests' different misses within the window as one JD call, and each gets its own answers", async () => {
    const [client, calls] = recordingJd();
    const stats = createJdLoaderStats();
    const { window, closeWindows, timers } = manualWindow();
    const a = createJdLoaders({ client, cache, stats, batchWindow: window }).price.loadMany(['100001', '100002']);
    const b = createJdLoaders({ client, cache, stats, batchWindow: window }).price.loadMany(['100003']);
    await settle();
    // Both are waiting in one open window: nothing has left yet.
    expect(calls).toHaveLength(0);
    expect(timers.map((t) => t.ms)).toEqual([2]);
    await closeWindows();
    const [fromA, fromB] = await Promise.all([a, b]);
    expect(calls).toEqual([{ method: JD_METHODS.priceGet, params: { sku_id: 'J_100001,J_100002,J_100003' } }]);
    expect(fromA.map(fen)).toEqual([150, 250]);
    expect(fromB.map(fen)).toEqual([350]);
    expect(stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ jdCalls: 1, keysSent: 3, windowSavedCalls: 1, jdCallErrors: 0 });
    // Answers were written back and the in-flight entries released, as without a window.
    await settle();
    expect(cache.inFlight.size).toBe(0);
    await createJdLoaders({ client, cache, batchWindow: window }).price.loadMany(['100001', '100003']);
    expect(calls).toHaveLength(1);
  });

  it('without a window, the same two requests make two JD calls', async () => {
    const [client, calls] = recordingJd();
    await Promise.all([
      createJdLoaders({ client, cache }).price.loadMany(['100001', '100002']),
      createJdLoaders({ client, cache }).price.loadMany(['100003']),
    ]);
    expect(calls.map(sent)).toEqual([['J_100001', 'J_100002'], ['J_100003']]);
  });

  it('merges stock and goods too, one call per method, and leaves one-entity methods alone', async () => {
    const [client, calls] = recordingJd({ orders: [] });
    const { window, closeWindows } = manualWindow();
    const a = createJdLoaders({ client, cache, batchWindow: window, customerPin: 'alice' });
    const b = createJdLoaders({ client, cache, batchWindow: window, customerPin: 'bob' });
    const loads = Promise.all([
      a.stock.load('100001'),
      b.stock.load('100002'),
      a.goods.load('100001'),
      b.goods.load('100002'),
      a.order.load('A1'),
      b.order.load('B1'),
    ]);
    await settle();
    // Orders left at once, one call per key; the batch methods wait for the window.
    expect(calls.map((c) => c.method)).toEqual([JD_METHODS.orderGet, JD_METHODS.orderGet]);
    await closeWindows();
    await loads;
    expect(callsOf(calls, JD_METHODS.stockGet).map(sent)).toEqual([['100001', '100002']]);
    expect(callsOf(calls, JD_METHODS.goodsInfo).map(sent)).toEqual([['100001', '100002']]);
  });

  it('sends a batch that would overflow 100 keys at once and opens a new one', async () => {
    const [client, calls] = recordingJd();
    const stats = createJdLoaderStats();
    const { window, closeWindows } = manualWindow();
    const big = skus(200000, 250);
    const a = createJdLoaders({ client, cache, stats, batchWindow: window }).price.loadMany(big);
    await settle();
    // 100 + 100 + 50: each chunk that does not fit sends the one before it without waiting.
    expect(calls.map((c) => sent(c).length)).toEqual([100, 100]);
    const small = skus(300000, 30);
    const b = createJdLoaders({ client, cache, stats, batchWindow: window }).price.loadMany(small);
    await closeWindows();
    const [fromA, fromB] = await Promise.all([a, b]);
    expect(calls.map(sent)).toEqual([
      big.slice(0, 100).map((id) => `J_${id}`),
      big.slice(100, 200).map((id) => `J_${id}`),
      [...big.slice(200), ...small].map((id) => `J_${id}`),
    ]);
    expect(fromA.every((p) => p && !(p instanceof Error))).toBe(true);
    expect(fromB.map(fen)).toEqual(small.map((id) => (Number(id) % 1000) * 100 + 50));
    expect(stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ jdCalls: 3, keysSent: 280, windowSavedCalls: 1 });
  });

  it('rejects a participant that stopped before the window closed with its own error, and does not send its keys', async () => {
    const jd = observedJd();
    const stats = createJdLoaderStats();
    const { window, closeWindows } = manualWindow();
    const left = new AbortController();
    const a = createJdLoaders({ client: jd.client, cache, stats, batchWindow: window, call: { signal: left.signal } }).price.loadMany([
      '100001',
      '100002',
    ]);
    const b = createJdLoaders({ client: jd.client, cache, stats, batchWindow: window }).price.loadMany(['100003']);
    await settle();
    const reason = new Error('client disconnected');
    left.abort(reason);
    await closeWindows();
    const [fromA, fromB] = await Promise.all([a, b]);
    expect(fromA).toEqual([reason, reason]);
    expect(fromB.map(fen)).toEqual([350]);
    expect(jd.calls.map(sent)).toEqual([['J_100003']]);
    // The live participant has no signal, so the merged call has none either.
    expect(jd.seen[0].options).toEqual({ signal: undefined, deadline: undefined, background: false, caller: undefined });
    expect(stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ jdCalls: 1, windowSavedCalls: 0 });
    await settle();
    expect(cache.inFlight.size).toBe(0);
  });

  it('sends nothing when every participant stopped before the window closed', async () => {
    const jd = observedJd();
    const stats = createJdLoaderStats();
    const { window, closeWindows } = manualWindow();
    const first = new AbortController();
    const a = createJdLoaders({ client: jd.client, cache, stats, batchWindow: window, call: { signal: first.signal } }).price.load(
      '100001',
    );
    let now = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const b = createJdLoaders({ client: jd.client, cache, stats, batchWindow: window, call: { deadline: now + 1000 } }).price.load(
      '100002',
    );
    await settle();
    first.abort(new Error('gone'));
    now += 1000;
    await closeWindows();
    await expect(a).rejects.toThrow('gone');
    await expect(b).rejects.toMatchObject({ kind: 'deadline' });
    expect(jd.calls).toHaveLength(0);
    expect(stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ jdCalls: 0, keysSent: 0 });
  });

  it("gives the merged call the latest participant's deadline, and none when any participant has none", async () => {
    const jd = observedJd();
    const { window, closeWindows } = manualWindow();
    const now = Date.now();
    const load = (sku: string, call?: JdCallOptions) =>
      createJdLoaders({ client: jd.client, cache, batchWindow: window, call }).price.load(sku);
    const first = Promise.all([
      load('100001', { deadline: now + 10_000 }),
      load('100002', { deadline: now + 30_000 }),
      load('100003', { deadline: now + 20_000 }),
    ]);
    await closeWindows();
    await first;
    const second = Promise.all([load('100004', { deadline: now + 10_000 }), load('100005')]);
    await closeWindows();
    await second;
    expect(jd.calls.map(sent)).toEqual([
      ['J_100001', 'J_100002', 'J_100003'],
      ['J_100004', 'J_100005'],
    ]);
    expect(jd.seen.map((s) => s.options?.deadline)).toEqual([now + 30_000, undefined]);
  });

  it('aborts the merged call only once every participant has aborted, and then lets go of their signals', async () => {
    const jd = observedJd();
    const { window, closeWindows } = manualWindow();
    const a = new AbortController();
    const b = new AbortController();
    const release = jd.hold();
    const loads = [
      createJdLoaders({ client: jd.client, cache, batchWindow: window, call: { signal: a.signal } }).price.load('100001'),
      createJdLoaders({ client: jd.client, cache, batchWindow: window, call: { signal: b.signal } }).price.load('100002'),
    ].map((p) => p.catch((e: unknown) => e));
    await closeWindows();
    const merged = jd.seen[0].options?.signal as AbortSignal;
    expect(merged).toBeDefined();
    a.abort(new Error('a left'));
    expect(merged.aborted).toBe(false);
    b.abort(new Error('b left'));
    expect(merged.aborted).toBe(true);
    expect(merged.reason).toEqual(new Error('b left'));
    release();
    await Promise.all(loads);

    // After a call settles, aborting its participants no longer reaches its signal.
    const c = new AbortController();
    const d = new AbortController();
    const settled = Promise.all([
      createJdLoaders({ client: jd.client, cache, batchWindow: window, call: { signal: c.signal } }).price.load('100003'),
      createJdLoaders({ client: jd.client, cache, batchWindow: window, call: { signal: d.signal } }).price.load('100004'),
    ]);
    await closeWindows();
    expect((await settled).map(fen)).toEqual([350, 450]);
    await settle();
    c.abort();
    d.abort();
    expect((jd.seen[1].options?.signal as AbortSignal).aborted).toBe(false);
  });

  it("fails only that call's keys, for every participant in it, and counts the failure once", async () => {
    const first = skus(400000, 60);
    const second = skus(500000, 60);
    const third = skus(600000, 10);
    const [client, calls] = recordingJd({
      fail: (_, p) => (String(p.sku_id).includes(`J_${second[0]}`) ? new Error('JD code 43') : undefined),
    });
    const stats = createJdLoaderStats();
    const { window, closeWindows } = manualWindow();
    const loaders = () => createJdLoaders({ client, cache, stats, batchWindow: window });
    const a = loaders().price.loadMany(first);
    await settle();
    // b does not fit beside a: a's batch leaves, b opens the next one, which c joins.
    const b = loaders().price.loadMany(second);
    const c = loaders().price.loadMany(third);
    await closeWindows();
    const [fromA, fromB, fromC] = await Promise.all([a, b, c]);
    expect(calls.map((call) => sent(call).length)).toEqual([60, 70]);
    expect(fromA.every((p) => p && !(p instanceof Error))).toBe(true);
    expect([...fromB, ...fromC].every((p) => p instanceof Error && p.message === 'JD code 43')).toBe(true);
    expect(stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ jdCalls: 2, jdCallErrors: 1, windowSavedCalls: 1 });
    // Nothing of the failed call was cached: the next read asks JD again.
    await settle();
    calls.length = 0;
    const again = loaders().price.loadMany(third);
    await closeWindows();
    await again;
    expect(calls).toHaveLength(1);
  });

  it('runs the merged call in the foreground for no single caller, whoever started the window', async () => {
    const jd = observedJd();
    const { window, closeWindows } = manualWindow();
    const loads = Promise.all([
      createJdLoaders({ client: jd.client, cache, batchWindow: window, call: { caller: 'customer:alice' } }).price.load('100001'),
      createJdLoaders({ client: jd.client, cache, batchWindow: window, call: { caller: 'customer:bob' } }).price.load('100002'),
    ]);
    await closeWindows();
    await loads;
    // The call goes out through the first participant's (alice's) client view: the merged options override her caller.
    expect(jd.calls.map(sent)).toEqual([['J_100001', 'J_100002']]);
    expect(jd.seen).toEqual([{ options: { signal: undefined, deadline: undefined, background: false, caller: undefined } }]);
  });

  it('lets a fresh read share the window, and the merged call answers it with what JD says when the call leaves', async () => {
    const [client, calls] = recordingJd();
    const { window, closeWindows } = manualWindow();
    const fresh = createJdLoaders({ client, cache, batchWindow: window }).freshPrice.load('100001');
    const cached = createJdLoaders({ client, cache, batchWindow: window }).price.load('100002');
    await closeWindows();
    expect([fen(await fresh), fen(await cached)]).toEqual([150, 250]);
    expect(calls.map(sent)).toEqual([['J_100001', 'J_100002']]);
  });
});
