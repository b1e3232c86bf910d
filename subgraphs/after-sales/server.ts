import { startSubgraph, type RunningSubgraph } from '../kit';
import { createAfterSalesContext, type AfterSalesContextDeps } from './context';
import { buildSchema } from './schema';

/** What the after-sales subgraph needs to serve: validated settings plus the per-request JD loader factory. */
export interface AfterSalesServerOptions extends AfterSalesContextDeps {
  port: number;
  host?: string;
  signingSecret: string;
  signatureMaxAgeMs?: number;
  production?: boolean;
  checkReady?(): Promise<boolean>;
}

/** Builds the schema and serves it; used by the entry point, `npm start` and HTTP tests. */
export function startAfterSalesSubgraph(opts: AfterSalesServerOptions): Promise<RunningSubgraph> {
  const { schema } = buildSchema();
  return startSubgraph({
    name: 'after-sales',
    schema,
    port: opts.port,
    host: opts.host,
    signingSecret: opts.signingSecret,
    signatureMaxAgeMs: opts.signatureMaxAgeMs,
    production: opts.production,
    createContext: (base) => createAfterSalesContext(base, opts),
    checkReady: opts.checkReady,
  });
}
