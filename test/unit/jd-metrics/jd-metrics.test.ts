import { createJdMetrics } from '../../../jd/metrics';
import { createJdLoaderStats } from '../../../jd/loaders';
import { createJdClient } from '../../../jd/client';

const value = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('JD metrics collector', () => {
  it('counts client attempts by method and outcome, error codes and latency', async () => {
    const m = createJdMetrics({ loaderStats: createJdLoaderStats() });
    m.observe({ method: 'jingdong.ware.price.get', durationMs: 20, outcome: 'ok', attempt: 1 });
    m.observe({ method: 'jingdong.ware.price.get', durationMs: 40, outcome: 'error', code: '66', attempt: 1 });
    m.observe({ method: 'jingdong.ware.price.get', durationMs: 30, outcome: 'ok', attempt: 2 });
    const text = await m.registry.metrics();
    expect(value(text, 'jd_client_calls_total{method="jingdong.ware.price.get",outcome="ok"}')).toBe(2);
    expect(value(text, 'jd_client_calls_total{method="jingdong.ware.price.get",outcome="error"}')).toBe(1);
    expect(value(text, 'jd_client_errors_total{method="jingdong.ware.price.get",code="66"}')).toBe(1);
    expect(value(text, 'jd_client_call_duration_seconds_count{method="jingdong.ware.price.get"}')).toBe(3);
    expect(value(text, 'jd_client_call_duration_seconds_sum{method="jingdong.ware.price.get"}')).toBeCloseTo(0.09);
  });

  it("shows each method's circuit as a gauge: 0 closed, 1 half-open, 2 open", async () => {
    const m = createJdMetrics({ loaderStats: createJdLoaderStats() });
    m.observeBreaker('jingdong.ware.price.get', 'closed');
    m.observeBreaker('jingdong.pop.order.get', 'closed');
    m.observeBreaker('jingdong.pop.order.get', 'open');
    let text = await m.registry.metrics();
    expect(value(text, 'jd_client_breaker_state{method="jingdong.ware.price.get"}')).toBe(0);
    expect(value(text, 'jd_client_breaker_state{method="jingdong.pop.order.get"}')).toBe(2);
    m.observeBreaker('jingdong.pop.order.get', 'half-open');
    text = await m.registry.metrics();
    expect(value(text, 'jd_client_breaker_state{method="jingdong.pop.order.get"}')).toBe(1);
  });

  it("follows a real client's breaker through open, half-open and closed", async () => {
    const m = createJdMetrics({ loaderStats: createJdLoaderStats() });
    let healthy = false;
    const fetch = (async () =>
      healthy
        ? new Response(JSON.stringify({ jingdong_ware_price_get_responce: { code: '0', price_changes: [] } }))
        : new Response('bad gateway', { status: 502 })) as typeof globalThis.fetch;
    const client = createJdClient(
      {
        apiUrl: 'http://127.0.0.1:1/routerjson',
        appKey: 'k',
        appSecret: 's',
        accessToken: 't',
        retryMax: 0,
        breakerMinCalls: 1,
        breakerHalfOpenAfterMs: 1,
      },
      { fetch, observer: m.observe, onBreakerStateChange: m.observeBreaker },
    );
    const state = async () => value(await m.registry.metrics(), 'jd_client_breaker_state{method="jingdong.ware.price.get"}');
    await expect(client.call('jingdong.ware.price.get', { sku_id: 'J_1' })).rejects.toMatchObject({ code: 'HTTP_502' });
    expect(await state()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    healthy = true;
    await expect(client.call('jingdong.ware.price.get', { sku_id: 'J_1' })).resolves.toMatchObject({ code: '0' });
    expect(await state()).toBe(0);
  });

  it('reads the loader stats at scrape time, so it always shows the current totals', async () => {
    const stats = createJdLoaderStats();
    const m = createJdMetrics({ loaderStats: stats });
    stats.cacheMiss('jingdong.ware.price.get', 60);
    stats.jdCall('jingdong.ware.price.get', 60);
    let text = await m.registry.metrics();
    expect(value(text, 'jd_loader_cache_misses_total{method="jingdong.ware.price.get"}')).toBe(60);
    expect(value(text, 'jd_loader_calls_total{method="jingdong.ware.price.get"}')).toBe(1);
    expect(value(text, 'jd_loader_keys_sent_total{method="jingdong.ware.price.get"}')).toBe(60);
    stats.cacheHit('jingdong.ware.price.get', 60);
    stats.inFlightJoin('jingdong.pop.order.get');
    stats.windowSaved('jingdong.ware.price.get', 3);
    stats.windowSaved('jingdong.ware.price.get', 0);
    stats.cacheError();
    text = await m.registry.metrics();
    // Cumulative values, not re-added on every scrape.
    expect(value(text, 'jd_loader_cache_misses_total{method="jingdong.ware.price.get"}')).toBe(60);
    expect(value(text, 'jd_loader_cache_hits_total{method="jingdong.ware.price.get"}')).toBe(60);
    expect(value(text, 'jd_loader_inflight_joins_total{method="jingdong.pop.order.get"}')).toBe(1);
    expect(value(text, 'jd_loader_window_saved_calls_total{method="jingdong.ware.price.get"}')).toBe(3);
    expect(value(text, 'jd_cache_errors_total')).toBe(1);
  });

  it('keeps separate instances apart (one registry per process part, tests run several)', async () => {
    const a = createJdMetrics({ loaderStats: createJdLoaderStats() });
    const b = createJdMetrics({ loaderStats: createJdLoaderStats() });
    a.observe({ method: 'jingdong.pop.order.get', durationMs: 1, outcome: 'ok', attempt: 1 });
    expect(await b.registry.metrics()).not.toMatch(/jd_client_calls_total\{/);
  });
});
