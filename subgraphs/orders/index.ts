/**
 * Entry point: runs the orders subgraph alone (`npm run start:orders`, port 4001 or ORDERS_PORT).
 * In sandbox mode (no JD_API_URL) it talks to the JD sandbox at JD_SANDBOX_PORT (`npm run sandbox`).
 */
import 'reflect-metadata';
import { createJdRuntime, runSubgraphEntry } from '../kit';
import { loadOrdersConfig } from './config';
import { startOrdersSubgraph } from './server';

void runSubgraphEntry('jd-orders', async () => {
  // Read once; a bad value stops start-up here with a message naming the variable.
  const config = loadOrdersConfig(process.env);
  const jd = createJdRuntime({ jd: config.jd, redisUrl: config.redisUrl, cacheNamespace: config.cacheNamespace });
  const running = await startOrdersSubgraph({ ...config.subgraph, createLoaders: jd.createLoaders, checkReady: jd.checkReady });
  return {
    banner: `orders subgraph on ${running.url} (JD: ${jd.describeJd()})`,
    shutdown: config.subgraph.shutdown,
    stop: () => running.stop().then(() => jd.close()),
  };
});
