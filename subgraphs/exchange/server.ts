import { startSubgraph, type RunningSubgraph } from '../kit';
import { createExchangeContext, type ExchangeContextDeps } from './context';
import { buildSchema } from './schema';

/** What the exchange subgraph needs to serve: validated settings, the quote signer and the per-request JD loader factory. */
export interface ExchangeServerOptions extends ExchangeContextDeps {
  port: number;
  host?: string;
  signingSecret: string;
  signatureMaxAgeMs?: number;
  production?: boolean;
  checkReady?(): Promise<boolean>;
}

/** Builds the schema and serves it; used by the entry point, `npm start` and HTTP tests. */
export function startExchangeSubgraph(opts: ExchangeServerOptions): Promise<RunningSubgraph> {
  const { schema } = buildSchema();
  return startSubgraph({
    name: 'exchange',
    schema,
    port: opts.port,
    host: opts.host,
    signingSecret: opts.signingSecret,
    signatureMaxAgeMs: opts.signatureMaxAgeMs,
    production: opts.production,
    createContext: (base) => createExchangeContext(base, opts),
    checkReady: opts.checkReady,
  });
}
