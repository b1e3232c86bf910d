/**
 * Bench 3 — in-flight de-duplication: N requests at once, each with its own loaders, ask for the
 * same 100 SKUs' prices over a cold cache. With the process-wide cache they share one JD call;
 * with a cache per request (no sharing) each request makes its own.
 */
import { createJdCache, createJdLoaders, createJdLoaderStats, type JdCache } from '../jd/loaders';
import { JD_METHODS } from '../jd/protocol';
import { orderLines, settled, startJdFixture, timed } from './lib/jd-fixture';
import type { BenchResult } from './lib/report';
import { interleave, median, round } from './lib/stats';

const KEYS = 100;
const CONCURRENCY_LEVELS = [1, 10, 50, 100];
const PRICE = JD_METHODS.priceGet;

interface Sample {
  ms: number;
  jdCalls: number;
  inFlightJoins: number;
  cacheHits: number;
}

export async function runDedupBench(options: { rounds: number }): Promise<BenchResult> {
  const latency = { latencyMs: 4, jitterMs: 2 };
  const jd = await startJdFixture({ [PRICE]: latency });
  try {
    const skus = [...new Set(orderLines(jd.sandbox, 250).skuIds)].slice(0, KEYS);
    const burst = (n: number, shared: boolean) => async (): Promise<Sample> => {
      const stats = createJdLoaderStats();
      const processCache = createJdCache(); // cold every round
      const used: JdCache[] = [];
      const cacheFor = (): JdCache => {
        const cache = shared ? processCache : createJdCache();
        used.push(cache);
        return cache;
      };
      const before = jd.jdCalls(PRICE);
      const { ms, value } = await timed(() =>
        Promise.all(
          Array.from({ length: n }, () => {
            const loaders = createJdLoaders({ client: jd.client, cache: cacheFor(), stats });
            return loaders.price.loadMany(skus);
          }),
        ),
      );
      // Let the write-backs finish outside the timing, so they do not slow the next burst down.
      await Promise.all(used.map(settled));
      if (value.some((answers) => answers.some((a) => a === null || a instanceof Error)))
        throw new Error('a request did not get every price');
      const s = stats.snapshot().methods[PRICE];
      return { ms, jdCalls: jd.jdCalls(PRICE) - before, inFlightJoins: s?.inFlightJoins ?? 0, cacheHits: s?.cacheHits ?? 0 };
    };
    const variants: Record<string, () => Promise<Sample>> = {};
    for (const n of CONCURRENCY_LEVELS) {
      variants[`${n}|shared`] = burst(n, true);
      variants[`${n}|isolated`] = burst(n, false);
    }
    for (const run of Object.values(variants)) await run(); // warm-up
    const samples = await interleave(options.rounds, variants);
    const med = (k: string, f: (s: Sample) => number) => median(samples[k].map(f));
    return {
      name: 'dedup',
      title: 'Bench 3 — in-flight de-duplication: N concurrent requests for the same 100 SKUs',
      method: [
        `Each "request" has its own loaders and calls \`price.loadMany\` for the same ${KEYS} SKUs; N requests start in the same tick; the cache is empty at the start of every burst.`,
        'shared: every request uses one process-wide cache (the production wiring), whose in-flight map lets a miss join a JD call already on its way.',
        'isolated: every request gets its own cache (what per-request DataLoaders alone give: no sharing between requests).',
        `JD: in-process sandbox, 4 ms + uniform 0..2 ms on \`${PRICE}\`; calls counted by the sandbox. Every request must get all ${KEYS} prices.`,
        `${options.rounds} rounds of every (N, variant) pair, interleaved in one process after one warm-up each; medians reported.`,
      ],
      tables: [
        {
          title: 'Results (medians per burst)',
          columns: [
            'N requests',
            'JD calls, shared',
            'JD calls, isolated',
            'in-flight joins, shared',
            'cache hits, shared',
            'wall ms, shared',
            'wall ms, isolated',
            'isolated ÷ shared (wall)',
          ],
          rows: CONCURRENCY_LEVELS.map((n) => {
            const s = `${n}|shared`;
            const i = `${n}|isolated`;
            const msS = med(s, (x) => x.ms);
            const msI = med(i, (x) => x.ms);
            return [
              n,
              med(s, (x) => x.jdCalls),
              med(i, (x) => x.jdCalls),
              med(s, (x) => x.inFlightJoins),
              med(s, (x) => x.cacheHits),
              round(msS),
              round(msI),
              `${round(msI / msS)}×`,
            ];
          }),
        },
      ],
      notes: [
        '"in-flight joins" counts keys (not calls) answered by another request\'s JD call; "cache hits" are keys a late request found already written back.',
        "At N = 1 both variants do the same work (one request, one cache); their wall-time ratio is the bench's own noise floor.",
      ],
      raw: { keys: KEYS, levels: CONCURRENCY_LEVELS, latency, rounds: options.rounds, samples },
    };
  } finally {
    await jd.stop();
  }
}
