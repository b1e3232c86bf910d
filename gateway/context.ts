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
}
