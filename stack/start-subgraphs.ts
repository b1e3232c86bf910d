import type { JdRuntime, RunningSubgraph } from '../subgraphs/kit';
import { startOrdersSubgraph } from '../subgraphs/orders/server';
import { startAfterSalesSubgraph } from '../subgraphs/after-sales/server';
import { startExchangeSubgraph } from '../subgraphs/exchange/server';
import { QuoteTokens } from '../subgraphs/exchange/quote/quote-token';
import { startOfficesSubgraph } from '../subgraphs/offices/server';
import { loadDirectory } from '../subgraphs/offices/data/load-directory';
import type { StackConfig } from './stack-config';

export type SubgraphName = 'orders' | 'after-sales' | 'exchange' | 'offices';

/**
 * The four subgraphs of one stack configuration over one JD runtime, started side by side.
 * `onStarted` sees each as it comes up, so a caller can stop those that did when another fails.
 */
export async function startFourSubgraphs(
  config: StackConfig,
  jd: Pick<JdRuntime, 'createLoaders' | 'checkReady'>,
  onStarted: (subgraph: RunningSubgraph) => void = () => undefined,
): Promise<Record<SubgraphName, RunningSubgraph>> {
  const { createLoaders, checkReady } = jd;
  const [orders, afterSales, exchange, offices] = await Promise.all(
    [
      startOrdersSubgraph({ ...config.orders.subgraph, createLoaders, checkReady }),
      startAfterSalesSubgraph({ ...config.afterSales.subgraph, policy: config.afterSales.policy, createLoaders, checkReady }),
      startExchangeSubgraph({
        ...config.exchange.subgraph,
        quotes: new QuoteTokens(config.exchange.quote.secret),
        quoteSettings: { ttlSeconds: config.exchange.quote.ttlSeconds },
        createLoaders,
        checkReady,
      }),
      startOfficesSubgraph(config.offices.subgraph, loadDirectory()),
    ].map((p) => p.then((s) => (onStarted(s), s))),
  );
  return { orders, 'after-sales': afterSales, exchange, offices };
}
