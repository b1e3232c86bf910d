import type { Logger } from 'pino';
import type { Identity } from './auth';

/** Per-request context the gateway hands to its data sources and plugins. */
export interface GatewayContext {
  identity: Identity;
  requestId: string;
  traceparent?: string;
  acceptLanguage?: string;
  clientName?: string;
  log: Logger;
  /** Epoch ms after which nobody waits for the answer (REQUEST_TIMEOUT_MS, shortened by the client's `timeout`). */
  deadline: number;
  /** Aborts at the deadline or when the client disconnects; every subgraph fetch of the request stops with it. */
  signal: AbortSignal;
}
