/**
 * Bench 1 — batching: the prices of 250 order lines through one request's DataLoader (≤ 100 SKUs a
 * JD call) against one JD call per SKU, on the in-process sandbox with 5 ms ± 1 per call.
 */
import { createJdCache, createJdLoaders, createJdLoaderStats, DEFAULT_JD_CONCURRENCY } from '../jd/loaders';
import { createLimiter } from '../jd/loaders/limit';
import { JD_METHODS } from '../jd/protocol/methods';
import { parseFen } from '../jd/protocol/money';
import { orderLines, startJdFixture, timed } from './lib/jd-fixture';
import type { BenchResult } from './lib/report';
import { interleave, median, quantile, round } from './lib/stats';

const LINES = 250;
const PRICE = JD_METHODS.priceGet;

interface Sample {
  ms: number;
  jdCalls: number;
}

export async function runBatchingBench(options: { rounds: number }): Promise<BenchResult> {
  const latency = { latencyMs: 4, jitterMs: 2 };
  const jd = await startJdFixture({ [PRICE]: latency });
  try {
    const lines = orderLines(jd.sandbox, LINES);
    const distinct = [...new Set(lines.skuIds)];

    /** Prices per line as fen, so every variant's answer can be checked against the others. */
    const loaderRun = async (): Promise<number[]> => {
      // A fresh cache each round: this bench isolates batching (bench 2 measures the cache).
      const loaders = createJdLoaders({ client: jd.client, cache: createJdCache(), stats: createJdLoaderStats() });
      // One load per order line in the same tick, as 250 `price` field resolvers would.
      const prices = await Promise.all(lines.skuIds.map((sku) => loaders.price.load(sku)));
      return prices.map((p) => p?.priceFen ?? -1);
    };
    const perSkuRun = (concurrency: number | null) => async (): Promise<number[]> => {
      const limit = concurrency ? createLimiter(concurrency) : <T>(task: () => Promise<T>) => task();
      const bySku = new Map<string, number>();
      await Promise.all(
        distinct.map((sku) =>
          limit(async () => {
            const result = await jd.client.call(PRICE, { sku_id: `J_${sku}` });
            const row = result.price_changes?.[0];
            bySku.set(sku, row ? parseFen(row.price) : -1);
          }),
        ),
      );
      return lines.skuIds.map((sku) => bySku.get(sku) ?? -1);
    };

    const expected = await loaderRun(); // warm-up (JIT, sockets) and the reference answer
    await perSkuRun(DEFAULT_JD_CONCURRENCY)();
    const measure = (work: () => Promise<number[]>) => async (): Promise<Sample> => {
      const before = jd.jdCalls(PRICE);
      const { ms, value } = await timed(work);
      if (value.join() !== expected.join()) throw new Error('variants disagree on the prices: the bench is wrong');
      return { ms, jdCalls: jd.jdCalls(PRICE) - before };
    };
    const variants = {
      'DataLoader (≤100 SKUs a call)': measure(loaderRun),
      [`one call per SKU, ≤${DEFAULT_JD_CONCURRENCY} in flight`]: measure(perSkuRun(DEFAULT_JD_CONCURRENCY)),
      'one call per SKU, all at once': measure(perSkuRun(null)),
    };
    const samples = await interleave(options.rounds, variants);
    const names = Object.keys(variants);
    const base = median(samples[names[0]].map((s) => s.ms));
    const batchSizes = jd.sandbox.stats.snapshot().methods[PRICE]?.batchSizes ?? [];
    return {
      name: 'batching',
      title: 'Bench 1 — batching: prices of 250 order lines, DataLoader vs one JD call per SKU',
      method: [
        `Workload: the first ${LINES} order lines of the sandbox's orders (seed "jd-sandbox", ${lines.orders} orders), ${distinct.length} distinct SKUs; every price is checked against the DataLoader's answer.`,
        `In-process JD sandbox, injected latency on \`${PRICE}\`: ${latency.latencyMs} ms + uniform 0..${latency.jitterMs} ms (5 ms ± 1), real HTTP on loopback through the real JD client (signing, envelope parsing).`,
        'DataLoader variant: a fresh request (new loaders, new empty memory cache) each round, one `price.load(sku)` per line in the same tick.',
        `Per-SKU variants: \`client.call('${PRICE}', { sku_id: 'J_<sku>' })\` once per distinct SKU (already generous: a naive resolver would call once per line), capped at ${DEFAULT_JD_CONCURRENCY} in flight (the loaders' own per-request cap) or unbounded.`,
        'The client rate limit is lifted to 1,000,000/s and retries are off for every variant; JD calls are counted by the sandbox itself.',
        `${options.rounds} rounds, variants interleaved (A, B, C, A, B, C, …) in one process after one warm-up of each; medians reported.`,
      ],
      tables: [
        {
          title: 'Results',
          columns: ['variant', 'JD calls per request', 'median wall ms', 'p90 wall ms', 'median ÷ DataLoader median'],
          rows: names.map((n) => {
            const ms = samples[n].map((s) => s.ms);
            return [
              n,
              median(samples[n].map((s) => s.jdCalls)),
              round(median(ms)),
              round(quantile(ms, 0.9)),
              `${round(median(ms) / base)}×`,
            ];
          }),
        },
      ],
      notes: [
        `Keys per \`${PRICE}\` call seen by the sandbox over the whole run: max ${Math.max(...batchSizes)}, ${batchSizes.filter((b) => b > 1).length} calls carried more than one SKU.`,
      ],
      raw: { lines: LINES, distinctSkus: distinct.length, latency, rounds: options.rounds, samples },
    };
  } finally {
    await jd.stop();
  }
}
