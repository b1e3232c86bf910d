/**
 * One subgraph process's JD runtime, as `createJdRuntime` builds it in each subgraph (its own client,
 * limiter, cache and Redis connection), in a process of its own for shared-jd-budget.test.ts.
 * Environment: the JD_* settings (sandbox credentials by default), BUDGET_JD_URL (the test's sandbox),
 * REDIS_URL (optional), BUDGET_NAMESPACE (JD_CACHE_NAMESPACE), BUDGET_WARM_SKU and BUDGET_SKUS
 * (comma-separated). Over IPC: { type: 'ready' }; asked 'warm', loads the warm SKU's goods (opening
 * the connection) and answers 'warmed'; asked 'spend', loads the price of every SKU at once and
 * answers 'spent'; asked 'stop', closes and exits.
 */
import { loadJdConfig } from '../../../../jd/client';
import { createJdRuntime } from '../../../../subgraphs/kit/jd/jd-runtime';

const send = (message: object) => process.send?.(message);

async function main(): Promise<void> {
  const env = process.env;
  const runtime = createJdRuntime({
    jd: { ...loadJdConfig(env), apiUrl: String(env.BUDGET_JD_URL) },
    redisUrl: env.REDIS_URL || undefined,
    // The same for both processes: the budget's Redis counters are per namespace and app key, as replicas of one deployment share them.
    cacheNamespace: String(env.BUDGET_NAMESPACE),
  });
  const skus = String(env.BUDGET_SKUS).split(',');
  process.on('message', (message: { ask?: string }) => {
    const answer = async () => {
      if (message.ask === 'warm') {
        await runtime.createLoaders(undefined).goods.load(String(env.BUDGET_WARM_SKU));
        send({ type: 'warmed' });
      } else if (message.ask === 'spend') {
        await Promise.all(skus.map((sku) => runtime.createLoaders(undefined).price.load(sku)));
        send({ type: 'spent', describe: runtime.describeJd() });
      } else if (message.ask === 'stop') {
        await runtime.close();
        process.exit(0);
      }
    };
    answer().catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
  });
  send({ type: 'ready' });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? err.stack : String(err) });
  process.exit(1);
});
