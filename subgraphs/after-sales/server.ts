import { serverSettings, startSubgraph, type RunningSubgraph, type SubgraphServerSettings } from '../kit';
import { createAfterSalesContext, type AfterSalesContextDeps } from './context';
import { buildSchema } from './schema';

/** What the after-sales subgraph needs to serve: validated settings plus the per-request JD loader factory. */
export interface AfterSalesServerOptions extends AfterSalesContextDeps, SubgraphServerSettings {}

/** Builds the schema and serves it; used by the entry point, `npm start` and HTTP tests. */
export function startAfterSalesSubgraph(opts: AfterSalesServerOptions): Promise<RunningSubgraph> {
  return startSubgraph({
    ...serverSettings(opts),
    name: 'after-sales',
    schema: buildSchema().schema,
    createContext: (base) => createAfterSalesContext(base, opts),
  });
}
