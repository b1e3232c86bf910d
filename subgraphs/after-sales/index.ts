/**
 * Entry point: runs the after-sales subgraph alone (`npm run start:after-sales`, port 4002 or AFTER_SALES_PORT).
 * In sandbox mode (no JD_API_URL) it talks to the JD sandbox at JD_SANDBOX_PORT (`npm run sandbox`).
 */
import 'reflect-metadata';
import { createJdRuntime, runSubgraphEntry } from '../kit';
import { loadAfterSalesConfig } from './config';
import { startAfterSalesSubgraph } from './server';

void runSubgraphEntry('jd-after-sales', async () => {
  // Read once; a bad value stops start-up here with a message naming the variable.
  const config = loadAfterSalesConfig(process.env);
  const jd = createJdRuntime({ jd: config.jd, redisUrl: config.redisUrl, cacheNamespace: config.cacheNamespace });
  const running = await startAfterSalesSubgraph({
    ...config.subgraph,
    policy: config.policy,
    createLoaders: jd.createLoaders,
    checkReady: jd.checkReady,
  });
  return {
    banner: `after-sales subgraph on ${running.url} (JD Plus return window ${config.policy.plusDays} days; JD: ${jd.describeJd()})`,
    shutdown: config.subgraph.shutdown,
    stop: () => running.stop().then(() => jd.close()),
  };
});
