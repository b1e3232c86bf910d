/**
 * Redis operations of the JD cache and of the APQ store as spans of the request that caused them,
 * with the whole graph on a real Redis (REDIS_URL) and the OpenTelemetry SDK exporting into memory.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { issueCustomerToken } from '../../../gateway/auth';
import type { RunningStack } from '../../../stack';
import { startInMemoryTracing, type InMemoryTracing } from '../../support/in-memory-tracing';
import { DEMO_PINS, startTestStack } from '../../e2e/helpers';
import { eventually } from '../../support/eventually';
import { redisSuite, TEST_REDIS_URL } from '../../support/redis';

const { describe: suite, requireRedis } = redisSuite();

suite('Redis spans', () => {
  let tracing: InMemoryTracing;
  let stack: RunningStack;

  const idOf = (s: ReadableSpan) => s.spanContext().spanId;
  const parentOf = (spans: ReadableSpan[], s: ReadableSpan) => spans.find((p) => idOf(p) === s.parentSpanContext?.spanId);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(stack.urls.gateway, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  /** The spans of the next request, once they stop arriving. */
  async function spansOf(send: () => Promise<Response>): Promise<ReadableSpan[]> {
    tracing.exporter.reset();
    expect((await send()).status).toBe(200);
    return tracing.settledSpans();
  }

  beforeAll(async () => {
    requireRedis();
    tracing = startInMemoryTracing('redis-spans-test');
    stack = await startTestStack({ REDIS_URL: TEST_REDIS_URL, JD_CACHE_NAMESPACE: `redis-spans-${randomUUID()}` });
  }, 30_000);

  afterAll(async () => {
    await stack?.stop();
    await tracing?.stop();
  });

  it('traces the JD cache reads and writes of a load, with key counts and never a key', async () => {
    const token = await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice);
    const spans = await spansOf(() =>
      post(
        { query: '{ orders(first: 3) { edges { node { id items { product { price { amount } } } } } } }' },
        { authorization: `Bearer ${token}` },
      ),
    );
    const redis = spans.filter((s) => s.name.startsWith('redis ') && s.attributes['jd.redis.purpose'] === 'jd-cache');
    const reads = redis.filter((s) => s.name === 'redis MGET');
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      expect(parentOf(spans, read)?.name).toMatch(/^jd\.load /);
      expect(read.attributes).toMatchObject({ 'db.system.name': 'redis', 'db.operation.name': 'MGET' });
      expect(read.attributes['jd.redis.keys']).toBe(parentOf(spans, read)?.attributes['jd.keys']);
    }
    // A cold load writes what JD answered back.
    expect(redis.some((s) => s.name === 'redis MULTI SET')).toBe(true);
    expect(JSON.stringify(redis.map((s) => s.attributes))).not.toContain(DEMO_PINS.alice);
  });

  it('traces the APQ store: a hash-only miss reads, a registration writes', async () => {
    const query = `{ hotlines { number } } # ${randomUUID()}`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const apqOps = (spans: ReadableSpan[]) => spans.filter((s) => s.attributes['jd.redis.purpose'] === 'apq').map((s) => s.name);

    tracing.exporter.reset();
    await post({ extensions: { persistedQuery } }); // PERSISTED_QUERY_NOT_FOUND
    await eventually(() => apqOps(tracing.exporter.getFinishedSpans()).includes('redis GET'), 'the APQ lookup traced');
    const registration = await spansOf(() => post({ query, extensions: { persistedQuery } }));
    expect(apqOps(registration)).toContain('redis SET');
    const set = registration.find((s) => s.name === 'redis SET')!;
    // Part of the request's trace, under the gateway's request span.
    expect(new Set(registration.map((s) => s.spanContext().traceId)).size).toBe(1);
    expect(set.spanContext().traceId).toBe(registration.find((s) => s.name === 'query (anonymous)')?.spanContext().traceId);
  });
});
