export type { JdClient, JdCallOptions } from './types';
export { isStopped, throwIfStopped } from './policies/deadline';
export { createJdClient, type JdClientConfig, type JdClientDeps, type JdCallObservation } from './jd-client';
export type { JdBreakerState } from './policies/breaker';
export { loadJdConfig, readJdConfig, type JdConfig } from './config';
export { JdApiError, systemError, businessError, networkError, timeoutError, circuitOpenError, rateLimitedError } from './errors';
export { signJdParams, canonicalString } from './sign';
export { buildJdRequest } from './request';
export { parseJdResponse } from './envelope';
