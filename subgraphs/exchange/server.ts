import { serverSettings, startSubgraph, type RunningSubgraph, type SubgraphServerSettings } from '../kit';
import { createExchangeContext, type ExchangeContextDeps } from './context';
import { buildSchema } from './schema';

/** What the exchange subgraph needs to serve: validated settings, the quote signer and the per-request JD loader factory. */
export interface ExchangeServerOptions extends ExchangeContextDeps, SubgraphServerSettings {}

/** Builds the schema and serves it; used by the entry point, `npm start` and HTTP tests. */
export function startExchangeSubgraph(opts: ExchangeServerOptions): Promise<RunningSubgraph> {
  return startSubgraph({
    ...serverSettings(opts),
    name: 'exchange',
    schema: buildSchema().schema,
    createContext: (base) => createExchangeContext(base, opts),
  });
}
