/**
 * Entry point: runs the exchange subgraph alone (`npm run start:exchange`, port 4003 or EXCHANGE_PORT).
 * In sandbox mode (no JD_API_URL) it talks to the JD sandbox at JD_SANDBOX_PORT (`npm run sandbox`).
 */
import 'reflect-metadata';
import { createJdRuntime, runSubgraphEntry } from '../kit';
import { loadExchangeConfig } from './config';
import { QuoteTokens } from './quote/quote-token';
import { startExchangeSubgraph } from './server';

void runSubgraphEntry('jd-exchange', async () => {
  // Read once; a bad value stops start-up here with a message naming the variable.
  const config = loadExchangeConfig(process.env);
  const jd = createJdRuntime({ jd: config.jd, redisUrl: config.redisUrl, cacheNamespace: config.cacheNamespace });
  const running = await startExchangeSubgraph({
    ...config.subgraph,
    quotes: new QuoteTokens(config.quote.secret),
    quoteSettings: { ttlSeconds: config.quote.ttlSeconds },
    createLoaders: jd.createLoaders,
    checkReady: jd.checkReady,
  });
  return {
    banner: `exchange subgraph on ${running.url} (quotes valid ${config.quote.ttlSeconds} s; JD: ${jd.describeJd()})`,
    shutdown: config.subgraph.shutdown,
    stop: () => running.stop().then(() => jd.close()),
  };
});
