import { serverSettings, startSubgraph, type LoadersFactory, type RunningSubgraph, type SubgraphServerSettings } from '../kit';
import { createOrdersContext } from './context';
import { buildSchema } from './schema';

/** What the orders subgraph needs to serve: validated settings plus the per-request JD loader factory. */
export interface OrdersServerOptions extends SubgraphServerSettings {
  /** Per request: the JD loaders for that request's customer (undefined for partners and anonymous callers). */
  createLoaders: LoadersFactory;
}

/** Builds the schema and serves it; used by the entry point, `npm start` and HTTP tests. */
export function startOrdersSubgraph(opts: OrdersServerOptions): Promise<RunningSubgraph> {
  return startSubgraph({
    ...serverSettings(opts),
    name: 'orders',
    schema: buildSchema().schema,
    createContext: (base) => createOrdersContext(base, opts.createLoaders),
  });
}
