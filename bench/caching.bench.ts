/**
 * Bench 2 — caching: one request's loaders (price, goods and stock of 250 order lines) over a cold
 * cache against a warm one, for the in-memory keyv cache and for Redis; JD at 5 ms ± 1 per call.
 */
import { createJdCache, createJdLoaders, createJdLoaderStats, DEFAULT_JD_TTL_MS, type JdCache, type JdTtlTable } from '../jd/loaders';
import { orderLines, settled, startJdFixture, timed } from './lib/jd-fixture';
import { connectBenchRedis } from './lib/redis';
import type { BenchResult } from './lib/report';
import { interleave, median, quantile, round } from './lib/stats';

const LINES = 250;
// Long TTLs so the warm cache cannot expire during the run (stock's default is 15 s).
const TTL: JdTtlTable = Object.fromEntries(Object.keys(DEFAULT_JD_TTL_MS).map((m) => [m, 10 * 60_000])) as JdTtlTable;

interface Sample {
  ms: number;
  jdCalls: number;
  cacheHits: number;
}

export async function runCachingBench(options: { rounds: number }): Promise<BenchResult> {
  const latency = { latencyMs: 4, jitterMs: 2 };
  const jd = await startJdFixture({ '*': latency });
  const redis = await connectBenchRedis();
  const caches: JdCache[] = [];
  const open = (c: JdCache) => {
    caches.push(c);
    return c;
  };
  try {
    const lines = orderLines(jd.sandbox, LINES);
    const skuIds = lines.skuIds;
    let reference = '';

    /** One request: the price, goods facts and stock of every line, all asked in the same tick. */
    const request = (cache: JdCache) => async (): Promise<Sample> => {
      const stats = createJdLoaderStats();
      const loaders = createJdLoaders({ client: jd.client, cache, stats, ttl: TTL });
      const before = jd.jdCalls();
      const { ms, value } = await timed(() =>
        Promise.all([
          Promise.all(skuIds.map((s) => loaders.price.load(s))),
          Promise.all(skuIds.map((s) => loaders.goods.load(s))),
          Promise.all(skuIds.map((s) => loaders.stock.load(s))),
        ]),
      );
      const answer = JSON.stringify(value);
      if (!reference) reference = answer;
      else if (answer !== reference) throw new Error("a cached answer differs from JD's: the bench (or the cache) is wrong");
      const hits = Object.values(stats.snapshot().methods).reduce((n, m) => n + m.cacheHits, 0);
      return { ms, jdCalls: jd.jdCalls() - before, cacheHits: hits };
    };
    const cold = (makeCache: () => Promise<JdCache> | JdCache, clear?: (c: JdCache) => Promise<void>) => {
      return async (): Promise<Sample> => {
        const cache = await makeCache();
        const sample = await request(cache)();
        await settled(cache);
        if (clear) await clear(cache);
        return sample;
      };
    };
    const warm = async (cache: JdCache) => {
      await request(cache)(); // primes the cache (and is the JIT warm-up)
      await settled(cache);
      return request(cache);
    };

    const variants: Record<string, () => Promise<Sample>> = {};
    const memoryWarm = await warm(open(createJdCache()));
    variants['memory, cold'] = cold(() => createJdCache());
    variants['memory, warm'] = memoryWarm;
    let redisNote = '';
    if (typeof redis === 'string') {
      redisNote = `Redis variants skipped: ${redis}.`;
    } else {
      const coldNs = redis.namespace('cold');
      const coldRedis = open(createJdCache({ redisUrl: redis.url, namespace: coldNs }));
      const redisWarm = await warm(open(createJdCache({ redisUrl: redis.url, namespace: redis.namespace('warm') })));
      variants['Redis, cold'] = cold(
        () => coldRedis,
        async () => {
          await redis.cleanUp(coldNs);
        },
      );
      variants['Redis, warm'] = redisWarm;
    }
    const samples = await interleave(options.rounds, variants);
    const ms = (n: string) => samples[n].map((s) => s.ms);
    const ratio = (c: string, w: string) => (samples[c] && samples[w] ? `${round(median(ms(c)) / median(ms(w)))}×` : 'n/a');
    let leftover: number | string = 'n/a (no Redis)';
    if (typeof redis !== 'string') {
      await Promise.all(caches.map(settled));
      await redis.cleanUp();
      leftover = await redis.countKeys();
      redisNote = `Redis at ${redis.url}, unique namespaces per run; keys left after clean-up: ${leftover}.`;
    }
    return {
      name: 'caching',
      title: "Bench 2 — caching: a request's loaders over a cold vs warm keyv cache (memory and Redis)",
      method: [
        `Workload (one "request"): price, goods facts and stock of the first ${LINES} order lines (${lines.distinct} distinct SKUs), one \`load\` per line and field in the same tick — 3 batch methods.`,
        'In-process JD sandbox, 4 ms + uniform 0..2 ms (5 ms ± 1) on every method, real JD client over loopback HTTP; JD calls counted by the sandbox.',
        'Cold: memory — a new empty cache per request; Redis — a dedicated namespace emptied before every cold request (outside the timing).',
        'Warm: one cache primed by one request beforehand; every measured request makes new loaders over it (per-request DataLoaders, shared cache).',
        "TTLs raised to 10 min for every method so no warm entry expires mid-run; every answer is compared with the first request's.",
        `${options.rounds} rounds, variants interleaved in one process; medians reported.`,
      ],
      tables: [
        {
          title: 'Results',
          columns: ['variant', 'JD calls per request (median)', 'cache hits per request (median)', 'median wall ms', 'p90 wall ms'],
          rows: Object.keys(variants).map((n) => [
            n,
            median(samples[n].map((s) => s.jdCalls)),
            median(samples[n].map((s) => s.cacheHits)),
            round(median(ms(n))),
            round(quantile(ms(n), 0.9)),
          ]),
        },
        {
          title: 'Ratios (median cold ÷ median warm)',
          columns: ['backend', 'cold ÷ warm'],
          rows: [
            ['memory', ratio('memory, cold', 'memory, warm')],
            ['Redis', ratio('Redis, cold', 'Redis, warm')],
          ],
        },
      ],
      notes: [redisNote],
      raw: { lines: LINES, distinctSkus: lines.distinct, latency, rounds: options.rounds, samples, redisKeysLeft: leftover },
    };
  } finally {
    await Promise.all(caches.map((c) => c.close().catch(() => undefined)));
    if (typeof redis !== 'string') redis.close();
    await jd.stop();
  }
}
