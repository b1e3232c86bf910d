/**
 * Entry point: runs the exchange subgraph alone (`npm run start:exchange`, port 4003 or EXCHANGE_PORT).
 * In sandbox mode (no JD_API_URL) it talks to the JD sandbox at JD_SANDBOX_PORT (`npm run sandbox`).
 */
import 'reflect-metadata';
import { createJdClient } from '../../jd/client';
import { createJdCache, createJdLoaderStats, createJdLoaders } from '../../jd/loaders';
import { loadExchangeConfig } from './config';
import { QuoteTokens } from './quote/quote-token';
import { jdReachable } from './ready';
import { startExchangeSubgraph } from './server';

async function main(): Promise<void> {
  // Read once; a bad value stops start-up here with a message naming the variable.
  const config = loadExchangeConfig(process.env);
  const client = createJdClient(config.jd);
  const cache = createJdCache({ redisUrl: config.redisUrl, namespace: 'jd' });
  const stats = createJdLoaderStats();
  const running = await startExchangeSubgraph({
    ...config.subgraph,
    quotes: new QuoteTokens(config.quote.secret),
    quoteSettings: { ttlSeconds: config.quote.ttlSeconds },
    createLoaders: (customerPin) => createJdLoaders({ client, cache, customerPin, stats }),
    checkReady: jdReachable(config.jd.apiUrl),
  });
  console.log(`exchange subgraph on ${running.url} (quotes valid ${config.quote.ttlSeconds} s; JD: ${config.jd.sandbox ? 'sandbox at ' : ''}${config.jd.apiUrl})`);
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
