import type { JdLoaders } from '../../jd/loaders/types';
import { startSubgraph, type RunningSubgraph } from '../kit';
import { createOrdersContext } from './context';
import { buildSchema } from './schema';

/** What the orders subgraph needs to serve: validated settings plus the per-request JD loader factory. */
export interface OrdersServerOptions {
  port: number;
  host?: string;
  signingSecret: string;
  signatureMaxAgeMs?: number;
  production?: boolean;
  /** Per request: the JD loaders for that request's customer (undefined for partners and anonymous callers). */
  createLoaders(customerPin: string | undefined): JdLoaders;
  checkReady?(): Promise<boolean>;
}

/** Builds the schema and serves it; used by the entry point, `npm start` and HTTP tests. */
export function startOrdersSubgraph(opts: OrdersServerOptions): Promise<RunningSubgraph> {
  const { schema } = buildSchema();
  return startSubgraph({
    name: 'orders',
    schema,
    port: opts.port,
    host: opts.host,
    signingSecret: opts.signingSecret,
    signatureMaxAgeMs: opts.signatureMaxAgeMs,
    production: opts.production,
    createContext: (base) => createOrdersContext(base, opts.createLoaders),
    checkReady: opts.checkReady,
  });
}
