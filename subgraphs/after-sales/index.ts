/**
 * Entry point: runs the after-sales subgraph alone (`npm run start:after-sales`, port 4002 or AFTER_SALES_PORT).
 * In sandbox mode (no JD_API_URL) it talks to the JD sandbox at JD_SANDBOX_PORT (`npm run sandbox`).
 */
import 'reflect-metadata';
import { createJdClient } from '../../jd/client';
import { createJdCache, createJdLoaderStats, createJdLoaders } from '../../jd/loaders';
import { loadAfterSalesConfig } from './config';
import { jdReachable } from './ready';
import { startAfterSalesSubgraph } from './server';

async function main(): Promise<void> {
  // Read once; a bad value stops start-up here with a message naming the variable.
  const config = loadAfterSalesConfig(process.env);
  const client = createJdClient(config.jd);
  const cache = createJdCache({ redisUrl: config.redisUrl, namespace: 'jd' });
  const stats = createJdLoaderStats();
  const running = await startAfterSalesSubgraph({
    ...config.subgraph,
    policy: config.policy,
    createLoaders: (customerPin) => createJdLoaders({ client, cache, customerPin, stats }),
    checkReady: jdReachable(config.jd.apiUrl),
  });
  console.log(`after-sales subgraph on ${running.url} (JD Plus return window ${config.policy.plusDays} days; JD: ${config.jd.sandbox ? 'sandbox at ' : ''}${config.jd.apiUrl})`);
  const shutdown = () => {
    running
      .stop()
      .then(() => cache.close())
      .then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
